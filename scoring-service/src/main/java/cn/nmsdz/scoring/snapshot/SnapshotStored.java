package cn.nmsdz.scoring.snapshot;

/**
 * A snapshot was stored (a CDI event, observed synchronously in the storing transaction): what reacts to a new
 * score (notifications) listens to it, so the snapshot package depends on none of them.
 */
public record SnapshotStored(SnapshotEntity entity, Snapshot snapshot) {
}
