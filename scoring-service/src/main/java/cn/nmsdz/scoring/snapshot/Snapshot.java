package cn.nmsdz.scoring.snapshot;

import cn.nmsdz.scoring.domain.model.ScoreResult;
import java.time.OffsetDateTime;

/**
 * The body of a snapshot: both totals with every point explained, and what it was computed from.
 *
 * @param number           the snapshot's number within its region (1, 2, …); 0 for a simulation
 * @param evidencePosition the highest evidence position included
 * @param projectionSeq    the local projection sequence it was computed as of: recomputing with the same
 *                         catalogue version and this sequence gives the same numbers (null for snapshots
 *                         stored before versions were kept; those recompute as of {@code evidencePosition})
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
        Long projectionSeq,
        ScoreResult confirmed,
        ScoreResult projected,
        OffsetDateTime createdAt) {
}
