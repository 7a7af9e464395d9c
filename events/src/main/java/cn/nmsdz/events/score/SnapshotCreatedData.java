package cn.nmsdz.events.score;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** Summary of a new score snapshot (score.events). */
public record SnapshotCreatedData(
        String region,
        int year,
        long number,
        String systemCode,
        int systemVersion,
        long evidencePosition,
        BigDecimal confirmedTotal,
        BigDecimal projectedTotal,
        boolean confirmedPassed,
        boolean projectedPassed,
        List<String> failingReasons,
        OffsetDateTime createdAt) {
}
