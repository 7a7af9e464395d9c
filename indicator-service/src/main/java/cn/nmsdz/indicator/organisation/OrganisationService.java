package cn.nmsdz.indicator.organisation;

import cn.nmsdz.events.EventTypes;
import cn.nmsdz.events.Topics;
import cn.nmsdz.events.catalogue.DecompositionData;
import cn.nmsdz.events.catalogue.FirstLevelNode;
import cn.nmsdz.events.catalogue.Indicator;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.SecondLevelNode;
import cn.nmsdz.indicator.catalogue.CatalogueService;
import cn.nmsdz.indicator.catalogue.IndicatorSystemEntity;
import cn.nmsdz.indicator.domain.decomposition.DecompositionEntry;
import cn.nmsdz.indicator.domain.decomposition.DecompositionRules;
import cn.nmsdz.indicator.domain.decomposition.Department;
import cn.nmsdz.indicator.domain.decomposition.PlanTask;
import cn.nmsdz.indicator.domain.decomposition.RegionOrganisation;
import cn.nmsdz.indicator.domain.validation.Violation;
import cn.nmsdz.indicator.organisation.OrganisationViews.DecompositionView;
import cn.nmsdz.indicator.organisation.OrganisationViews.EntryView;
import cn.nmsdz.indicator.organisation.OrganisationViews.PlanTaskView;
import cn.nmsdz.indicator.organisation.OrganisationViews.PlanView;
import cn.nmsdz.indicator.organisation.OrganisationViews.TaskRef;
import cn.nmsdz.indicator.organisation.OrganisationViews.UnitRef;
import cn.nmsdz.indicator.region.RegionEntity;
import cn.nmsdz.support.outbox.Outbox;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Departments, plans and the task decomposition of regions. Every change (and the initial load)
 * announces the region's whole decomposition on catalogue.events, keyed by region code, so
 * consumers (evidence permissions, scoring's gap view) never need to ask.
 */
@ApplicationScoped
public class OrganisationService {
    static final String SOURCE = "/indicator-service";

    @Inject
    Outbox outbox;

    @Inject
    CatalogueService catalogue;

    @Inject
    OrganisationHistory history;

    @Inject
    CampaignService campaign;

    /** The indicator system whose codes and names the decomposition refers to. */
    @ConfigProperty(name = "nmsdz.catalogue.default-system", defaultValue = "NMSDZ")
    String defaultSystem;

    public RegionEntity region(String code) {
        RegionEntity region = RegionEntity.findById(code);
        if (region == null) {
            throw ProblemException.notFound("no region " + code).chinese("没有地区 " + code);
        }
        return region;
    }

    public RegionOrganisation organisation(String region) {
        return new RegionOrganisation(region,
                DepartmentEntity.ofRegion(region).stream().map(DepartmentEntity::toDomain).toList(),
                PlanTaskEntity.ofRegion(region).stream().map(PlanTaskEntity::toDomain).toList(),
                DecompositionEntryEntity.ofRegion(region).stream().map(DecompositionEntryEntity::toDomain).toList());
    }

    /** The latest published version of the default indicator system. */
    public IndicatorSystemDocument system() {
        return IndicatorSystemEntity.latestPublished(defaultSystem).map(catalogue::document)
                .orElseThrow(() -> new ProblemException(409, "Conflict", "indicator system " + defaultSystem
                        + " is not published yet").chinese("指标体系 " + defaultSystem + " 尚未发布"));
    }

    // ------------------------------------------------------------------ seed

    /** Loads a region seed file once (nothing happens if the region already has a plan). */
    @Transactional
    public boolean loadSeed(RegionSeed seed) {
        String region = seed.region().code();
        if (CreationPlanEntity.findById(region) != null || RegionEntity.findById(region) == null) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int position = 0;
        for (Department d : seed.departments()) {
            persist(region, d, position++, now);
        }
        CreationPlanEntity plan = new CreationPlanEntity();
        plan.regionCode = region;
        plan.title = seed.plan().title();
        if (seed.source() != null) {
            plan.documentNumber = seed.source().documentNumber();
            plan.issuer = seed.source().issuer();
            plan.issuedOn = seed.source().date();
            plan.kind = seed.source().kind();
        }
        plan.leadership = seed.leadership() == null ? null : JsonLists.write(seed.leadership());
        plan.updatedAt = now;
        plan.persist();
        for (PlanTask t : seed.planTasks()) {
            PlanTaskEntity e = new PlanTaskEntity();
            e.regionCode = region;
            e.kind = t.kind();
            e.number = t.number();
            e.section = t.section();
            e.heading = t.heading();
            e.title = t.title();
            e.text = t.text();
            e.leadUnits = t.leadUnits();
            e.responsibleUnits = t.responsibleUnits();
            e.persist();
        }
        for (DecompositionEntry entry : seed.decomposition()) {
            store(region, entry, now);
        }
        announce(region);
        campaign.announce(region); // plan, leadership group and tasks, for scoring-service's reports
        return true;
    }

    // ------------------------------------------------------------------ departments

    @Transactional
    public Department createDepartment(String region, Department d) {
        region(region);
        if (d.code() != null && DepartmentEntity.findById(d.code()) != null) {
            throw ProblemException.conflict("department " + d.code() + " already exists; change it with PUT")
                    .chinese("部门 " + d.code() + " 已存在；请用 PUT 修改");
        }
        return saveDepartment(region, d);
    }

    @Transactional
    public Department putDepartment(String region, String code, Department d) {
        region(region);
        if (d.code() != null && !d.code().equals(code)) {
            throw ProblemException.badRequest("the department's code differs from the path",
                    List.of(new Problem.FieldError("/code", "must be " + code + " (the path) or absent")))
                    .chinese("部门的 code 与路径中的不一致");
        }
        return saveDepartment(region, new Department(code, d.name(), d.aliases(), d.kind(), d.members()));
    }

    /** Removes a department no task, entry, collective or leadership group refers to. */
    @Transactional
    public void deleteDepartment(String region, String code) {
        region(region);
        DepartmentEntity entity = DepartmentEntity.findById(code);
        if (entity == null || !entity.regionCode.equals(region)) {
            throw ProblemException.notFound("no department " + code + " in region " + region)
                    .chinese("地区 " + region + " 没有部门 " + code);
        }
        RegionOrganisation org = organisation(region);
        List<String> users = new ArrayList<>();
        List<String> usersZh = new ArrayList<>();
        org.entries().stream().filter(e -> e.leadUnits().contains(code) || e.responsibleUnits().contains(code))
                .forEach(e -> {
                    users.add("indicator " + e.indicator());
                    usersZh.add("指标 " + e.indicator());
                });
        org.tasks().stream().filter(t -> t.leadUnits().contains(code) || t.responsibleUnits().contains(code))
                .forEach(t -> {
                    users.add(t.kind().toLowerCase() + " " + t.number());
                    usersZh.add("创建方案 " + t.kind().toLowerCase() + " " + t.number());
                });
        org.departments().stream().filter(d -> d.members().contains(code)).forEach(d -> {
            users.add("department " + d.code());
            usersZh.add("部门 " + d.code());
        });
        leadership(region).ifPresent(g -> {
            if (g.members().stream().anyMatch(m -> code.equals(m.department()))
                    || (g.office() != null && code.equals(g.office().department()))) {
                users.add("the leadership group");
                usersZh.add("领导小组");
            }
        });
        if (!users.isEmpty()) {
            throw ProblemException.conflict("department " + code + " is still named by " + String.join(", ", users))
                    .chinese("部门 " + code + " 仍被引用：" + String.join("、", usersZh));
        }
        history.record(region, "department " + code, entity.toDomain(), null);
        entity.delete();
        announce(region);
    }

    private Department saveDepartment(String region, Department d) {
        RegionOrganisation org = organisation(region);
        List<Violation> violations = DecompositionRules.department(d, org);
        DepartmentEntity existing = d.code() == null ? null : DepartmentEntity.findById(d.code());
        if (existing != null && !existing.regionCode.equals(region)) {
            violations = new ArrayList<>(violations);
            violations.add(new Violation("/code", "department " + d.code() + " belongs to region " + existing.regionCode));
        }
        reject("Invalid department", violations);
        int position = existing != null ? existing.position
                : DepartmentEntity.ofRegion(region).stream().mapToInt(e -> e.position + 1).max().orElse(0);
        Department before = existing == null ? null : existing.toDomain();
        persist(region, d, position, OffsetDateTime.now(ZoneOffset.UTC));
        history.record(region, "department " + d.code(), before, DepartmentEntity.<DepartmentEntity>findById(d.code()).toDomain());
        announce(region);
        return d;
    }

    private static void persist(String region, Department d, int position, OffsetDateTime now) {
        DepartmentEntity e = DepartmentEntity.findById(d.code());
        if (e == null) {
            e = new DepartmentEntity();
            e.code = d.code();
        }
        e.regionCode = region;
        e.name = d.name().strip();
        e.aliases = d.aliases().stream().map(String::strip).toList();
        e.kind = d.kind();
        e.members = d.members();
        e.position = position;
        e.updatedAt = now;
        e.persist();
    }

    // ------------------------------------------------------------------ decomposition

    /** Creates or replaces the entry of one indicator; 422 lists every violation. */
    @Transactional
    public DecompositionEntry putEntry(String region, DecompositionEntry entry) {
        region(region);
        reject("Invalid decomposition entry",
                DecompositionRules.entry(entry, new java.util.HashSet<>(indicatorCodes(system())), organisation(region)));
        DecompositionEntryEntity old = DecompositionEntryEntity.findById(new DecompositionEntryEntity.Key(region, entry.indicator()));
        history.record(region, "decomposition " + entry.indicator(), old == null ? null : old.toDomain(), entry);
        store(region, entry, OffsetDateTime.now(ZoneOffset.UTC));
        announce(region);
        return entry;
    }

    /** The 任务分解表 of the region as an .xlsx workbook. */
    public byte[] exportSheet(String region) {
        RegionEntity r = region(region);
        return DecompositionWorkbook.export(system(), organisation(region), r.name, campaign.schedules(region),
                campaign.tasks(region));
    }

    /**
     * Imports a 任务分解表: the sheet becomes the region's whole decomposition (indicators without a
     * row, or with an empty row, lose their entry). All or nothing; every problem by row.
     */
    @Transactional
    public void importSheet(String region, java.io.InputStream in) {
        region(region);
        DecompositionWorkbook.Result result = DecompositionWorkbook.read(in, system(), organisation(region),
                campaign.stages(region));
        if (!result.violations().isEmpty()) {
            throw new ProblemException(422, "Invalid 任务分解表", result.violations().size()
                    + " problem(s) found; nothing was imported",
                    result.violations().stream().map(v -> new Problem.FieldError(v.pointer(), v.message())).toList())
                    .chinese("任务分解表中发现 " + result.violations().size() + " 处问题；未导入任何内容");
        }
        java.util.Set<String> kept = new java.util.HashSet<>();
        result.entries().forEach(e -> kept.add(e.indicator()));
        DecompositionEntryEntity.ofRegion(region).stream().filter(e -> !kept.contains(e.indicator)).forEach(e -> {
            history.record(region, "decomposition " + e.indicator, e.toDomain(), null);
            e.delete();
        });
        putEntries(region, result.entries());
        // the sheet's 时间节点/责任人员/推进阶段 columns: only a sheet that has them changes the schedules (an old file keeps them)
        if (result.schedules() != null) {
            for (CampaignViews.ScheduleView s : result.schedules()) {
                String item = s.item() == null ? "" : s.item();
                CampaignScheduleEntity old = CampaignScheduleEntity.findById(new CampaignScheduleEntity.Key(region, s.indicator(), item));
                CampaignViews.ScheduleView before = old == null ? null : CampaignService.view(old);
                CampaignService.store(region, s.indicator(), item, s.dueDate(), s.stage(), s.persons());
                history.record(region, "schedule " + s.indicator() + (s.item() == null ? "" : " item " + s.item()), before, s);
            }
        }
        if (result.tasks() != null) {
            result.tasks().forEach(t -> campaign.storeTaskCampaign(region, t));
        }
        if (result.schedules() != null || result.tasks() != null) {
            campaign.announce(region);
        }
    }

    /** Replaces the entries of the given indicators all at once; one event. */
    @Transactional
    public void putEntries(String region, List<DecompositionEntry> entries) {
        region(region);
        RegionOrganisation org = organisation(region);
        List<String> codes = indicatorCodes(system());
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String p = "/entries/" + i;
            DecompositionRules.entry(entries.get(i), new java.util.HashSet<>(codes), org)
                    .forEach(v -> errors.add(new Problem.FieldError(p + v.pointer(), v.message())));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "Invalid decomposition", errors.size() + " problem(s) found", errors)
                    .chinese("任务分解表中发现 " + errors.size() + " 处问题");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (DecompositionEntry e : entries) {
            DecompositionEntryEntity old = DecompositionEntryEntity.findById(new DecompositionEntryEntity.Key(region, e.indicator()));
            history.record(region, "decomposition " + e.indicator(), old == null ? null : old.toDomain(), e);
            store(region, e, now);
        }
        announce(region);
    }

    private static void store(String region, DecompositionEntry entry, OffsetDateTime now) {
        DecompositionEntryEntity e = DecompositionEntryEntity.findById(new DecompositionEntryEntity.Key(region, entry.indicator()));
        if (e == null) {
            e = new DecompositionEntryEntity();
            e.regionCode = region;
            e.indicator = entry.indicator();
        }
        e.tasks = entry.tasks();
        e.measures = entry.measures();
        e.leadUnits = entry.leadUnits();
        e.responsibleUnits = entry.responsibleUnits();
        e.updatedAt = now;
        e.persist();
    }

    /** The whole decomposition of the region on catalogue.events (consumers replace what they had). */
    void announce(String region) {
        outbox.append(Topics.CATALOGUE, EventTypes.DECOMPOSITION_CHANGED, SOURCE, region, data(region));
    }

    public DecompositionData data(String region) {
        RegionOrganisation org = organisation(region);
        return new DecompositionData(region,
                org.departments().stream()
                        .map(d -> new DecompositionData.DepartmentData(d.code(), d.name(), d.aliases(), d.kind())).toList(),
                org.entries().stream()
                        .map(e -> new DecompositionData.Entry(e.indicator(), e.tasks(), e.leadUnits(), e.responsibleUnits()))
                        .toList());
    }

    private static void reject(String title, List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ProblemException(422, title, violations.size() + " problem(s) found",
                    violations.stream().map(v -> new Problem.FieldError(v.pointer(), v.message())).toList())
                    .chinese("发现 " + violations.size() + " 处问题");
        }
    }

    // ------------------------------------------------------------------ views

    public static List<String> indicatorCodes(IndicatorSystemDocument system) {
        List<String> codes = new ArrayList<>();
        for (FirstLevelNode f : system.firstLevel()) {
            for (SecondLevelNode s : f.children()) {
                s.indicators().forEach(i -> codes.add(i.code()));
            }
        }
        return codes;
    }

    public DecompositionView decomposition(String region) {
        RegionEntity r = region(region);
        IndicatorSystemDocument system = system();
        RegionOrganisation org = organisation(region);
        Map<String, DecompositionEntry> byIndicator = new LinkedHashMap<>();
        org.entries().forEach(e -> byIndicator.put(e.indicator(), e));
        List<EntryView> views = new ArrayList<>();
        for (FirstLevelNode f : system.firstLevel()) {
            for (SecondLevelNode s : f.children()) {
                for (Indicator i : s.indicators()) {
                    DecompositionEntry e = byIndicator.get(i.code());
                    if (e != null) {
                        views.add(new EntryView(i.code(), i.name(), f.name(), s.name(),
                                tasks(org, PlanTask.TASK, e.tasks()), tasks(org, PlanTask.MEASURE, e.measures()),
                                units(org, e.leadUnits()), units(org, e.responsibleUnits())));
                    }
                }
            }
        }
        return new DecompositionView(region, r.name, system.code(), system.version(), views);
    }

    public Optional<PlanView> plan(String region) {
        region(region);
        CreationPlanEntity plan = CreationPlanEntity.findById(region);
        if (plan == null) {
            return Optional.empty();
        }
        RegionOrganisation org = organisation(region);
        List<PlanTaskView> tasks = new ArrayList<>();
        List<PlanTaskView> measures = new ArrayList<>();
        for (PlanTask t : org.tasks()) {
            PlanTaskView v = new PlanTaskView(t.number(), t.section(), t.heading(), t.title(), t.text(),
                    units(org, t.leadUnits()), units(org, t.responsibleUnits()));
            (PlanTask.TASK.equals(t.kind()) ? tasks : measures).add(v);
        }
        return Optional.of(new PlanView(region, plan.title, plan.documentNumber, plan.issuer, plan.issuedOn, plan.kind,
                tasks, measures));
    }

    public Optional<LeadershipGroup> leadership(String region) {
        region(region);
        CreationPlanEntity plan = CreationPlanEntity.findById(region);
        return plan == null || plan.leadership == null ? Optional.empty()
                : Optional.of(JsonLists.read(plan.leadership, new TypeReference<LeadershipGroup>() { }));
    }

    private static List<TaskRef> tasks(RegionOrganisation org, String kind, List<Integer> numbers) {
        return numbers.stream().map(n -> new TaskRef(n, org.task(kind, n).map(PlanTask::title).orElse(null))).toList();
    }

    private static List<UnitRef> units(RegionOrganisation org, List<String> codes) {
        return codes.stream().map(c -> new UnitRef(c, org.department(c).map(Department::name).orElse(null))).toList();
    }
}
