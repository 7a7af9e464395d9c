package cn.nmsdz.scoring.messaging;

import cn.nmsdz.events.EventTypes;
import cn.nmsdz.events.catalogue.DecompositionData;
import cn.nmsdz.events.catalogue.RegionData;
import cn.nmsdz.events.catalogue.SystemPublishedData;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.events.evidence.EvidenceEventData;
import cn.nmsdz.scoring.config.ScoringConfig;
import cn.nmsdz.scoring.projection.CampaignProjectionEntity;
import cn.nmsdz.scoring.projection.LegacyJudgementYear;
import cn.nmsdz.scoring.projection.CatalogueSystemEntity;
import cn.nmsdz.scoring.projection.DecompositionDepartmentEntity;
import cn.nmsdz.scoring.projection.DecompositionEntryEntity;
import cn.nmsdz.scoring.projection.EvidenceFactEntity;
import cn.nmsdz.scoring.projection.EvidenceFactVersionEntity;
import cn.nmsdz.scoring.projection.FigureWinners;
import cn.nmsdz.scoring.projection.RegionEntity;
import cn.nmsdz.scoring.rescoring.RescoringService;
import cn.nmsdz.scoring.snapshot.SnapshotService;
import cn.nmsdz.support.inbox.EventApplier;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import cn.nmsdz.support.tracing.Traces;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Builds the local projection from catalogue.events and evidence.events and rescores what a
 * change affects. The event id is recorded in the same transaction as the projection and the
 * new snapshots, so a redelivered event changes nothing (idempotent, at-least-once).
 */
@ApplicationScoped
public class ProjectionConsumer {
    private static final Logger LOG = Logger.getLogger(ProjectionConsumer.class);

    /** Applies each event once, in the same transaction as its projection; retries, never skips. */
    @Inject
    EventApplier applier;

    @Inject
    SnapshotService snapshots;

    @Inject
    RescoringService rescoring;

    @Inject
    ScoringConfig config;

    @Inject
    FigureWinners figureWinners;

    @Inject
    jakarta.persistence.EntityManager em;

    @jakarta.inject.Inject
    cn.nmsdz.scoring.notify.Notifications notifications;

    @Incoming("catalogue-in")
    @Blocking(ordered = true)
    public void onCatalogue(String json) {
        applier.apply(json, this::applyCatalogue);
    }

    /**
     * A poll's records at once (batch=true): a burst of evidence costs one commit per poll, not one per event, and a
     * few statements per poll rather than several per event (see {@link EvidencePoll}).
     */
    @Incoming("evidence-in")
    @Blocking(ordered = true)
    public void onEvidence(List<String> jsons) {
        applier.applyAll(jsons, EvidencePoll::new);
    }

    /** What a fact marks for rescoring, and the trace of the first change in the poll that marked it. */
    record Marks(EvidenceFactEntity fact, String traceparent) {
    }

    /** The facts of a poll that mark the same region-years: {@link SnapshotService#rescoreAfter} reads only these. */
    static List<Object> rescoreKey(EvidenceFactEntity fact) {
        return java.util.Arrays.asList(fact.kind, fact.region, fact.year);
    }

    /**
     * One poll's evidence, applied in order in one transaction (a retry starts from a new one). Its facts are read in
     * one statement before the first is applied; the facts are written in JDBC batches at the flush and their version
     * rows in one JDBC batch, in the order applied (their {@code seq}); what the poll changed is done once at its end:
     * the departments' activity and the notices, the marks (once per kind, region and year, with the trace of the first
     * change that made them) and the figure winners (once per key). The result is the same as applying the events
     * one by one.
     */
    final class EvidencePoll implements EventApplier.Batch {
        /** Statements per JDBC batch: the facts' inserts and updates, the version rows. */
        static final int JDBC_BATCH = 200;
        /** Evidence ids per select of the poll's facts (a bind parameter each). */
        static final int IDS_PER_SELECT = 1000;

        /** Each event's payload, read once. */
        private final Map<EventEnvelope, EvidenceEventData> data = new java.util.IdentityHashMap<>();
        private final Map<String, EvidenceFactEntity> facts = new HashMap<>();
        private final List<EvidenceFactVersionEntity> versions = new ArrayList<>();
        private final List<EvidenceFactEntity> applied = new ArrayList<>();
        // the figure keys the poll changed, their winners refreshed once at its end: a burst of 1,000 figures of one
        // metric and year refreshes one key, not 1,000 times
        private final Set<FigureWinners.Key> changed = new HashSet<>();
        // what the poll's evidence marks for rescoring, marked once at its end: the marks depend only on a fact's kind,
        // region and year, so 1,000 figures of one region and year are one set of marks, not 1,000
        private final Map<List<Object>, Marks> toRescore = new LinkedHashMap<>();

