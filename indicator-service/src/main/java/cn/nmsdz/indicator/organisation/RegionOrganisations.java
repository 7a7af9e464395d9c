package cn.nmsdz.indicator.organisation;

import cn.nmsdz.events.EventTypes;
import cn.nmsdz.events.Topics;
import cn.nmsdz.events.catalogue.DecompositionData;
import cn.nmsdz.events.catalogue.FirstLevelNode;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.SecondLevelNode;
import cn.nmsdz.indicator.catalogue.CatalogueService;
import cn.nmsdz.indicator.catalogue.IndicatorSystemEntity;
import cn.nmsdz.indicator.domain.decomposition.RegionOrganisation;
import cn.nmsdz.indicator.domain.validation.Violation;
import cn.nmsdz.indicator.region.RegionEntity;
import cn.nmsdz.support.outbox.Outbox;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.RefusalRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the organisation services share: a region (404 when unknown), its organisation (departments, plan tasks and
 * decomposition) as the domain rules read it, the indicator system it refers to, and the announcement of its whole
 * decomposition on catalogue.events after every change (keyed by region code, so consumers (evidence permissions,
 * scoring's gap view) never need to ask).
 */
@ApplicationScoped
public class RegionOrganisations {
    /** The CloudEvents source of what the organisation services announce. */
    public static final String SOURCE = "/indicator-service";

    @Inject
    Outbox outbox;

    @Inject
    CatalogueService catalogue;

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
                .orElseThrow(() -> ProblemException.conflict("indicator system " + defaultSystem
                        + " is not published yet").chinese("指标体系 " + defaultSystem + " 尚未发布"));
    }

    public static List<String> indicatorCodes(IndicatorSystemDocument system) {
        List<String> codes = new ArrayList<>();
        for (FirstLevelNode f : system.firstLevel()) {
            for (SecondLevelNode s : f.children()) {
                s.indicators().forEach(i -> codes.add(i.code()));
            }
        }
        return codes;
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

    static void reject(String title, RefusalRule rule, List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ProblemException(422, title, violations.size() + " problem(s) found",
                    violations.stream().map(v -> new Problem.FieldError(v.pointer(), v.message())).toList())
                    .typed(rule).chinese("发现 " + violations.size() + " 处问题");
        }
    }
}
