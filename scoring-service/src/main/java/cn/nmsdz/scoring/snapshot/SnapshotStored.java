package cn.nmsdz.scoring.snapshot;

/**
 * A snapshot was stored, one of a {@link SnapshotsStored} batch.
 *
 * @param previouslyPassed whether the region-year's snapshot before it passed (confirmed basis); null for its first
 */
public record SnapshotStored(SnapshotEntity entity, Snapshot snapshot, Boolean previouslyPassed) {
}
