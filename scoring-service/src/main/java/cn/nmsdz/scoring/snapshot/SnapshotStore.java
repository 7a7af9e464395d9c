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
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

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
    Event<SnapshotStored> stored;

    /**
     * A computed snapshot with its two results already written as JSON: they are nearly all of its ~100 KB body, and
     * writing them before the feed lock is taken lets another worker store meanwhile.
     */
    public record Prepared(Snapshot computed, String confirmedJson, String projectedJson, String confirmedSummaryJson,
                           String projectedSummaryJson) {
    }

    /** Writes the bulk of a computed snapshot's body and its summary (no lock held, no transaction needed). */
    public static Prepared prepare(Snapshot computed) {
        ScoreResult confirmed = computed.confirmed();
        ScoreResult projected = computed.projected();
        boolean same = sameButBasis(confirmed, projected);
        return new Prepared(computed, stored(confirmed), same ? basisOnly(projected) : stored(projected),
                stored(withoutIndicators(confirmed)), same ? basisOnly(projected) : stored(withoutIndicators(projected)));
    }

    /**
     * How a body is stored. It is most of what storing a snapshot costs (writing it, PostgreSQL compressing it, under
     * the feed lock) and a rescoring stores thousands, so it leaves out what {@link #read} gives back exactly: the
     * English lines of each indicator ({@code explanation}, {@code missingText}: the English rendering of its reasons
     * and missing inputs, as the engine makes them), empty {@code args} and {@code parts} of reasons, and a projected
     * result that differs from the confirmed one only in its basis (a settled region's), stored as that basis alone.
     */
    static final ObjectMapper STORED = EventEnvelope.JSON.copy()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .addMixIn(Reason.class, StoredReason.class);

    /** Reasons as stored: without empty arguments and parts (read back as empty, {@link Reason}'s constructor). */
    abstract static class StoredReason {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract Map<String, String> args();

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract Map<String, List<Reason>> parts();
    }

    private static String stored(ScoreResult r) {
        if (r == null) {
            return "null";
        }
        return write(STORED, new ScoreResult(r.basis(), r.total(), r.maxTotal(), r.firstLevel(), r.indicators().stream()
                .map(i -> i.reasons() == null ? i : new IndicatorScore(i.code(), i.number(), i.name(), i.ruleKind(),
                        i.points(), i.maxPoints(), i.status(), i.inputs(), null, i.missing(), i.awaitingExpert(),
                        i.reasons(), null))
                .toList(), r.verdict()));
    }

    /** A result stored as its basis alone: the confirmed result in that basis. */
    private static String basisOnly(ScoreResult r) {
        return "{\"basis\":\"" + r.basis().name() + "\"}";
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
            return readToRender(entity.body);
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
     * The stored body: the {@link Snapshot} in its stored form ({@link #STORED}; {@link #read} gives the snapshot back,
     * {@code SnapshotCalculatorTest}), with the results written before.
     */
    record Body(long id, String region, String regionName, int year, long number, String systemCode, int systemVersion,
                long evidencePosition, Long projectionSeq, @JsonRawValue String confirmed, @JsonRawValue String projected,
                OffsetDateTime createdAt) {
    }

    /** Stores a computed snapshot as the region's next number, with its event, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SnapshotEntity store(Snapshot computed) {
        return store(prepare(computed));
    }

    /** Stores a prepared snapshot as the region's next number, with its event, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SnapshotEntity store(Prepared prepared) {
        Snapshot computed = prepared.computed();
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(?1)").setParameter(1, FEED_LOCK).getSingleResult();
        // under the feed lock, so ids become visible in increasing order; a statement of its own, so its snapshot sees
        // what the worker that held the lock before committed
        Object[] idAndNumber = (Object[]) em.createNativeQuery("select nextval(pg_get_serial_sequence('snapshot', 'id')),"
                        + " (select coalesce(max(number), 0) + 1 from snapshot where region = ?1)")
                .setParameter(1, computed.region()).getSingleResult();
        long number = ((Number) idAndNumber[1]).longValue();
        SnapshotEntity entity = new SnapshotEntity();
        entity.id = ((Number) idAndNumber[0]).longValue();
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
        Snapshot snapshot = new Snapshot(entity.id, computed.region(), computed.regionName(), computed.year(), number,
                computed.systemCode(), computed.systemVersion(), computed.evidencePosition(), computed.projectionSeq(),
                computed.confirmed(), computed.projected(), computed.createdAt());
        entity.body = body(computed, entity.id, number, prepared.confirmedJson(), prepared.projectedJson());
        entity.summary = body(computed, entity.id, number, prepared.confirmedSummaryJson(),
                prepared.projectedSummaryJson());
        entity.persist();
        outbox.append(Topics.SCORE, EventTypes.SNAPSHOT_CREATED, "/scoring-service", entity.region,
                new SnapshotCreatedData(entity.region, entity.year, number, entity.systemCode, entity.systemVersion,
                        entity.evidencePosition, entity.confirmedTotal, entity.projectedTotal, entity.confirmedPassed,
                        entity.projectedPassed, computed.confirmed().verdict().reasons(), entity.createdAt));
        stored.fire(new SnapshotStored(entity, snapshot)); // awaiting experts, pass line crossed (issue #13)
        return entity;
    }

    /** A body (or the summary) with the id and number the store gave and the results written before. */
    private static String body(Snapshot computed, long id, long number, String confirmedJson, String projectedJson) {
        return write(STORED, new Body(id, computed.region(), computed.regionName(), computed.year(), number,
                computed.systemCode(), computed.systemVersion(), computed.evidencePosition(), computed.projectionSeq(),
                confirmedJson, projectedJson, computed.createdAt()));
    }

    /** A stored snapshot as it was computed. */
    public static Snapshot read(SnapshotEntity entity) {
        try {
            return read(entity.body);
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
