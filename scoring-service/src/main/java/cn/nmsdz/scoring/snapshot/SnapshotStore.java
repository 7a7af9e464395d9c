package cn.nmsdz.scoring.snapshot;

import cn.nmsdz.events.EventTypes;
import cn.nmsdz.events.Topics;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.events.score.SnapshotCreatedData;
import cn.nmsdz.scoring.domain.model.ScoreResult;
import cn.nmsdz.support.outbox.Outbox;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

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
        String confirmedJson = write(confirmed);
        String confirmedSummaryJson = write(withoutIndicators(confirmed));
        if (sameButBasis(confirmed, projected)) {
            return new Prepared(computed, confirmedJson, rebased(confirmedJson, projected), confirmedSummaryJson,
                    rebased(confirmedSummaryJson, withoutIndicators(projected)));
        }
        return new Prepared(computed, confirmedJson, write(projected), confirmedSummaryJson,
                write(withoutIndicators(projected)));
    }

    /** Whether the two results share everything but their basis, as the engine gives them when the bases agree. */
    private static boolean sameButBasis(ScoreResult a, ScoreResult b) {
        return a != null && b != null && a.indicators() == b.indicators() && a.firstLevel() == b.firstLevel()
                && a.verdict() == b.verdict() && a.total().equals(b.total()) && a.maxTotal().equals(b.maxTotal());
    }

    /**
     * {@code r} written by changing the basis of {@code json}, a result that differs from it only there: the basis is
     * a result's first property, so that is all writing it again would change (half of the JSON a settled region's
     * snapshot writes). Written in full if the JSON does not start as expected.
     */
    private static String rebased(String json, ScoreResult r) {
        String basisOf = "{\"basis\":\"";
        int end = json.indexOf('"', basisOf.length());
        return json.startsWith(basisOf) && end > 0 ? basisOf + r.basis().name() + json.substring(end) : write(r);
    }

    /** A result as the summary form holds it: everything but the indicator scores (an empty list). */
    public static ScoreResult withoutIndicators(ScoreResult r) {
        return r == null ? null : new ScoreResult(r.basis(), r.total(), r.maxTotal(), r.firstLevel(), List.of(), r.verdict());
    }

    /**
     * The stored body: exactly what writing the {@link Snapshot} itself gives (same properties in the same order,
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
        long number = 1 + Optional.ofNullable((Number) em.createQuery(
                        "select max(s.number) from SnapshotEntity s where s.region = ?1")
                .setParameter(1, computed.region()).getSingleResult()).map(Number::longValue).orElse(0L);
        SnapshotEntity entity = new SnapshotEntity();
        entity.id = SnapshotEntity.nextId(); // under the feed lock: ids become visible in increasing order
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
        return write(new Body(id, computed.region(), computed.regionName(), computed.year(), number,
                computed.systemCode(), computed.systemVersion(), computed.evidencePosition(), computed.projectionSeq(),
                confirmedJson, projectedJson, computed.createdAt()));
    }

    /** A stored snapshot as it was computed. */
    public static Snapshot read(SnapshotEntity entity) {
        try {
            return EventEnvelope.JSON.readValue(entity.body, Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("snapshot " + entity.id + " is unreadable", e);
        }
    }

    static String write(Object value) {
        try {
            return EventEnvelope.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
