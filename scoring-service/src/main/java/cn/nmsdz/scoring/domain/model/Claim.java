package cn.nmsdz.scoring.domain.model;

import java.math.BigDecimal;

/**
 * A department's self-assessment. Counts only in the PROJECTED basis, only while pending or accepted,
 * and only where no expert verdict exists for the same item / indicator. The latest claim wins.
 */
public record Claim(
        String evidenceId,
        String department,
        String indicatorCode,
        String itemCode,
        Boolean satisfied,
        BigDecimal points,
        EvidenceState state,
        long position) {
}
