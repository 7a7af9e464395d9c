package cn.nmsdz.scoring.snapshot;

import cn.nmsdz.events.EventTypes;
import cn.nmsdz.events.Topics;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.events.score.SnapshotCreatedData;
import cn.nmsdz.scoring.domain.engine.Explainer;
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.domain.model.Reason;
import cn.nmsdz.scoring.domain.model.ScoreResult;
import cn.nmsdz.support.outbox.Outbox;
import cn.nmsdz.support.tracing.Traces;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/** Stores computed snapshots with their {@code score.events} event, and reads them back. */
@ApplicationScoped
public class SnapshotStore {
    /**
     * Feed order: snapshots are inserted only while holding this transaction-scoped advisory lock, so
     * snapshot-writing transactions run one after another and the identity ids (the feed cursor)
     * become visible in increasing order. PostgreSQL makes a commit visible before it releases the
     * transaction's locks, so a reader that sees id n also sees every id below n: a reader that has
     * passed a cursor can never miss a snapshot committed later with a lower id.
     */
    static final long FEED_LOCK = 0x5C0FEEDL;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    Event<SnapshotsStored> snapshotsStored;

    /**
     * A computed snapshot with its two results already written as JSON: they are nearly all of its ~100 KB body, and
     * writing them before the feed lock is taken lets another worker store meanwhile.
     */
    public record Prepared(Snapshot computed, byte[] bodyResults, byte[] summaryResults, String traceparent) {
    }

    /**
     * Writes the bulk of a computed snapshot's body and its summary (no lock held, no transaction needed), and keeps
     * the current trace for its event.
     */
    public static Prepared prepare(Snapshot computed) {
        ScoreResult confirmed = computed.confirmed();
        ScoreResult projected = computed.projected();
        boolean same = sameButBasis(confirmed, projected);
        return new Prepared(computed,
                results(stored(confirmed), same ? basisOnly(projected) : stored(projected)),
                results(stored(withoutIndicators(confirmed)),
                        same ? basisOnly(projected) : stored(withoutIndicators(projected))),
                Traces.currentTraceparent());
    }

