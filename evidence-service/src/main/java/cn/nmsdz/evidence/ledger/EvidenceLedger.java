package cn.nmsdz.evidence.ledger;

import cn.nmsdz.events.EventTypes;
import cn.nmsdz.events.Topics;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.events.evidence.DocumentData;
import cn.nmsdz.events.evidence.EvidenceEventData;
import cn.nmsdz.support.outbox.Outbox;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The only writer of evidence: every new record and every change becomes a new version row and an
 * outbox event carrying the full state, in the caller's transaction. Each version gets a fresh
 * position from evidence_position_seq, so consumers can order the versions.
 */
@ApplicationScoped
public class EvidenceLedger {
    public static final String SOURCE = "/evidence-service";

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    Event<EvidenceMetrics.Recorded> recorded;

    /** Stores a new piece of evidence as version 1 (kind, state, region and content set by the caller). */
    @Transactional(Transactional.TxType.MANDATORY)
    public EvidenceEntity create(EvidenceEntity e, String by) {
        return createAll(List.of(e), by).get(0);
    }

    /** Stores new evidence in the given order; their positions are drawn at once (one round trip, not one each). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EvidenceEntity> createAll(List<EvidenceEntity> all, String by) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Long> positions = nextPositions(all.size());
        for (int i = 0; i < all.size(); i++) {
            EvidenceEntity e = all.get(i);
            e.id = e.id == null ? UUID.randomUUID() : e.id;
            e.version = 1;
            e.position = positions.get(i);
            e.createdAt = now;
            e.updatedAt = now;
            e.persist();
        }
        // the versions after all the rows, not each after its row: Hibernate batches consecutive inserts of one table
        // only (quarkus.hibernate-orm.jdbc.statement-batch-size), and reordering them (hibernate.order_inserts) is no
        // supported Quarkus setting
        all.forEach(e -> version(e, by).persist());
        // the events in one batch after the rows and versions (appending one outbox row per row would send each row
        // and version alone: the outbox entity's identity insert runs at once); the outbox keeps the rows' order
        outbox.appendAll(Topics.EVIDENCE, EventTypes.EVIDENCE_SUBMITTED, SOURCE,
                all.stream().map(e -> new Outbox.Pending(e.region, eventData(e))).toList());
        all.stream().collect(Collectors.groupingBy(e -> List.of(e.kind, e.state), Collectors.counting()))
                .forEach((kindAndState, n) -> recorded.fire(new EvidenceMetrics.Recorded(kindAndState.get(0), kindAndState.get(1), n)));
        return all;
    }

    /** Moves existing evidence to a new state: a new version, never an overwrite of the history. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EvidenceEntity transition(EvidenceEntity e, String state, String reason, String by, String eventType) {
        e.state = state;
        e.reason = reason;
        e.version++;
        e.position = nextPosition();
        e.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        record(e, by, eventType);
        recorded.fire(new EvidenceMetrics.Recorded(e.kind, state, 1));
        return e;
    }

    /** Loads evidence for a change, locked so two concurrent reviews cannot both succeed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EvidenceEntity lock(UUID id) {
        return em.find(EvidenceEntity.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    public static EvidenceEventData eventData(EvidenceEntity e) {
        return new EvidenceEventData(e.id.toString(), e.version, e.position, e.kind, e.state, e.region,
                e.indicator, e.item, e.department, e.submittedBy, e.metric, e.year, EvidenceView.plain(e.value), e.subject,
                e.source, e.satisfied, EvidenceView.plain(e.points), e.comment, e.documentIdList(), e.reason, e.updatedAt,
                e.fileName == null ? null : new DocumentData(e.fileName, e.mediaType, e.sizeBytes, e.sha256, e.yearList()));
    }

    private void record(EvidenceEntity e, String by, String eventType) {
        version(e, by).persist();
        outbox.append(Topics.EVIDENCE, eventType, SOURCE, e.region, eventData(e));
    }

    /** The version row of the evidence's current state (not yet persisted). */
    private static EvidenceVersionEntity version(EvidenceEntity e, String by) {
        EvidenceVersionEntity v = new EvidenceVersionEntity();
        v.evidenceId = e.id;
        v.version = e.version;
        v.state = e.state;
        v.position = e.position;
        v.changedBy = by;
        v.changedAt = e.updatedAt;
        try {
            v.snapshot = EventEnvelope.JSON.writeValueAsString(EvidenceView.of(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        return v;
    }

    List<Long> nextPositions(int n) {
        if (n == 1) {
            return List.of(nextPosition());
        }
        List<?> rows = em.createNativeQuery("select nextval('evidence_position_seq') from generate_series(1, :n) "
                + "order by 1").setParameter("n", n).getResultList();
        return rows.stream().map(o -> ((Number) o).longValue()).toList();
    }

    long nextPosition() {
        return ((Number) em.createNativeQuery("select nextval('evidence_position_seq')").getSingleResult()).longValue();
    }
}
