package cn.nmsdz.indicator.organisation;

import cn.nmsdz.events.catalogue.FirstLevelNode;
import cn.nmsdz.events.catalogue.Indicator;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.SecondLevelNode;
import cn.nmsdz.indicator.domain.decomposition.DecompositionEntry;
import cn.nmsdz.indicator.domain.decomposition.Department;
import cn.nmsdz.indicator.domain.decomposition.PlanTask;
import cn.nmsdz.indicator.domain.decomposition.RegionOrganisation;
import cn.nmsdz.indicator.organisation.OrganisationViews.DecompositionView;
import cn.nmsdz.indicator.organisation.OrganisationViews.EntryView;
import cn.nmsdz.indicator.organisation.OrganisationViews.PlanTaskView;
import cn.nmsdz.indicator.organisation.OrganisationViews.PlanView;
import cn.nmsdz.indicator.organisation.OrganisationViews.TaskRef;
import cn.nmsdz.indicator.organisation.OrganisationViews.UnitRef;
import cn.nmsdz.indicator.region.RegionEntity;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a region's organisation reads as: its decomposition by indicator, its plan, its leadership group. */
@ApplicationScoped
public class OrganisationViewService {
    @Inject
    RegionOrganisations organisations;

    public DecompositionView decomposition(String region) {
        RegionEntity r = organisations.region(region);
        IndicatorSystemDocument system = organisations.system();
        RegionOrganisation org = organisations.organisation(region);
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
        organisations.region(region);
        CreationPlanEntity plan = CreationPlanEntity.findById(region);
        if (plan == null) {
            return Optional.empty();
        }
        RegionOrganisation org = organisations.organisation(region);
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
        organisations.region(region);
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
