package cn.nmsdz.support.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes what the messaging tables no longer need: outbox rows published more than
 * {@code nmsdz.retention.outbox-sent} ago and consumed-event ids older than {@code nmsdz.retention.consumed-events}
 * (a redelivery that late cannot come: Kafka redelivers only what a consumer has not committed). Each batch is a
 * transaction of its own, so writers are never held up for long; unpublished rows are never touched.
 */
@ApplicationScoped
@Startup // its meters exist from the start, not only after the first run
public class MessagingRetention {
    private static final Logger LOG = Logger.getLogger(MessagingRetention.class);

    @Inject
    EntityManager em;

    @ConfigProperty(name = "nmsdz.retention.outbox-sent", defaultValue = "P7D")
    Duration outboxSent;

    @ConfigProperty(name = "nmsdz.retention.consumed-events", defaultValue = "P30D")
    Duration consumedEvents;

    @ConfigProperty(name = "nmsdz.retention.batch-size", defaultValue = "5000")
    int batchSize;

    private final Counter outboxDeleted;
    private final Counter consumedDeleted;

    @Inject
    MessagingRetention(MeterRegistry registry) {
        outboxDeleted = Counter.builder("nmsdz.retention.deleted").tag("table", "outbox_event")
                .description("rows deleted by the retention job").register(registry);
        consumedDeleted = Counter.builder("nmsdz.retention.deleted").tag("table", "consumed_event")
                .description("rows deleted by the retention job").register(registry);
    }

    @Scheduled(every = "${nmsdz.retention.interval:1h}", delayed = "${nmsdz.retention.start-delay:2m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warnf("retention paused, will try again: %s", e.getMessage());
        }
    }

    /** @return rows deleted from outbox_event and consumed_event together */
    public long run() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // sent rows lie at the start of the id order, so the primary key finds them without an index of their own
        long outbox = deleteInBatches("delete from outbox_event where id in (select id from outbox_event"
                + " where sent_at is not null and sent_at < :cutoff order by id limit :n)", now.minus(outboxSent));
        long consumed = deleteInBatches("delete from consumed_event where event_id in (select event_id from consumed_event"
                + " where consumed_at < :cutoff limit :n)", now.minus(consumedEvents));
        outboxDeleted.increment(outbox);
        consumedDeleted.increment(consumed);
        if (outbox + consumed > 0) {
            LOG.infof("retention: deleted %d published outbox rows and %d consumed-event ids", outbox, consumed);
        }
        return outbox + consumed;
    }

    private long deleteInBatches(String statement, OffsetDateTime cutoff) {
        return deleteInBatches(em, statement, cutoff, batchSize);
    }

    /**
     * Runs {@code statement} (a delete of at most {@code :n} rows older than {@code :cutoff}) in transactions of its
     * own until a batch deletes fewer than {@code batchSize}: writers are never held up for long.
     *
     * @return rows deleted in all
     */
    public static long deleteInBatches(EntityManager em, String statement, OffsetDateTime cutoff, int batchSize) {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(statement)
                    .setParameter("cutoff", cutoff).setParameter("n", batchSize).executeUpdate());
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }
}
