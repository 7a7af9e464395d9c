package cn.nmsdz.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Business settings of the scoring service. */
@ConfigMapping(prefix = "nmsdz.scoring")
public interface ScoringConfig {

    String DEFAULT_SYSTEM_CODE = "NMSDZ";

    /** The code of the indicator system regions are scored against (other published systems are kept, not used). */
    @WithDefault(DEFAULT_SYSTEM_CODE)
    String systemCode();

    /**
     * How often region-years whose evidence changed get their new snapshot; changes arriving within one
     * interval share one snapshot (read by the scheduler of PendingSnapshotWorker).
     */
    @WithDefault("1s")
    Duration snapshotInterval();

    /** How often the snapshot pipeline is checked for stale region-years and a stalled worker (metrics, readiness). */
    @WithDefault("5s")
    Duration pipelineCheckInterval();

    /** Readiness is DOWN when region-years are marked but the snapshot worker has stored nothing for this long. */
    @WithDefault("30s")
    Duration workerStallAfter();

    /** Snapshot worker threads per instance; they split the marked region-years (read by PendingSnapshotWorker). */
    @WithDefault("2")
    int snapshotWorkers();

    /**
     * How many marked region-years a snapshot worker stores per transaction at most: an idle region is a batch of one,
     * scored at once; a burst or a rescoring shares one commit per batch (read by PendingSnapshotWorker).
     */
    @WithDefault("8")
    int snapshotBatch();
}
