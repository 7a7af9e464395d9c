package cn.nmsdz.events.catalogue;

import java.math.BigDecimal;

/**
 * A metric other systems submit observations of (SPEC §3.2).
 *
 * @param min lowest plausible value, null = no bound (a RATE defaults to 0..100 unless set)
 * @param max highest plausible value, null = no bound
 * @param subjectRequired whether each observation names a subject (unified social credit code)
 */
public record MetricDefinition(
        String code,
        String name,
        String unit,
        MetricKind kind,
        BigDecimal min,
        BigDecimal max,
        boolean subjectRequired,
        String description) {
}
