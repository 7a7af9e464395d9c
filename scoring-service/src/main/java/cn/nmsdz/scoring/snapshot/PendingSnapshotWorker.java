package cn.nmsdz.scoring.snapshot;

import cn.nmsdz.scoring.backlog.Backlog;
import cn.nmsdz.scoring.config.ScoringConfig;
import cn.nmsdz.support.wake.WakeableWorker;
import cn.nmsdz.support.wake.Wakeups;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Stores the snapshots that changes of evidence marked (see {@link SnapshotService#rescoreAfter}), up to
 * {@code nmsdz.scoring.snapshot-batch} region-years per transaction, on {@code nmsdz.scoring.snapshot-workers}
 * threads at once (they split the marks by region-year, see {@link SnapshotService#storePending}). It starts the moment a transaction that marked
 * something commits ({@link Wakeups}, in every instance), so an idle region is scored at once; evidence arriving in
 * a burst is coalesced adaptively: every mark made while the workers are busy is answered by one snapshot that reads
 * all of it, as soon as a worker is free. The tick ({@code nmsdz.scoring.snapshot-interval}) is only a safety net.
 */
@ApplicationScoped
public class PendingSnapshotWorker {
    private static final Logger LOG = Logger.getLogger(PendingSnapshotWorker.class);

    @Inject
    SnapshotService snapshots;

    @Inject
    Wakeups wakeups;

    /** Worker threads and batch size, with their defaults in one place. */
    @Inject
    ScoringConfig config;

    private volatile WakeableWorker worker;

    /** When the worker last finished an item or found none: the pipeline monitor's sign of life. */
    private volatile Instant lastProgress = Instant.now();

    void start(@Observes StartupEvent event) {
        if (wakeups.enabled()) {
            worker = new WakeableWorker("snapshot-worker", config.snapshotWorkers(), this::drain);
            wakeups.register(SnapshotQueue.WAKE, worker::wake);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.shutdown();
        }
    }

    @Scheduled(every = "${nmsdz.scoring.snapshot-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void work() {
        if (worker != null) {
            worker.wake();
        } else {
            drain();
        }
    }

    private void drain() {
        Backlog.drain(() -> {
            boolean took = snapshots.storePending(config.snapshotBatch(), config.snapshotWorkers()) > 0;
            lastProgress = Instant.now();
            return took;
        }, LOG);
    }

    Instant lastProgress() {
        return lastProgress;
    }
}
