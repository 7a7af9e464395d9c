package cn.nmsdz.scoring.snapshot;

import cn.nmsdz.scoring.domain.model.ScoreResult;
import java.time.OffsetDateTime;

/**
 * The body of a snapshot: both totals with every point explained, and what it was computed from.
 *
 * @param evidencePosition the highest evidence position included (recomputing from it gives the same numbers)
 */
public record Snapshot(
        long id,
        String region,
        String regionName,
        int year,
        long number,
        String systemCode,
        int systemVersion,
        long evidencePosition,
        ScoreResult confirmed,
        ScoreResult projected,
        OffsetDateTime createdAt) {
}
