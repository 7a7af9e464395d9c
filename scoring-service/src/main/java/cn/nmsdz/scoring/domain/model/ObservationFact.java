package cn.nmsdz.scoring.domain.model;

import java.math.BigDecimal;

/**
 * One version of a metric observation. For the same (region, metric, year, subject) the counted
 * observation with the highest {@code position} wins (the latest accepted correction).
 *
 * @param subject  unified social credit code of an enterprise, or null for a region-wide figure
 * @param position evidence position (monotonic), used to pick the latest version
 */
public record ObservationFact(
        String evidenceId,
        String region,
        String metric,
        int year,
        BigDecimal value,
        String subject,
        EvidenceState state,
        long position) {
}
