package cn.nmsdz.scoring.retention;

import cn.nmsdz.support.retention.MessagingRetention;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Prunes snapshots older than {@code nmsdz.retention.snapshots} (unset: keep all). Never pruned: the latest snapshot of
 * each region and year (what every view and the pull feed's newest entries read), and every snapshot an application
 * froze or its history names (the record of what was applied for, recommended and named). Each batch is a transaction
 * of its own, in id order, so the snapshot worker is never held up for long.
 */
@ApplicationScoped
@Startup // its meter exists from the start, not only after the first run
public class SnapshotRetention {
    private static final Logger LOG = Logger.getLogger(SnapshotRetention.class);

    static final String PRUNE = "delete from snapshot where id in (select s.id from snapshot s"
            + " where s.created_at < :cutoff"
            + " and exists (select 1 from snapshot later where later.region = s.region and later.year = s.year"
            + " and later.number > s.number)"
            + " and not exists (select 1 from application a where a.snapshot_id = s.id)"
            + " and not exists (select 1 from application_history h where h.snapshot_id = s.id)"
            + " order by s.id limit :n)";

    @Inject
    EntityManager em;

    @ConfigProperty(name = "nmsdz.retention.snapshots")
    Optional<Duration> keep;

    @ConfigProperty(name = "nmsdz.retention.batch-size", defaultValue = "5000")
    int batchSize;

    private final Counter deleted;

    @Inject
    SnapshotRetention(MeterRegistry registry) {
        deleted = Counter.builder("nmsdz.retention.deleted").tag("table", "snapshot")
                .description("rows deleted by the retention job").register(registry);
    }

    @Scheduled(every = "${nmsdz.retention.interval:1h}", delayed = "${nmsdz.retention.start-delay:2m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warnf("snapshot retention paused, will try again: %s", e.getMessage());
        }
    }

    /** @return snapshots deleted (0 when no retention is configured) */
    public long run() {
        return keep.map(this::run).orElse(0L);
    }

    /** Prunes what is older than {@code age}, whatever the configuration says. */
    public long run(Duration age) {
        long n = MessagingRetention.deleteInBatches(em, PRUNE, OffsetDateTime.now(ZoneOffset.UTC).minus(age),
                batchSize);
        deleted.increment(n);
        if (n > 0) {
            LOG.infof("retention: pruned %d snapshots older than %s (kept each region-year's latest and every"
                    + " application's)", n, age);
        }
        return n;
    }
}
