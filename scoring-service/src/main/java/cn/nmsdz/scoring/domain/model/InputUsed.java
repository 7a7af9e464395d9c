package cn.nmsdz.scoring.domain.model;

import java.math.BigDecimal;

/**
 * A piece of evidence an indicator's points were computed from. For an observation: its region, metric,
 * year, subject and value. For an expert verdict or a claim: metric and year are null, {@code subject}
 * names the expert or department, {@code value} is the points or 1/0 for yes/no.
 *
 * @param role what the input was used as, e.g. {@code value}, {@code comparator.level Y-1}, {@code expert 17.1}
 */
public record InputUsed(
        String evidenceId,
        String region,
        String metric,
        Integer year,
        String subject,
        BigDecimal value,
        String role) {
}
