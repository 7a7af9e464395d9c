package cn.nmsdz.scoring.snapshot;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Scheduled(every = "${nmsdz.scoring.snapshot-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void work() {
        try {
            while (QuarkusTransaction.requiringNew().call(snapshots::storeOnePending)) {
                // next region and year
            }
        } catch (SnapshotService.PendingFailed e) {
            // stays marked, behind the others: retried on a later round, and nothing else waits for it
            LOG.errorf(e, "snapshot of region %s, year %d failed; retried later", e.region, e.year);
            QuarkusTransaction.requiringNew().run(() -> snapshots.postpone(e.region, e.year));
        }
    }
}