    private static final byte[] CONFIRMED = ",\"confirmed\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PROJECTED = ",\"projected\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "}".getBytes(StandardCharsets.US_ASCII);

    /**
     * The end of a stored body (or summary) after its head ({@link Head}), compressed: its two results, the bulk of it.
     * Written and compressed before the feed lock is taken; under it only the head with the id and number is.
     */
    private static byte[] results(byte[] confirmedJson, byte[] projectedJson) {
        return Deflated.last(CONFIRMED, confirmedJson, PROJECTED, projectedJson, END);
    }

    /**
     * How a body is stored. It is most of what storing a snapshot costs (writing it, PostgreSQL compressing it, under
     * the feed lock) and a rescoring stores thousands, so it leaves out what {@link #read} gives back exactly: the
     * English lines of each indicator ({@code explanation}, {@code missingText}: the English rendering of its reasons
     * and missing inputs, as the engine makes them), empty {@code args} and {@code parts} of reasons, and a projected
     * result that differs from the confirmed one only in its basis (a settled region's), stored as that basis alone.
     * Its few hundred Chinese characters (names) are written as JSON escapes (backslash, u, four hex digits): an
     * ASCII-only body stays a one-byte-per-character string from the writer to the driver's UTF-8 (one of them made the
     * whole ~36 KB body a two-byte string, copied and encoded again on the way); reading it gives the same text.
     */
    static final ObjectMapper STORED = EventEnvelope.JSON.copy()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .addMixIn(Reason.class, StoredReason.class);

    static {
        STORED.getFactory().configure(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature(), true);
    }

    /** Reasons as stored: without empty arguments and parts (read back as empty, {@link Reason}'s constructor). */
    abstract static class StoredReason {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract Map<String, String> args();

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract Map<String, List<Reason>> parts();
    }

    /** A result in its stored form, as ASCII JSON bytes (written straight to bytes: no string built on the way). */
    private static byte[] stored(ScoreResult r) {
        return StoredResultWriter.write(r);
    }

    /** A result stored as its basis alone: the confirmed result in that basis. */
    private static byte[] basisOnly(ScoreResult r) {
        return ("{\"basis\":\"" + r.basis().name() + "\"}").getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether the two results share everything but their basis, as the engine gives them when the bases agree. */
    private static boolean sameButBasis(ScoreResult a, ScoreResult b) {
        return a != null && b != null && a.indicators() == b.indicators() && a.firstLevel() == b.firstLevel()
                && a.verdict() == b.verdict() && a.total().equals(b.total()) && a.maxTotal().equals(b.maxTotal());
    }

    /** A stored snapshot (body or summary) as it was computed: what the stored form leaves out given back. */
    public static Snapshot read(String stored) throws JsonProcessingException {
        return completed(EventEnvelope.JSON.readValue(stored, Snapshot.class), true);
    }

    /**
     * A stored snapshot to be rendered ({@code SnapshotRenderer}): as {@link #read(String)}, but without rendering the
     * English lines the renderer renders again from the reasons anyway, in the language asked for.
     */
    public static Snapshot readToRender(String stored) throws JsonProcessingException {
        return completed(EventEnvelope.JSON.readValue(stored, Snapshot.class), false);
    }

    /** {@link #readToRender(String)} of a stored snapshot's body. */
    public static Snapshot readToRender(SnapshotEntity entity) {
        try {
            return readToRender(entity.bodyJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("snapshot " + entity.id + " is unreadable", e);
        }
    }

    /**
     * A snapshot read in its stored form, with what that form leaves out given back (the English lines only when
     * {@code englishLines}).
     */
    public static Snapshot completed(Snapshot s, boolean englishLines) {
        ScoreResult confirmed = englishLines ? complete(s.confirmed()) : s.confirmed();
        ScoreResult projected = s.projected() != null && s.projected().total() == null && confirmed != null
                ? new ScoreResult(s.projected().basis(), confirmed.total(), confirmed.maxTotal(), confirmed.firstLevel(),
                confirmed.indicators(), confirmed.verdict())
                : englishLines ? complete(s.projected()) : s.projected();
        return new Snapshot(s.id(), s.region(), s.regionName(), s.year(), s.number(), s.systemCode(), s.systemVersion(),
                s.evidencePosition(), s.projectionSeq(), confirmed, projected, s.createdAt());
    }

    /** A stored result with each indicator's English lines rendered again from its reasons and missing inputs. */
    private static ScoreResult complete(ScoreResult r) {
        if (r == null || r.indicators() == null) {
            return r;
        }
        Explainer english = Explainer.english();
        return new ScoreResult(r.basis(), r.total(), r.maxTotal(), r.firstLevel(), r.indicators().stream()
                .map(i -> i.explanation() != null || i.reasons() == null ? i
                        : new IndicatorScore(i.code(), i.number(), i.name(), i.ruleKind(), i.points(), i.maxPoints(),
                        i.status(), i.inputs(), english.render(i.reasons()), i.missing(), i.awaitingExpert(), i.reasons(),
                        i.missing() == null ? null : i.missing().stream().map(english::missing).toList()))
                .toList(), r.verdict());
    }

    /** A result as the summary form holds it: everything but the indicator scores (an empty list). */
    public static ScoreResult withoutIndicators(ScoreResult r) {
        return r == null ? null : new ScoreResult(r.basis(), r.total(), r.maxTotal(), r.firstLevel(), List.of(), r.verdict());
    }

    /**
     * The stored body's head: the {@link Snapshot} in its stored form ({@link #STORED}; {@link #read} gives the snapshot
     * back, {@code SnapshotCalculatorTest}) but its results, which follow ({@link #results}).
     */
    record Head(long id, String region, String regionName, int year, long number, String systemCode, int systemVersion,
                long evidencePosition, Long projectionSeq, OffsetDateTime createdAt) {
    }

    /** Stores a computed snapshot as the region's next number, with its event, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SnapshotEntity store(Snapshot computed) {
        return storeAll(List.of(prepare(computed))).get(0).entity();
    }

    /**
     * Stores prepared snapshots (of distinct region-years) in the given order, each as its region's next number, with
     * their {@code score.events} events, in the caller's transaction, and tells what reacts to new scores
     * ({@link SnapshotsStored}). Everything under the feed lock is a few statements for the whole batch: the lock, the
     * ids with each region's next number and previous verdict, the inserts and the events in JDBC batches.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<SnapshotStored> storeAll(List<Prepared> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        List<SnapshotStored> stored = new ArrayList<>(batch.size());
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, FEED_LOCK);
                lock.execute();
            }
            // under the feed lock, so ids become visible in increasing order; a statement of its own, so its snapshot
            // sees what the worker that held the lock before committed
            List<long[]> idsAndNumbers = new ArrayList<>(batch.size());
            List<Boolean> previouslyPassed = new ArrayList<>(batch.size());
            try (PreparedStatement next = connection.prepareStatement("select nextval(pg_get_serial_sequence('snapshot',"
                    + " 'id')), (select coalesce(max(s.number), 0) from snapshot s where s.region = b.region)"
                    + " + row_number() over (partition by b.region order by b.at),"
                    + " (select s.confirmed_passed from snapshot s where s.region = b.region and s.year = b.year"
                    + " order by s.number desc limit 1)"
                    + " from unnest(?::varchar[], ?::integer[]) with ordinality as b(region, year, at) order by b.at")) {
                next.setArray(1, connection.createArrayOf("varchar",
                        batch.stream().map(p -> p.computed().region()).toArray()));
                next.setArray(2, connection.createArrayOf("integer",
                        batch.stream().map(p -> p.computed().year()).toArray()));
                try (ResultSet rows = next.executeQuery()) {
                    while (rows.next()) {
                        idsAndNumbers.add(new long[] {rows.getLong(1), rows.getLong(2)});
                        boolean passed = rows.getBoolean(3);
                        previouslyPassed.add(rows.wasNull() ? null : passed);
                    }
                }
            }
            // the batch's ids in increasing order, whatever order the sequence was read in: the feed follows the batch
            long[] ids = idsAndNumbers.stream().mapToLong(r -> r[0]).sorted().toArray();
            try (PreparedStatement insert = connection.prepareStatement("insert into snapshot (id, region, year, number,"
                    + " system_code, system_version, evidence_position, projection_seq, confirmed_total, projected_total,"
                    + " confirmed_passed, projected_passed, body_deflated, summary_deflated, created_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < batch.size(); i++) {
                    SnapshotEntity entity = entity(batch.get(i), ids[i], idsAndNumbers.get(i)[1]);
                    insert.setLong(1, entity.id);
                    insert.setString(2, entity.region);
                    insert.setInt(3, entity.year);
                    insert.setLong(4, entity.number);
                    insert.setString(5, entity.systemCode);
                    insert.setInt(6, entity.systemVersion);
                    insert.setLong(7, entity.evidencePosition);
                    insert.setObject(8, entity.projectionSeq, Types.BIGINT);
                    insert.setBigDecimal(9, entity.confirmedTotal);
                    insert.setBigDecimal(10, entity.projectedTotal);
                    insert.setBoolean(11, entity.confirmedPassed);
                    insert.setBoolean(12, entity.projectedPassed);
                    insert.setBytes(13, entity.bodyDeflated);
                    insert.setBytes(14, entity.summaryDeflated);
                    insert.setObject(15, entity.createdAt);
                    insert.addBatch();
                    Snapshot c = batch.get(i).computed();
                    stored.add(new SnapshotStored(entity, new Snapshot(entity.id, c.region(), c.regionName(), c.year(),
                            entity.number, c.systemCode(), c.systemVersion(), c.evidencePosition(), c.projectionSeq(),
                            c.confirmed(), c.projected(), c.createdAt()), previouslyPassed.get(i)));
                }
                insert.executeBatch();
            }
        });
        List<Outbox.Pending> events = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            SnapshotEntity e = stored.get(i).entity();
            // each event continues the trace of the change its snapshot was computed for
            events.add(new Outbox.Pending(e.region, new SnapshotCreatedData(e.region, e.year, e.number, e.systemCode,
                    e.systemVersion, e.evidencePosition, e.confirmedTotal, e.projectedTotal, e.confirmedPassed,
                    e.projectedPassed, batch.get(i).computed().confirmed().verdict().reasons(), e.createdAt),
                    batch.get(i).traceparent()));
        }
        outbox.appendAll(Topics.SCORE, EventTypes.SNAPSHOT_CREATED, "/scoring-service", events);
        snapshotsStored.fire(new SnapshotsStored(stored)); // awaiting experts, pass line crossed (issue #13)
        return stored;
    }

    /** The row of a prepared snapshot stored with the id and number the store gave it. */
    private static SnapshotEntity entity(Prepared prepared, long id, long number) {
        Snapshot computed = prepared.computed();
        SnapshotEntity entity = new SnapshotEntity();
        entity.id = id;
        entity.region = computed.region();
        entity.year = computed.year();
        entity.number = number;
        entity.systemCode = computed.systemCode();
        entity.systemVersion = computed.systemVersion();
        entity.evidencePosition = computed.evidencePosition();
        entity.projectionSeq = computed.projectionSeq();
        entity.confirmedTotal = computed.confirmed().total();
        entity.projectedTotal = computed.projected().total();
        entity.confirmedPassed = computed.confirmed().verdict().passed();
        entity.projectedPassed = computed.projected().verdict().passed();
        entity.createdAt = computed.createdAt();
        String head = head(computed, id, number);
        entity.bodyDeflated = Deflated.headThen(head, prepared.bodyResults());
        entity.summaryDeflated = Deflated.headThen(head, prepared.summaryResults());
        return entity;
    }

    /** The head of a body (and of the summary) with the id and number the store gave: its JSON without the closing brace. */
    private static String head(Snapshot computed, long id, long number) {
        String json = write(STORED, new Head(id, computed.region(), computed.regionName(), computed.year(), number,
                computed.systemCode(), computed.systemVersion(), computed.evidencePosition(), computed.projectionSeq(),
                computed.createdAt()));
        return json.substring(0, json.length() - 1);
    }

    /** A stored snapshot as it was computed. */
    public static Snapshot read(SnapshotEntity entity) {
        try {
            return read(entity.bodyJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("snapshot " + entity.id + " is unreadable", e);
        }
    }

    static String write(Object value) {
        return write(EventEnvelope.JSON, value);
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
