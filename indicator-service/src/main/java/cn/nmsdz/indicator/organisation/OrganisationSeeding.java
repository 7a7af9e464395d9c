package cn.nmsdz.indicator.organisation;

import cn.nmsdz.indicator.domain.decomposition.DecompositionEntry;
import cn.nmsdz.indicator.domain.decomposition.Department;
import cn.nmsdz.indicator.domain.decomposition.PlanTask;
import cn.nmsdz.indicator.region.RegionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Loads a region's seed file (departments, plan, leadership group, tasks and decomposition) once. */
@ApplicationScoped
public class OrganisationSeeding {
    @Inject
    RegionOrganisations organisations;

    @Inject
    CampaignService campaign;

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
            DepartmentService.persist(region, d, position++, now);
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
            DecompositionService.store(region, entry, now);
        }
        organisations.announce(region);
        campaign.announce(region); // plan, leadership group and tasks, for scoring-service's reports
        return true;
    }
}
