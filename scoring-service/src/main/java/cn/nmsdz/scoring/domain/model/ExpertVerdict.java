package cn.nmsdz.scoring.domain.model;

import java.math.BigDecimal;

/**
 * An expert's assessment. Per expert only the latest (highest position) verdict counts.
 *
 * @param itemCode  the item judged, or null for the whole indicator (expert_points)
 * @param satisfied yes/no for an item, null when the verdict awards points
 * @param points    points awarded, null for a yes/no verdict
 */
public record ExpertVerdict(
        String evidenceId,
        String expertId,
        String indicatorCode,
        String itemCode,
        Boolean satisfied,
        BigDecimal points,
        long position) {
}