        @Override
        public void before(List<EventEnvelope> events) {
            // batched at the flush: the poll's new facts are one multi-row insert per 200, its updates one round trip
            em.unwrap(Session.class).setJdbcBatchSize(JDBC_BATCH);
            events.forEach(e -> data.put(e, e.dataAs(EvidenceEventData.class)));
            List<String> ids = data.values().stream().map(EvidenceEventData::evidenceId).distinct().toList();
            for (int from = 0; from < ids.size(); from += IDS_PER_SELECT) {
                em.createQuery("from EvidenceFactEntity f where f.evidenceId in ?1", EvidenceFactEntity.class)
                        .setParameter(1, ids.subList(from, Math.min(ids.size(), from + IDS_PER_SELECT)))
                        .getResultList().forEach(f -> facts.put(f.evidenceId, f));
            }
        }

        @Override
        public void apply(EventEnvelope event) {
            EvidenceEventData data = this.data.get(event);
            EvidenceFactEntity fact = facts.get(data.evidenceId());
            if (fact != null && fact.position >= data.position()) {
                return; // an older (or the same) version arriving late: the newer state is already projected and kept
            }
            // the state it replaces: a figure moving key (or state) changes the winners of the key it leaves too
            EvidenceFactVersionEntity before = fact == null ? null : EvidenceFactVersionEntity.of(fact);
            if (fact == null) {
                fact = new EvidenceFactEntity();
                fact.evidenceId = data.evidenceId();
                facts.put(fact.evidenceId, fact);
            }
            project(data, fact);
            fact.persist();
            versions.add(EvidenceFactVersionEntity.of(fact));
            FigureWinners.changed(before, fact, changed);
            // a copy: the entity may change again later in the poll, the notices and marks are those of this state
            EvidenceFactEntity state = asApplied(fact);
            applied.add(state);
            toRescore.putIfAbsent(rescoreKey(state), new Marks(state, Traces.currentTraceparent()));
        }

        /** What the notices and the marks read of a fact, as this event left it. */
        private static EvidenceFactEntity asApplied(EvidenceFactEntity fact) {
            EvidenceFactEntity copy = new EvidenceFactEntity();
            copy.evidenceId = fact.evidenceId;
            copy.version = fact.version;
            copy.kind = fact.kind;
            copy.state = fact.state;
            copy.region = fact.region;
            copy.indicator = fact.indicator;
            copy.item = fact.item;
            copy.department = fact.department;
            copy.year = fact.year;
            return copy;
        }

        /** The event's state on the fact; a judgement of an old event without a year gets the year it had then. */
        private void project(EvidenceEventData data, EvidenceFactEntity fact) {
            fact.version = data.version();
            fact.position = data.position();
            fact.kind = data.kind();
            fact.state = data.state();
            fact.region = data.region();
            fact.indicator = data.indicator();
            fact.item = data.item();
            fact.department = data.department();
            fact.submittedBy = data.submittedBy();
            fact.metric = data.metric();
            fact.year = data.year();
            if (fact.year == null && ("CLAIM".equals(fact.kind) || "ASSESSMENT".equals(fact.kind))) {
                writeVersions(); // it reads the versions received before, the poll's earlier ones too
                fact.year = LegacyJudgementYear.of(em, fact.evidenceId, fact.region, fact.position);
            }
            fact.value = data.value();
            fact.subject = data.subject();
            fact.satisfied = data.satisfied();
            fact.points = data.points();
            fact.changedAt = data.changedAt();
            fact.source = data.source();
            fact.comment = data.comment();
            fact.fileName = data.document() == null ? null : data.document().fileName();
            fact.sha256 = data.document() == null ? null : data.document().sha256();
        }

        @Override
        public void after() {
            writeVersions();
            em.flush(); // the facts, before the statements below read them
            notifications.onEvidence(applied); // rejected, awaiting review, last activity (issue #13)
            toRescore.values().forEach(m -> snapshots.rescoreAfter(m.fact(), m.traceparent()));
            figureWinners.refresh(changed);
        }

