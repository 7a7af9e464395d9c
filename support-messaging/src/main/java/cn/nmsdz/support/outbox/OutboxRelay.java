package cn.nmsdz.support.outbox;

import cn.nmsdz.support.wake.WakeableWorker;
import cn.nmsdz.support.wake.Wakeups;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows in their order, a batch at a time ({@code nmsdz.outbox.batch-size}, 1,000) with every record
 * of the batch in flight at once, and marks rows sent only once the broker acknowledged them, up to the first one that
 * failed. Why the order per key (per region) holds, also across a broker outage:
 * <ul>
 * <li>The records go straight to the channel's Kafka producer (idempotent, acks=all, at most 5 requests in flight),
 * in the rows' order from one thread: it keeps them in order per partition, also across its own retries, and reports
 * every record's outcome within its {@code delivery.timeout.ms}. Nothing sits between the relay and the producer (the
 * connector's emitter queue and its own re-sends could deliver a stale record after the rows sent again).</li>
 * <li>Nothing after a failed row counts as sent, and the next batch starts only after every record of this one has
 * been acknowledged or has failed ({@code nmsdz.outbox.send-timeout} is longer than the producer's delivery timeout):
 * no record of an earlier attempt is still in the producer when the rows go again, so none can overtake them.</li>
 * <li>After a batch that failed (Kafka down) and on the first batch after a start, the first row goes alone and the
 * rest only once it is acknowledged: while the broker stays unreachable one record waits in the producer per try,
 * not a batch. In the steady state there is no such probe (it cost one broker round trip per batch).</li>
 * <li>Rows are marked sent by their ids ({@code id = any(?)}), never by a range: a row of a transaction that
 * committed after the select has a lower id than rows already read, and is sent on the next turn.</li>
 * </ul>
 * Up to ten batches share one transaction (one advisory lock): while a batch is in flight the previous one is marked
 * sent and the next one read, so the database's work overlaps the broker's; the next batch is still handed over only
 * after every record of the one before it was acknowledged.
 * Delivery is at least once (a record whose acknowledgement was lost goes again; consumers dedupe by event id). It
 * runs as soon as a transaction that appended rows commits ({@link Wakeups}, here and in the other instances); the
 * tick is the safety net.
 * One relay at a time per service, across all its instances: each transaction first takes a transaction-scoped
 * advisory lock ({@link #EXCLUSIVE}); an instance that does not get it sends nothing this time. Without it, two
 * instances taking consecutive batches could publish a region's later event before its earlier one. The lock is the
 * exclusion, so the rows are read without row locks ({@code for update skip locked} only cost a write per row).
 * Where the channel is not Kafka (the component tests' in-memory connector) the records go through the emitter.
 */
@ApplicationScoped
public class OutboxRelay {
    /** The outgoing channel every producing service binds to Kafka; the topic comes from the row. */
    public static final String CHANNEL = "outbox";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The lock that makes one instance of a service the relay for a batch; keyed by the service's schema. */
    public static final String EXCLUSIVE = "select pg_try_advisory_xact_lock(hashtext('nmsdz.outbox.' || current_schema()))";
    /** The unsent rows in publication order, only the columns a record needs. */
    static final String SELECT = "select id, topic, message_key, payload from outbox_event where sent_at is null"
            + " and id > ? order by id limit ?";
    /** Marks the acknowledged rows, by id. */
    static final String MARK_SENT = "update outbox_event set sent_at = ?, attempts = attempts + 1 where id = any(?)";

    @Inject
    EntityManager em;

    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<String> emitter;

    @Inject
    KafkaClientService kafka;

    @ConfigProperty(name = "nmsdz.outbox.batch-size", defaultValue = "1000")
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
    /** Whether the next batch's first row goes alone: on the first batch and after a batch that failed. */
    private volatile boolean probe = true;

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
            while (relayBatch() >= batchSize && !probe) {
                // full batches, all acknowledged: more may be waiting
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

    /** An outbox row as it goes on the topic. */
    record Row(long id, String topic, String key, String payload) {
    }

    /**
     * Publishes up to {@link #BATCHES_PER_TRANSACTION} batches in one transaction (one advisory lock): while a batch
     * is in flight, the previous one is marked sent and the next one read, so the database's work overlaps the
     * broker's. A batch is handed over only after every record of the one before was acknowledged (see the class
     * comment); the run stops at the first batch that is not full or not wholly acknowledged.
     * @return how many rows were published
     */
    @Transactional
    public int relayBatch() {
        if (!(Boolean) em.createNativeQuery(EXCLUSIVE).getSingleResult()) {
            return 0; // another instance is relaying: it keeps the order, this one waits for the next tick
        }
        Session session = em.unwrap(Session.class);
        List<Row> rows = select(session, 0);
        long[] toMark = new long[0];
        int total = 0;
        for (int round = 1; !rows.isEmpty(); round++) {
            lastRun = Instant.now();
            Batch batch = new Batch(rows, sender(), System.nanoTime() + sendTimeout.toNanos());
            batch.handNext(); // in flight from here on
            mark(session, toMark);
            List<Row> next = rows.size() == batchSize && round < BATCHES_PER_TRANSACTION
                    ? select(session, rows.get(rows.size() - 1).id()) : List.of();
            toMark = batch.awaitAll();
            total += toMark.length;
            if (toMark.length > 0) {
                lastSent = Instant.now();
            }
            if (batch.failed != null) {
                Row row = rows.get(toMark.length);
                LOG.warnf("outbox row %d not published yet: %s", row.id(), batch.failed.toString());
                em.createNativeQuery("update outbox_event set attempts = attempts + 1 where id = ?1")
                        .setParameter(1, row.id()).executeUpdate();
                break;
            }
            rows = next;
        }
        mark(session, toMark);
        return total;
    }

    /** At most this many batches per transaction: the marks become visible (and the lock free) at least that often. */
    static final int BATCHES_PER_TRANSACTION = 10;

    /** The next unsent rows after an id, in their order, only the columns a record needs. */
    private List<Row> select(Session session, long after) {
        return session.doReturningWork(c -> {
            try (PreparedStatement q = c.prepareStatement(SELECT)) {
                q.setLong(1, after);
                q.setInt(2, batchSize);
                q.setFetchSize(batchSize);
                try (ResultSet r = q.executeQuery()) {
                    List<Row> read = new ArrayList<>(batchSize);
                    while (r.next()) {
                        read.add(new Row(r.getLong(1), r.getString(2), r.getString(3), r.getString(4)));
                    }
                    return read;
                }
            }
        });
    }

    /** Marks acknowledged rows sent: one statement, by id (a row committed meanwhile is not among them). */
    private void mark(Session session, long[] ids) {
        if (ids.length == 0) {
            return;
        }
        session.doWork(c -> {
            try (PreparedStatement u = c.prepareStatement(MARK_SENT)) {
                u.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                u.setArray(2, c.createArrayOf("bigint", Arrays.stream(ids).boxed().toArray()));
                u.executeUpdate();
            }
        });
    }

    /** One batch's records and their acknowledgements. */
    private final class Batch {
        final List<Row> rows;
        final Sender sender;
        final long deadline;
        final List<CompletableFuture<?>> acks;
        int handed;
        Throwable failed;

        Batch(List<Row> rows, Sender sender, long deadline) {
            this.rows = rows;
            this.sender = sender;
            this.deadline = deadline;
            this.acks = new ArrayList<>(rows.size());
        }

        /** Hands over the first row alone when probing, else (and once the probe is acknowledged) all the rest. */
        void handNext() {
            handed = hand(sender, rows, handed, probe && handed == 0 ? 1 : rows.size(), acks);
        }

        /** @return the ids acknowledged, in order, up to the first failure ({@link #failed}) */
        long[] awaitAll() {
            long[] sent = new long[rows.size()];
            int acked = 0;
            while (acked < rows.size()) {
                if (handed == acked) {
                    handNext();
                }
                failed = await(acks.get(acked), deadline);
                if (failed != null) {
                    break;
                }
                sent[acked] = rows.get(acked).id();
                acked++;
            }
            if (failed != null) {
                // nothing after a failed row counts as sent; let the whole batch settle so none of it is still pending
                // when the rows go again: every record handed over (all sends have returned by now) is reported
                // within the producer's delivery timeout, which is shorter than this fresh send timeout
                long settle = System.nanoTime() + sendTimeout.toNanos();
                acks.subList(acked, acks.size()).forEach(a -> await(a, settle));
            }
            probe = failed != null;
            return Arrays.copyOf(sent, acked);
        }
    }

    /**
     * Hands rows [from, to) to the sender in their order, outside the transaction (the sends must not carry it to the
     * producer's threads, or it would still be active there when it commits); stops after a record the producer
     * refused at once (e.g. no metadata within max.block.ms), so nothing queues behind a failure.
     * @return the index after the last row handed over (at least {@code from + 1})
     */
    private int hand(Sender sender, List<Row> rows, int from, int to, List<CompletableFuture<?>> acks) {
        return QuarkusTransaction.suspendingExisting().call(() -> {
            for (int k = from; k < to; k++) {
                CompletableFuture<?> ack = sender.send(rows.get(k));
                acks.add(ack);
                if (ack.isCompletedExceptionally()) {
                    return k + 1;
                }
            }
            return to;
        });
    }

    /** Waits for an acknowledgement until the deadline; null when acknowledged, else why not. */
    private static Throwable await(CompletableFuture<?> ack, long deadline) {
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

    /** Sends one record; the future completes when the broker acknowledged it, or fails. */
    interface Sender {
        CompletableFuture<?> send(Row row);
    }

    /**
     * The channel's own Kafka producer (its configuration: acks=all, idempotent), used directly: no message, metadata
     * and Mutiny pipeline per record, and no queue or re-send of the connector's between the relay and the producer.
     * The emitter where the channel is not Kafka (in-memory in the component tests).
     */
    Sender sender() {
        if (kafka.getProducerChannels().contains(CHANNEL)) {
            Producer<String, String> producer = kafka.<String, String>getProducer(CHANNEL).unwrap();
            if (producer == null) {
                throw new IllegalStateException("the Kafka producer of channel " + CHANNEL + " is not created yet");
            }
            return row -> {
                CompletableFuture<Object> ack = new CompletableFuture<>();
                try {
                    producer.send(new ProducerRecord<>(row.topic(), row.key(), row.payload()), (metadata, e) -> {
                        if (e != null) {
                            ack.completeExceptionally(e);
                        } else {
                            ack.complete(metadata);
                        }
                    });
                } catch (RuntimeException e) {
                    ack.completeExceptionally(e);
                }
                return ack;
            };
        }
        return row -> emitter.sendMessage(Message.of(row.payload())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withTopic(row.topic()).withKey(row.key()).build()))
                .subscribeAsCompletionStage();
    }
}
