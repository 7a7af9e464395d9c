package cn.nmsdz.evidence.security;

import cn.nmsdz.support.access.Caller;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.consistency.CatalogueAfter;
import cn.nmsdz.support.consistency.WrittenEvents;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.RetryLaterException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
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
    static final int RETRY_AFTER_SECONDS = 1;

    @Inject
    EntityManager em;

    /** What a figure is for: the indicator it names, or else (null) every indicator whose rule reads its metric. */
    public record Target(String metric, String indicator) {
    }

    /**
     * For a figure, the indicator it names, or else every indicator whose rule reads its metric ({@code uses}: metric →
     * indicators, the submission's one read of metric_use).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireObservations(Caller caller, String region, List<Target> rows, Map<String, Set<String>> uses) {
        if (!applies(caller, region)) {
            return;
        }
        Set<String> owned = owned(caller, region);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Target row = rows.get(i);
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
            throw refusal(region, "rule decomposition-scope: " + errors.size()
                    + " row(s) are for indicators your department does not own; nothing was stored",
                    "规则 decomposition-scope：" + errors.size() + " 行数据属于你的部门不负责的指标；未保存任何内容", errors);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void requireIndicator(Caller caller, String region, String indicator) {
        if (applies(caller, region) && !owned(caller, region).contains(indicator)) {
            throw refusal(region, "rule decomposition-scope: department " + caller.department()
                    + " is not named as lead or responsible unit of indicator " + indicator + " in the decomposition of "
                    + region, "规则 decomposition-scope：在地区 " + region + " 的任务分解表中，部门 " + caller.department()
                    + " 不是指标 " + indicator + " 的牵头单位或责任单位",
                    List.of(new Problem.FieldError("/indicator", "not owned by " + caller.department())));
        }
    }

    private boolean applies(Caller caller, String region) {
        if (!caller.has(Caller.SUBMITTER) || caller.dataProvider()) {
            return false;
        }
        if (changedAt(region) == null) {
            throw refusal(region, "rule decomposition-scope: no task decomposition of region " + region
                    + " has been received, so no department owns an indicator there yet; a catalogue admin loads it "
                    + "first (PUT /api/v1/regions/" + region + "/decomposition/{indicator}, or POST the 任务分解表 .xlsx)",
                    "规则 decomposition-scope：尚未收到地区 " + region + " 的任务分解表，所以那里还没有部门负责任何指标；"
                    + "须先由指标体系管理员载入（PUT /api/v1/regions/" + region + "/decomposition/{indicator}，或 POST 任务分解表 .xlsx）",
                    List.of());
        }
        return true;
    }

    /**
     * A decomposition-scope refusal may only mean that a change has not arrived yet (issue: a department named a moment
     * ago was refused 0.8 s later). When the caller names a catalogue change later than the decomposition held here
     * (X-NMSDZ-Catalogue-After, the X-NMSDZ-Event-Time its write answered), the answer is 409 with Retry-After; without
     * it, the 403 says which change it was decided on.
     */
    private ProblemException refusal(String region, String detail, String detailZh, List<Problem.FieldError> errors) {
        OffsetDateTime held = changedAt(region);
        String heldText = held == null ? "no decomposition of " + region + " has arrived here"
                : "the decomposition of " + region + " held here is the one changed at " + held;
        String heldTextZh = held == null ? "这里尚未收到地区 " + region + " 的任务分解表"
                : "这里持有的地区 " + region + " 任务分解表是 " + held + " 修改的那一版";
        if (CatalogueAfter.ahead(held)) {
            return new RetryLaterException(409, "Not arrived yet", "not yet: " + heldText + "; the change of "
                    + CatalogueAfter.current().get() + " named in " + CatalogueAfter.HEADER
                    + " has not reached evidence-service yet, so this may not be final (" + detail + "); retry after "
                    + RETRY_AFTER_SECONDS + " s", RETRY_AFTER_SECONDS, errors)
                    .chinese("尚未到达：" + heldTextZh + "；" + CatalogueAfter.HEADER + " 中指明的 " + CatalogueAfter.current().get()
                            + " 的修改尚未到达佐证材料服务，所以这可能不是最终结果（" + detailZh + "）；请在 "
                            + RETRY_AFTER_SECONDS + " 秒后重试");
        }
        return new ProblemException(403, "Forbidden", detail + " (" + heldText + "; a change made after that has not "
                + "arrived yet: retry, or send " + CatalogueAfter.HEADER + " with the " + WrittenEvents.HEADER
                + " the change answered)", errors)
                .chinese(detailZh + "（" + heldTextZh + "；之后的修改尚未到达：请重试，或在 " + CatalogueAfter.HEADER
                        + " 中发送该修改应答的 " + WrittenEvents.HEADER + "）");
    }

    /** The time indicator-service made the decomposition change of the region this service holds; null if none. */
    private OffsetDateTime changedAt(String region) {
        List<?> rows = em.createNativeQuery("select received_at from decomposition_region where region = :r")
                .setParameter("r", region).getResultList();
        if (rows.isEmpty() || rows.get(0) == null) {
            return null;
        }
        Object value = rows.get(0);
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
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
}
