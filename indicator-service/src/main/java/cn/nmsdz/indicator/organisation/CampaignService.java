package cn.nmsdz.indicator.organisation;

import cn.nmsdz.events.EventTypes;
import cn.nmsdz.events.Topics;
import cn.nmsdz.events.catalogue.CampaignData;
import cn.nmsdz.events.catalogue.FirstLevelNode;
import cn.nmsdz.events.catalogue.Indicator;
import cn.nmsdz.events.catalogue.Item;
import cn.nmsdz.events.catalogue.SecondLevelNode;
import cn.nmsdz.indicator.domain.decomposition.PlanTask;
import cn.nmsdz.indicator.domain.decomposition.RegionOrganisation;
import cn.nmsdz.indicator.domain.validation.Violation;
import cn.nmsdz.indicator.organisation.CampaignViews.CampaignView;
import cn.nmsdz.indicator.organisation.CampaignViews.Liaison;
import cn.nmsdz.indicator.organisation.CampaignViews.Person;
import cn.nmsdz.indicator.organisation.CampaignViews.ScheduleRequest;
import cn.nmsdz.indicator.organisation.CampaignViews.ScheduleView;
import cn.nmsdz.indicator.organisation.CampaignViews.Stage;
import cn.nmsdz.indicator.organisation.CampaignViews.TaskRequest;
import cn.nmsdz.indicator.organisation.CampaignViews.TaskView;
import cn.nmsdz.support.outbox.Outbox;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.RefusalRule;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The creation campaign of a region (issue #13): stages, due dates, responsible persons, targets and liaisons. Every
 * change is kept in the organisation history and announces the region's whole campaign on catalogue.events
 * (campaign-changed), so scoring's progress board and reminders never ask.
 */
@ApplicationScoped
public class CampaignService {
    private static final TypeReference<List<Person>> PERSONS = new TypeReference<>() { };
    private static final TypeReference<List<Liaison>> LIAISONS = new TypeReference<>() { };

    @Inject
    RegionOrganisations organisation;

    @Inject
    OrganisationViewService views;

    @Inject
    OrganisationHistory history;

    @Inject
    Outbox outbox;

    // ------------------------------------------------------------------ reads

    public List<Stage> stages(String region) {
        return CampaignStageEntity.ofRegion(region).stream()
                .map(s -> new Stage(s.code, s.name, s.startsOn, s.endsOn)).toList();
    }

    public List<ScheduleView> schedules(String region) {
        return CampaignScheduleEntity.ofRegion(region).stream().map(CampaignService::view).toList();
    }

    public List<TaskView> tasks(String region) {
        return PlanTaskEntity.ofRegion(region).stream().map(CampaignService::view).toList();
    }

    public CampaignView campaign(String region) {
        organisation.region(region);
        return new CampaignView(region, stages(region), schedules(region), tasks(region));
    }

    public List<Liaison> liaisons(String region, String department) {
        return JsonLists.read(department(region, department).liaisons, LIAISONS);
    }

    // ------------------------------------------------------------------ writes

    @Transactional
    public List<Stage> putStages(String region, List<Stage> stages) {
        organisation.region(region);
        reject(CampaignRules.stages(stages));
        List<Stage> before = stages(region);
        // entity by entity: the stages read above are managed, a bulk delete would leave them in the context
        CampaignStageEntity.ofRegion(region).forEach(CampaignStageEntity::delete);
        CampaignStageEntity.getEntityManager().flush();
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            CampaignStageEntity e = new CampaignStageEntity();
            e.regionCode = region;
            e.code = s.code();
            e.name = s.name().strip();
            e.startsOn = s.startsOn();
            e.endsOn = s.endsOn();
            e.position = i;
            e.persist();
        }
        history.record(region, "stages", before, stages(region));
        announce(region);
        return stages(region);
    }

    /** Sets the schedule of an indicator ({@code item} null) or of one of its items; 400 names every problem. */
    @Transactional
    public ScheduleView putSchedule(String region, String indicator, String item, ScheduleRequest body) {
        organisation.region(region);
        RegionOrganisation org = organisation.organisation(region);
        if (org.entries().stream().noneMatch(e -> e.indicator().equals(indicator))) {
            throw ProblemException.notFound("the decomposition of region " + region + " has no entry for indicator " + indicator)
                    .chinese("地区 " + region + " 的任务分解表没有指标 " + indicator);
        }
        if (item != null && indicator(indicator).map(i -> i.items().stream().map(Item::code).noneMatch(item::equals))
                .orElse(true)) {
            throw ProblemException.notFound("indicator " + indicator + " has no item " + item)
                    .chinese("指标 " + indicator + " 没有子项 " + item);
        }
        List<Person> persons = body.persons() == null ? List.of() : body.persons();
        List<Violation> v = new ArrayList<>(CampaignRules.dueDate(body.dueDate(), body.stage(), stages(region)));
        v.addAll(CampaignRules.persons(persons, org.departmentCodes(), region));
        reject(v);
        String key = item == null ? "" : item;
        CampaignScheduleEntity e = CampaignScheduleEntity.findById(new CampaignScheduleEntity.Key(region, indicator, key));
        ScheduleView before = e == null ? null : view(e);
        store(region, indicator, key, body.dueDate(), body.stage(), persons);
        ScheduleView after = view(CampaignScheduleEntity.<CampaignScheduleEntity>findById(new CampaignScheduleEntity.Key(region, indicator, key)));
        history.record(region, "schedule " + indicator + (item == null ? "" : " item " + item), before, after);
        announce(region);
        return after;
    }

    /** Stores a schedule row (no checks, no history, no event): for the sheet import, which checks and announces itself. */
    static void store(String region, String indicator, String item, java.time.LocalDate due, String stage, List<Person> persons) {
        CampaignScheduleEntity e = CampaignScheduleEntity.findById(new CampaignScheduleEntity.Key(region, indicator, item));
        if (e == null) {
            e = new CampaignScheduleEntity();
            e.regionCode = region;
            e.indicator = indicator;
            e.item = item;
        }
        e.dueDate = due;
        e.stage = stage;
        e.persons = JsonLists.write(persons.stream().map(p -> new Person(p.department(), p.name().strip(),
                p.phone() == null ? null : p.phone().strip())).toList());
        e.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        e.persist();
    }

    /** Changes (or adds) a plan task: its campaign fields always, title, text and units where given. */
    @Transactional
    public TaskView putTask(String region, String kind, int number, TaskRequest body) {
        organisation.region(region);
        if (CreationPlanEntity.findById(region) == null) {
            throw ProblemException.notFound("region " + region + " has no plan").chinese("地区 " + region + " 没有创建方案");
        }
        RegionOrganisation org = organisation.organisation(region);
        PlanTaskEntity e = PlanTaskEntity.findById(new PlanTaskEntity.Key(region, kind, number));
        List<Violation> v = new ArrayList<>();
        if (e == null) {
            if (body.title() == null || body.title().isBlank()) {
                v.add(new Violation("/title", "新任务须有标题 / a new task needs a title"));
            }
            if (body.section() == null || body.section().isBlank()) {
                v.add(new Violation("/section", "新任务须有所属部分 / a new task needs its section"));
            }
        } else if (body.title() != null && body.title().isBlank()) {
            v.add(new Violation("/title", "must not be blank"));
        }
        units(v, "/leadUnits", body.leadUnits(), org);
        units(v, "/responsibleUnits", body.responsibleUnits(), org);
        v.addAll(CampaignRules.dueDate(body.dueDate(), body.stage(), stages(region)));
        List<Person> persons = body.persons() == null ? List.of() : body.persons();
        v.addAll(CampaignRules.persons(persons, org.departmentCodes(), region));
        if (body.currentValue() != null && body.targetValue() == null && (e == null || e.targetValue == null)) {
            v.add(new Violation("/currentValue", "没有目标值的任务不能填当前值 / a current value needs a target"));
        }
        reject(v);
        TaskView before = e == null ? null : view(e);
        if (e == null) {
            e = new PlanTaskEntity();
            e.regionCode = region;
            e.kind = kind;
            e.number = number;
            e.text = "";
            e.leadUnits = List.of();
            e.responsibleUnits = List.of();
        }
        if (body.section() != null) {
            e.section = body.section().strip();
        }
        if (body.title() != null) {
            e.title = body.title().strip();
        }
        if (body.text() != null) {
            e.text = body.text();
        }
        if (body.leadUnits() != null) {
            e.leadUnits = List.copyOf(body.leadUnits());
        }
        if (body.responsibleUnits() != null) {
            e.responsibleUnits = List.copyOf(body.responsibleUnits());
        }
        e.dueDate = body.dueDate();
        e.stage = body.stage();
        e.persons = JsonLists.write(persons);
        if (body.targetValue() != null) {
            e.targetValue = body.targetValue();
            e.targetUnit = body.targetUnit();
        }
        e.currentValue = body.currentValue() != null ? body.currentValue() : e.currentValue;
        e.persist();
        TaskView after = view(e);
        history.record(region, (PlanTask.TASK.equals(kind) ? "task " : "measure ") + number, before, after);
        announce(region);
        return after;
    }

    /** The campaign fields of a task as the 方案任务 sheet gives them (checked there); with history, without event. */
    @Transactional(Transactional.TxType.MANDATORY)
    void storeTaskCampaign(String region, TaskView t) {
        PlanTaskEntity e = PlanTaskEntity.findById(new PlanTaskEntity.Key(region, t.kind(), t.number()));
        TaskView before = view(e);
        e.dueDate = t.dueDate();
        e.stage = t.stage();
        e.persons = JsonLists.write(t.persons());
        e.targetValue = t.targetValue();
        e.targetUnit = t.targetUnit();
        e.currentValue = t.currentValue();
        history.record(region, (PlanTask.TASK.equals(t.kind()) ? "task " : "measure ") + t.number(), before, view(e));
    }

    @Transactional
    public List<Liaison> putLiaisons(String region, String department, List<Liaison> liaisons) {
        organisation.region(region);
        DepartmentEntity d = department(region, department);
        List<Liaison> before = JsonLists.read(d.liaisons, LIAISONS);
        List<Liaison> after = liaisons.stream().map(l -> new Liaison(l.name().strip(), l.phone(), l.contact())).toList();
        d.liaisons = JsonLists.write(after);
        history.record(region, "liaisons " + department, before, after);
        return after;
    }

    @Transactional
    public LeadershipGroup putLeadership(String region, LeadershipGroup group) {
        organisation.region(region);
        CreationPlanEntity plan = CreationPlanEntity.findById(region);
        if (plan == null) {
            throw ProblemException.notFound("region " + region + " has no plan").chinese("地区 " + region + " 没有创建方案");
        }
        java.util.Set<String> known = organisation.organisation(region).departmentCodes();
        List<Violation> v = new ArrayList<>();
        List<LeadershipGroup.Member> members = group.members() == null ? List.of() : group.members();
        for (int i = 0; i < members.size(); i++) {
            LeadershipGroup.Member m = members.get(i);
            if (m.department() != null && !known.contains(m.department())) {
                v.add(new Violation("/members/" + i + "/department", "no department " + m.department() + " in region " + region));
            }
        }
        if (group.office() != null && group.office().department() != null && !known.contains(group.office().department())) {
            v.add(new Violation("/office/department", "no department " + group.office().department() + " in region " + region));
        }
        reject(v);
        LeadershipGroup before = views.leadership(region).orElse(null);
        LeadershipGroup after = new LeadershipGroup(group.title().strip(), members, group.office());
        plan.leadership = JsonLists.write(after);
        plan.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        history.record(region, "leadership group", before, after);
        announce(region); // the 自评报告 of scoring-service names the group
        return after;
    }

    /**
     * The campaign columns and sheets of an imported 任务分解表 (时间节点, 推进阶段, 责任人员; each null when the sheet
     * lacks them, so an old file keeps what is stored); announced when it changes anything.
     */
    @Transactional
    public void applySheet(String region, List<ScheduleView> schedules, List<TaskView> tasks) {
        if (schedules != null) {
            for (ScheduleView s : schedules) {
                String item = s.item() == null ? "" : s.item();
                CampaignScheduleEntity old = CampaignScheduleEntity.findById(new CampaignScheduleEntity.Key(region, s.indicator(), item));
                ScheduleView before = old == null ? null : view(old);
                store(region, s.indicator(), item, s.dueDate(), s.stage(), s.persons());
                history.record(region, "schedule " + s.indicator() + (s.item() == null ? "" : " item " + s.item()), before, s);
            }
        }
        if (tasks != null) {
            tasks.forEach(t -> storeTaskCampaign(region, t));
        }
        if (schedules != null || tasks != null) {
            announce(region);
        }
    }

    // ------------------------------------------------------------------ events

    /** The region's whole campaign on catalogue.events (consumers replace what they had). */
    public void announce(String region) {
        outbox.append(Topics.CATALOGUE, EventTypes.CAMPAIGN_CHANGED, RegionOrganisations.SOURCE, region, data(region));
    }

    public CampaignData data(String region) {
        return new CampaignData(region,
                stages(region).stream().map(s -> new CampaignData.Stage(s.code(), s.name(), s.startsOn(), s.endsOn())).toList(),
                schedules(region).stream().map(s -> new CampaignData.Schedule(s.indicator(), s.item(), s.dueDate(), s.stage(),
                        persons(s.persons()))).toList(),
                tasks(region).stream().map(t -> new CampaignData.Task(t.kind(), t.number(), t.title(), t.dueDate(), t.stage(),
                        persons(t.persons()), t.targetValue(), t.targetUnit(), t.currentValue())).toList(),
                plan(region), views.leadership(region).map(CampaignService::leadership).orElse(null));
    }

    private static CampaignData.Plan plan(String region) {
        CreationPlanEntity plan = CreationPlanEntity.findById(region);
        return plan == null ? null : new CampaignData.Plan(plan.title, plan.documentNumber, plan.issuer, plan.issuedOn);
    }

    private static CampaignData.Leadership leadership(LeadershipGroup group) {
        LeadershipGroup.Office office = group.office();
        return new CampaignData.Leadership(group.title(),
                group.members() == null ? List.of() : group.members().stream()
                        .map(m -> new CampaignData.Member(m.role(), m.person(), m.position(), m.department())).toList(),
                office == null ? null
                        : new CampaignData.Office(office.text(), office.department(), office.director(), office.liaison()));
    }

    private static List<CampaignData.Person> persons(List<Person> persons) {
        return persons.stream().map(p -> new CampaignData.Person(p.department(), p.name(), p.phone())).toList();
    }

    // ------------------------------------------------------------------ helpers

    private Optional<Indicator> indicator(String code) {
        for (FirstLevelNode f : organisation.system().firstLevel()) {
            for (SecondLevelNode s : f.children()) {
                for (Indicator i : s.indicators()) {
                    if (i.code().equals(code)) {
                        return Optional.of(i);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static DepartmentEntity department(String region, String code) {
        DepartmentEntity d = DepartmentEntity.findById(code);
        if (d == null || !d.regionCode.equals(region)) {
            throw ProblemException.notFound("no department " + code + " in region " + region)
                    .chinese("地区 " + region + " 没有部门 " + code);
        }
        return d;
    }

    private static void units(List<Violation> v, String p, List<String> codes, RegionOrganisation org) {
        for (int i = 0; codes != null && i < codes.size(); i++) {
            if (codes.get(i) == null || !org.departmentCodes().contains(codes.get(i))) {
                v.add(new Violation(p + "/" + i, "no department " + codes.get(i) + " in region " + org.region()));
            }
        }
    }

    static ScheduleView view(CampaignScheduleEntity e) {
        return new ScheduleView(e.indicator, e.item.isEmpty() ? null : e.item, e.dueDate, e.stage,
                JsonLists.read(e.persons, PERSONS));
    }

    static TaskView view(PlanTaskEntity e) {
        return new TaskView(e.kind, e.number, e.section, e.title, e.text, e.leadUnits, e.responsibleUnits, e.dueDate,
                e.stage, JsonLists.read(e.persons == null ? "[]" : e.persons, PERSONS), e.targetValue, e.targetUnit,
                e.currentValue);
    }

    static List<Person> readPersons(String json) {
        return JsonLists.read(json == null ? "[]" : json, PERSONS);
    }

    /** 400 naming every field: nothing is stored. */
    static void reject(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations.size() + " problem(s) found; nothing was stored",
                    violations.stream().map(x -> new Problem.FieldError(x.pointer(), x.message())).toList())
                    .typed(RefusalRule.CAMPAIGN).chinese("发现 " + violations.size() + " 处问题；未保存任何内容");
        }
    }
}
