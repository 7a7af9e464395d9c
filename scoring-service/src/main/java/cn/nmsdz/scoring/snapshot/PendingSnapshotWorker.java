package cn.nmsdz.scoring.snapshot;

import cn.nmsdz.scoring.backlog.Backlog;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Stores the snapshots that changes of evidence marked (see {@link SnapshotService#rescoreAfter}), one
 * region and year per transaction. Evidence arriving in a burst is coalesced: every mark made before the
 * worker reaches a region and year is answered by one snapshot that reads all of it.
 */
@ApplicationScoped
public class PendingSnapshotWorker {
    private static final Logger LOG = Logger.getLogger(PendingSnapshotWorker.class);

    @Inject
    SnapshotService snapshots;

    /** When the worker last finished an item or found none: the pipeline monitor's sign of life. */
    private volatile Instant lastProgress = Instant.now();

    @Scheduled(every = "${nmsdz.scoring.snapshot-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void work() {
        Backlog.drain(() -> {
            boolean took = snapshots.storeOnePending();
            lastProgress = Instant.now();
            return took;
        }, LOG);
    }

    Instant lastProgress() {
        return lastProgress;
    }
}
