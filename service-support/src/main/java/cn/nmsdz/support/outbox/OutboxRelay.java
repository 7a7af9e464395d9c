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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows in their order, a batch at a time, and marks sent the rows the broker
 * acknowledged up to the first that it did not (the rest of the batch is sent again). While Kafka is down it keeps the rows
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

    /** Rows handed to the producer at once; below the emitter's buffer of 128 messages. */
    @ConfigProperty(name = "nmsdz.outbox.batch-size", defaultValue = "100")
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
        // all rows of the batch are handed to the producer at once (one round trip per batch, not per row); the
        // idempotent producer keeps them in order per partition, and only the acknowledged prefix is marked sent
        List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
        for (OutboxEvent row : rows) {
            acks.add(send(row).subscribeAsCompletionStage());
        }
        Acknowledged acked = acknowledgedPrefix(acks, sendTimeout);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < rows.size() && i <= acked.count(); i++) {
            rows.get(i).attempts++;
            if (i < acked.count()) {
                rows.get(i).sentAt = now;
            }
        }
        if (acked.failure() != null) {
            OutboxEvent row = rows.get(acked.count());
            LOG.warnf("outbox row %d (%s) not published yet: %s", row.id, row.type, acked.failure().getMessage());
        }
        return acked.count();
    }

    /** How many sends from the first were acknowledged, and why the next one was not (null if all were). */
    record Acknowledged(int count, Throwable failure) {
    }

    /**
     * Waits for the acknowledgements in order and stops at the first that fails or does not come within
     * {@code timeout}: nothing after it counts as sent, so order is kept and the rest is sent again.
     */
    static Acknowledged acknowledgedPrefix(List<CompletableFuture<Void>> acks, Duration timeout) {
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Acknowledged(i, e);
            } catch (ExecutionException e) {
                return new Acknowledged(i, e.getCause() == null ? e : e.getCause());
            } catch (TimeoutException e) {
                return new Acknowledged(i, new TimeoutException("no acknowledgement within " + timeout));
            }
        }
        return new Acknowledged(acks.size(), null);
    }

    Uni<Void> send(OutboxEvent row) {
        Message<String> message = Message.of(row.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.key)
                .build());
        return emitter.sendMessage(message);
    }
}