        /** The version rows applied so far, in one JDBC batch in the order applied (their seq is the projection's order). */
        private void writeVersions() {
            if (versions.isEmpty()) {
                return;
            }
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("insert into evidence_fact_version"
                        + " (evidence_id, version, position, kind, state, region, indicator, item, department,"
                        + " submitted_by, metric, year, value, subject, satisfied, points)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    int inBatch = 0;
                    for (EvidenceFactVersionEntity v : versions) {
                        Object[] row = {v.evidenceId, v.version, v.position, v.kind, v.state, v.region, v.indicator,
                                v.item, v.department, v.submittedBy, v.metric, v.year, v.value, v.subject, v.satisfied,
                                v.points};
                        for (int i = 0; i < row.length; i++) {
                            insert.setObject(i + 1, row[i], VERSION_TYPES[i]);
                        }
                        insert.addBatch();
                        if (++inBatch == JDBC_BATCH) {
                            insert.executeBatch();
                            inBatch = 0;
                        }
                    }
                    if (inBatch > 0) {
                        insert.executeBatch();
                    }
                }
            });
            versions.clear();
        }
    }

    /** The SQL types of the version row's columns, in the order of {@code writeVersions}' insert (nulls need them). */
    private static final int[] VERSION_TYPES = {Types.VARCHAR, Types.INTEGER, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER,
            Types.NUMERIC, Types.VARCHAR, Types.BOOLEAN, Types.NUMERIC};

    void applyCatalogue(EventEnvelope event) {
        switch (event.type()) {
            case EventTypes.SYSTEM_PUBLISHED -> {
                CatalogueSystemEntity entity = version(event);
                if (entity.isPersistent()) {
                    return;
                }
                entity.persist();
                // only a new version of the system regions are scored against rescores them
                if (entity.code.equals(config.systemCode())
                        && CatalogueSystemEntity.current().map(c -> c.version == entity.version).orElse(false)) {
                    rescoring.plan(entity.code, entity.version);
                }
            }
            case EventTypes.SYSTEM_RETIRED -> {
                CatalogueSystemEntity entity = version(event);
                boolean wasInForce = CatalogueSystemEntity.current().map(c -> c.code.equals(entity.code)
                        && c.version == entity.version).orElse(false);
                entity.retired = true;
                entity.persist();
                // retiring the version in force falls back to the highest still published: rescore against it
                if (wasInForce) {
                    CatalogueSystemEntity.current().ifPresent(now -> rescoring.plan(now.code, now.version));
                }
            }
            case EventTypes.DECOMPOSITION_CHANGED -> decomposition(event.dataAs(DecompositionData.class));
            case EventTypes.CAMPAIGN_CHANGED -> CampaignProjectionEntity.apply(
                    event.dataAs(cn.nmsdz.events.catalogue.CampaignData.class));
            case EventTypes.REGION_CHANGED -> {
                RegionData data = event.dataAs(RegionData.class);
                RegionEntity region = RegionEntity.findById(data.code());
                if (region == null) {
                    region = new RegionEntity();
                    region.code = data.code();
                }
                region.name = data.name();
                region.level = data.level();
                region.parentCode = data.parentCode();
                region.zone = data.zone() == null ? null : data.zone().name();
                region.persist();
            }
            default -> LOG.debugf("ignoring catalogue event %s", event.type());
        }
    }

    /** The version a system event names: as the projection holds it, or new (not yet persisted) from the event. */
    private static CatalogueSystemEntity version(EventEnvelope event) {
        SystemPublishedData data = event.dataAs(SystemPublishedData.class);
        CatalogueSystemEntity.Key key = new CatalogueSystemEntity.Key(data.system().code(), data.system().version());
        CatalogueSystemEntity stored = CatalogueSystemEntity.findById(key);
        if (stored != null) {
            return stored;
        }
        CatalogueSystemEntity entity = new CatalogueSystemEntity();
        entity.code = key.code();
        entity.version = key.version();
        entity.document = event.data().get("system").toString();
        entity.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return entity;
    }

    /** A region's decomposition replaces the one projected before (the event carries the whole of it). */
    private void decomposition(DecompositionData data) {
        if (data == null || data.region() == null) {
            return;
        }
        DecompositionDepartmentEntity.delete("region", data.region());
        DecompositionEntryEntity.delete("region", data.region());
        for (DecompositionData.DepartmentData d : data.departments() == null
                ? List.<DecompositionData.DepartmentData>of() : data.departments()) {
            if (d == null || d.code() == null) {
                continue;
            }
            DecompositionDepartmentEntity department = new DecompositionDepartmentEntity();
            department.region = data.region();
            department.code = d.code();
            department.name = d.name() == null ? d.code() : d.name();
            department.kind = d.kind();
            department.persist();
        }
        for (DecompositionData.Entry e : data.entries() == null ? List.<DecompositionData.Entry>of() : data.entries()) {
            if (e == null || e.indicator() == null) {
                continue;
            }
            DecompositionEntryEntity entry = new DecompositionEntryEntity();
            entry.region = data.region();
            entry.indicator = e.indicator();
            entry.tasks = json(e.tasks());
            entry.leadUnits = json(e.leadUnits());
            entry.responsibleUnits = json(e.responsibleUnits());
            entry.persist();
        }
    }

    private static String json(List<?> list) {
        try {
            return EventEnvelope.JSON.writeValueAsString(list == null ? List.of() : list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
