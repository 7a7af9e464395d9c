package cn.nmsdz.evidence.security;

import cn.nmsdz.evidence.observation.ObservationInput;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SPEC §7: a submitter writes evidence only for indicators whose task decomposition names its
 * department as lead or responsible unit. The decomposition comes from catalogue.events
 * (DECOMPOSITION_CHANGED). Until a region's decomposition has arrived no department owns anything
 * there, so its submitters are refused with a problem that says so (the catalogue admin loads the
 * 任务分解表 first). Data providers and experts are not department-scoped.
 */
@ApplicationScoped
public class DepartmentScope {

    @Inject
    EntityManager em;

    /** For a figure, the indicator it names, or else every indicator whose rule reads its metric. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireObservations(Caller caller, String region, List<ObservationInput> rows) {
        if (!applies(caller, region)) {
            return;
        }
        Set<String> owned = owned(caller, region);
        Map<String, Set<String>> uses = new HashMap<>();
        for (Object[] row : rows(em.createNativeQuery("select metric, indicator from metric_use").getResultList())) {
            uses.computeIfAbsent((String) row[0], k -> new HashSet<>()).add((String) row[1]);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ObservationInput row = rows.get(i);
            Set<String> indicators = row.indicator() != null ? Set.of(row.indicator())
                    : uses.getOrDefault(row.metric(), Set.of());
            if (!indicators.isEmpty() && indicators.stream().noneMatch(owned::contains)) {
                errors.add(new Problem.FieldError("/" + i + (row.indicator() != null ? "/indicator" : "/metric"),
                        "department " + caller.department() + " is not named for indicator(s) "
                                + String.join(", ", new java.util.TreeSet<>(indicators)) + " in the decomposition of "
                                + region));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(403, "Forbidden", "rule decomposition-scope: " + errors.size()
                    + " row(s) are for indicators your department does not own; nothing was stored", errors);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void requireIndicator(Caller caller, String region, String indicator) {
        if (applies(caller, region) && !owned(caller, region).contains(indicator)) {
            throw new ProblemException(403, "Forbidden", "rule decomposition-scope: department " + caller.department()
                    + " is not named as lead or responsible unit of indicator " + indicator + " in the decomposition of "
                    + region, List.of(new Problem.FieldError("indicator", "not owned by " + caller.department())));
        }
    }

    private boolean applies(Caller caller, String region) {
        if (!caller.has(Caller.SUBMITTER) || caller.dataProvider()) {
            return false;
        }
        if (em.createNativeQuery("select 1 from decomposition_region where region = :r").setParameter("r", region)
                .getResultList().isEmpty()) {
            throw ProblemException.forbidden("rule decomposition-scope: no task decomposition of region " + region
                    + " has been received, so no department owns an indicator there yet; a catalogue admin loads it "
                    + "first (PUT /api/v1/regions/" + region + "/decomposition/{indicator}, or POST the 任务分解表 .xlsx)");
        }
        return true;
    }

    private Set<String> owned(Caller caller, String region) {
        if (caller.department() == null) {
            return Set.of();
        }
        List<?> result = em.createNativeQuery(
                "select distinct indicator from decomposition_unit where region = :r and department = :d")
                .setParameter("r", region).setParameter("d", caller.department()).getResultList();
        Set<String> owned = new HashSet<>();
        result.forEach(o -> owned.add((String) o));
        return owned;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> list) {
        return (List<Object[]>) list;
    }
}
