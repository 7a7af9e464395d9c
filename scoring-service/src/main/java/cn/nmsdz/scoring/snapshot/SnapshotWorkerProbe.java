package cn.nmsdz.scoring.snapshot;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Called by the snapshot worker between computing a marked region-year's snapshot and storing it, while it
 * holds the mark. Does nothing; a component test replaces it to hold the worker there and interleave new
 * evidence with the computation (the race behind a first snapshot that missed a verdict).
 */
@DefaultBean
@ApplicationScoped
public class SnapshotWorkerProbe {
    public void computed(String region, int year) {
        // nothing to do outside the tests that interleave with the worker
    }
}
