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
 * A row lock (SKIP LOCKED) keeps two instances from sending the same batch concurrently.
 */
@ApplicationScoped
public class OutboxRelay {
    /** The outgoing channel every producing service binds to Kafka; the topic comes from the row. */
    public static final String CHANNEL = "outbox";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    EntityManager em;

    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<String> emitter;

    @ConfigProperty(name = "nmsdz.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "nmsdz.outbox.send-timeout", defaultValue = "PT15S")
    Duration sendTimeout;

    // the delay lets the messaging channels connect before the first run
    @Scheduled(every = "${nmsdz.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "${nmsdz.outbox.start-delay:5s}")
    void tick() {
        try {
            while (relayBatch() == batchSize) {
                // a full batch: more may be waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay paused, will retry: %s", e.getMessage());
        }
    }

    /** @return how many rows were published */
    @Transactional
    public int relayBatch() {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> rows = em.createNativeQuery(
                "select * from outbox_event where sent_at is null order by id limit :n for update skip locked",
                OutboxEvent.class).setParameter("n", batchSize).getResultList();
        int sent = 0;
        for (OutboxEvent row : rows) {
            try {
                send(row).await().atMost(sendTimeout);
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
