package cn.nmsdz.scoring.snapshot;

import java.util.List;

/**
 * Snapshots were stored together (a CDI event, observed synchronously in the storing transaction): what reacts to new
 * scores (notifications) listens to it, so the snapshot package depends on none of them; a batch of a rescoring is
 * one event, so what reacts can read what it needs once for the batch.
 */
public record SnapshotsStored(List<SnapshotStored> snapshots) {
}
