package cn.nmsdz.support.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import cn.nmsdz.support.wake.WakeableWorker;
import cn.nmsdz.support.wake.Wakeups;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * Publishes outbox rows in their order, a batch at a time with every record of the batch in flight at once (the
 * idempotent producer with acks=all and at most 5 requests in flight keeps them in order per partition, also across
 * its own retries), and marks rows sent only once the broker acknowledged them, up to the first one that failed:
 * nothing after a failed row counts as sent, and the next batch starts only after every acknowledgement of this one,
 * so a later event never overtakes an earlier one of its key. While Kafka is down it keeps the rows and tries again,
 * so delivery is at least once and in order per key. It runs as soon as a transaction that appended rows commits
 * ({@link Wakeups}, here and in the other instances); the tick is the safety net.
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

    /** The wake-up topic of a transaction that appended outbox rows. */
    public static final String WAKE = "outbox";

    @Inject
    Wakeups wakeups;

    private volatile WakeableWorker worker;
    private volatile boolean started;

    /** When a tick last started or a row was last attempted: a relay whose scheduler died stops moving it. */
    private volatile Instant lastRun;
    /** When a row was last acknowledged by the broker. */
    private volatile Instant lastSent;
    private volatile boolean channelReady;

    // the delay lets the messaging channels connect before the first run
    @Scheduled(every = "${nmsdz.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "${nmsdz.outbox.start-delay:5s}")
    void tick() {
        started = true;
        if (worker != null) {
            worker.wake();
        } else {
            relayAll();
        }
    }

    void start(@Observes StartupEvent event) {
        if (wakeups.enabled()) {
            worker = new WakeableWorker("outbox-relay", 1, () -> {
                if (started) { // not before the start delay: the channel connects first
                    relayAll();
                }
            });
            wakeups.register(WAKE, worker::wake);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.shutdown();
        }
    }

    /** Publishes every unsent row, batch after batch. */
    void relayAll() {
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
        lastRun = Instant.now();
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
        List<Long> sentIds = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (i == 0 || i == 1 && sentIds.size() == 1) {
                // the first row alone, the rest once it is acknowledged: while the broker is unreachable only one
                // record waits in the producer, and none behind it can be delivered after the broker returns and so
                // overtake the rows sent again on the next turn
                int from = i;
                int to = i == 0 ? 1 : rows.size();
                // outside the transaction: the sends must not carry it (context propagation) to the producer's
                // threads, or it would still be active there when it commits
                acks.addAll(QuarkusTransaction.suspendingExisting().call(() -> {
                    List<CompletableFuture<Void>> handed = new ArrayList<>(to - from);
                    for (int k = from; k < to; k++) {
                        handed.add(send(rows.get(k)).subscribeAsCompletionStage()); // in the rows' order
                    }
                    return handed;
                }));
            }
            OutboxEvent row = rows.get(i);
            Throwable failed = await(acks.get(i), deadline);
            if (failed != null) {
                row.attempts++;
                LOG.warnf("outbox row %d (%s) not published yet: %s", row.id, row.type, failed.toString());
                // nothing after a failed row counts as sent; let the rest of the batch settle (the producer's delivery
                // timeout is shorter than the send timeout) so none of it is still pending when the rows go again
                acks.subList(i + 1, acks.size()).forEach(a -> await(a, deadline));
                break;
            }
            lastSent = Instant.now();
            sentIds.add(row.id);
        }
        if (!sentIds.isEmpty()) { // one statement for the batch, by id (a row committed meanwhile is not among them)
            em.createNativeQuery("update outbox_event set sent_at = ?1, attempts = attempts + 1 where id in (?2)")
                    .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC)).setParameter(2, sentIds).executeUpdate();
        }
        return sentIds.size();
    }

    /** Waits for an acknowledgement until the deadline; null when acknowledged, else why not. */
    private static Throwable await(CompletableFuture<Void> ack, long deadline) {
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (ExecutionException e) {
            return e.getCause() != null ? e.getCause() : e;
        } catch (TimeoutException | RuntimeException e) {
            return e;
        }
    }

    Uni<Void> send(OutboxEvent row) {
        Message<String> message = Message.of(row.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.key)
                .build());
        return emitter.sendMessage(message);
    }
}
