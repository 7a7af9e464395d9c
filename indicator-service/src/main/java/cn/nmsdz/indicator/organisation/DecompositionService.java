package cn.nmsdz.indicator.organisation;

import cn.nmsdz.indicator.domain.decomposition.DecompositionEntry;
import cn.nmsdz.indicator.domain.decomposition.DecompositionRules;
import cn.nmsdz.indicator.domain.decomposition.RegionOrganisation;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.RefusalRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The task decomposition of a region (which tasks and departments own each indicator): changed with history, announced. */
@ApplicationScoped
public class DecompositionService {
    @Inject
    RegionOrganisations organisations;

    @Inject
    OrganisationHistory history;

    /** Creates or replaces the entry of one indicator; 422 lists every violation. */
    @Transactional
    public DecompositionEntry putEntry(String region, DecompositionEntry entry) {
        organisations.region(region);
        RegionOrganisations.reject("Invalid decomposition entry", RefusalRule.DECOMPOSITION, DecompositionRules.entry(entry,
                new HashSet<>(RegionOrganisations.indicatorCodes(organisations.system())), organisations.organisation(region)));
        DecompositionEntryEntity old = DecompositionEntryEntity.findById(new DecompositionEntryEntity.Key(region, entry.indicator()));
        history.record(region, "decomposition " + entry.indicator(), old == null ? null : old.toDomain(), entry);
        store(region, entry, OffsetDateTime.now(ZoneOffset.UTC));
        organisations.announce(region);
        return entry;
    }

    /** These entries become the region's whole decomposition: indicators without one lose theirs; one event. */
    @Transactional
    public void replaceAll(String region, List<DecompositionEntry> entries) {
        Set<String> kept = new HashSet<>();
        entries.forEach(e -> kept.add(e.indicator()));
        DecompositionEntryEntity.ofRegion(region).stream().filter(e -> !kept.contains(e.indicator)).forEach(e -> {
            history.record(region, "decomposition " + e.indicator, e.toDomain(), null);
            e.delete();
        });
        putEntries(region, entries);
    }

    /** Replaces the entries of the given indicators all at once; one event. */
    @Transactional
    public void putEntries(String region, List<DecompositionEntry> entries) {
        organisations.region(region);
        RegionOrganisation org = organisations.organisation(region);
        List<String> codes = RegionOrganisations.indicatorCodes(organisations.system());
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String p = "/entries/" + i;
            DecompositionRules.entry(entries.get(i), new HashSet<>(codes), org)
                    .forEach(v -> errors.add(new Problem.FieldError(p + v.pointer(), v.message())));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "Invalid decomposition", errors.size() + " problem(s) found", errors)
                    .typed(RefusalRule.DECOMPOSITION).chinese("任务分解表中发现 " + errors.size() + " 处问题");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (DecompositionEntry e : entries) {
            DecompositionEntryEntity old = DecompositionEntryEntity.findById(new DecompositionEntryEntity.Key(region, e.indicator()));
            history.record(region, "decomposition " + e.indicator(), old == null ? null : old.toDomain(), e);
            store(region, e, now);
        }
        organisations.announce(region);
    }

    static void store(String region, DecompositionEntry entry, OffsetDateTime now) {
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
}
