package cn.nmsdz.support.outbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows in their order, one at a time, each only after the broker
 * acknowledged the previous one; marks them sent. While Kafka is down it keeps the rows
 * and tries again on the next tick, so delivery is at least once and in order per key.
 * One relay at a time per service, across all its instances: each batch first takes a transaction-scoped
 * advisory lock ({@link #EXCLUSIVE}); an instance that does not get it sends nothing this time. Without it, two
 * instances taking consecutive batches (SKIP LOCKED) could publish a region's later event before its earlier one.
 */
@ApplicationScoped
public class OutboxRelay {
    /** The outgoing channel every producing service binds to Kafka; the topic comes from the row. */
    public static final String CHANNEL = "outbox";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The lock that makes one instance of a service the relay for a batch; keyed by the service's schema. */
    public static final String EXCLUSIVE = "select pg_try_advisory_xact_lock(hashtext('nmsdz.outbox.' || current_schema()))";

    @Inject
    EntityManager em;

    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<String> emitter;

    @ConfigProperty(name = "nmsdz.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "nmsdz.outbox.send-timeout", defaultValue = "PT15S")
    Duration sendTimeout;

    /** When a tick last started or a row was last attempted: a relay whose scheduler died stops moving it. */
    private volatile Instant lastRun;
    /** When a row was last acknowledged by the broker. */
    private volatile Instant lastSent;
    private volatile boolean channelReady;

    // the delay lets the messaging channels connect before the first run
    @Scheduled(every = "${nmsdz.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "${nmsdz.outbox.start-delay:5s}")
    void tick() {
        lastRun = Instant.now();
        // until the channel has connected to Kafka (e.g. just after a restart), sending only fails with a stack trace
        // per row ("SRMSG00019 Unable to connect an emitter"): wait for it quietly, the rows stay in the outbox
        channelReady = emitter.hasRequests() && !emitter.isCancelled();
        if (!channelReady) {
            LOG.debugf("outbox channel %s not ready yet; the relay waits", CHANNEL);
            return;
        }
        try {
            while (relayBatch() == batchSize) {
                // a full batch: more may be waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay paused, will retry: %s", e.getMessage());
        }
    }

    /** When the relay last ran (null before its first run). */
    public Instant lastRun() {
        return lastRun;
    }

    /** When the relay last published a row (null: none since start). */
    public Instant lastSent() {
        return lastSent;
    }

    /** Whether the outgoing channel was ready at the relay's last run. */
    public boolean channelReady() {
        return channelReady;
    }

    /** @return how many rows were published */
    @Transactional
    public int relayBatch() {
        if (!(Boolean) em.createNativeQuery(EXCLUSIVE).getSingleResult()) {
            return 0; // another instance is relaying: it keeps the order, this one waits for the next tick
        }
        @SuppressWarnings("unchecked")
        List<OutboxEvent> rows = em.createNativeQuery(
                "select * from outbox_event where sent_at is null order by id limit :n for update skip locked",
                OutboxEvent.class).setParameter("n", batchSize).getResultList();
        int sent = 0;
        for (OutboxEvent row : rows) {
            lastRun = Instant.now();
            try {
                send(row).await().atMost(sendTimeout);
                lastSent = Instant.now();
            } catch (RuntimeException e) {
                row.attempts++;
                LOG.warnf("outbox row %d (%s) not published yet: %s", row.id, row.type, e.getMessage());
                break; // keep the order: nothing after a failed row goes first
            }
            row.sentAt = OffsetDateTime.now(ZoneOffset.UTC);
            row.attempts++;
            sent++;
        }
        return sent;
    }

    Uni<Void> send(OutboxEvent row) {
        Message<String> message = Message.of(row.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.key)
                .build());
        return emitter.sendMessage(message);
    }
}
