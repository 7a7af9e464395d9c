package cn.nmsdz.scoring.domain.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * One third-level indicator's points with its explanation.
 *
 * @param ruleKind       the rule's JSON kind, e.g. {@code yearly_comparison}
 * @param inputs         every observation, verdict and claim the points were computed from
 * @param explanation    human-readable lines: which figure was used and the comparison made (rendered in the
 *                       language asked for when read through the API)
 * @param missing        exactly what is missing (metric, region, year); the parts needing it earned nothing
 * @param awaitingExpert item codes (or the indicator code) waiting for an expert verdict
 * @param reasons        the explanation as data, one reason per line (null in snapshots stored before reasons
 *                       were kept): {@code explanation} is their English rendering
 * @param missingText    each missing input as a phrase, in the language asked for on read
 */
public record IndicatorScore(
        String code,
        int number,
        String name,
        String ruleKind,
        BigDecimal points,
        BigDecimal maxPoints,
        IndicatorStatus status,
        List<InputUsed> inputs,
        List<String> explanation,
        List<MissingInput> missing,
        List<String> awaitingExpert,
        List<Reason> reasons,
        List<String> missingText) {
}
