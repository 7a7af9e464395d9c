package cn.nmsdz.scoring.snapshot;

import cn.nmsdz.events.EventTypes;
import cn.nmsdz.events.Topics;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.events.score.SnapshotCreatedData;
import cn.nmsdz.scoring.domain.engine.ScoringEngine;
import cn.nmsdz.scoring.domain.model.Basis;
import cn.nmsdz.scoring.domain.model.EvidenceSet;
import cn.nmsdz.scoring.domain.model.EvidenceState;
import cn.nmsdz.scoring.domain.model.ObservationFact;
import cn.nmsdz.scoring.domain.model.RegionProfile;
import cn.nmsdz.scoring.domain.model.ScoreResult;
import cn.nmsdz.scoring.projection.CatalogueSystemEntity;
import cn.nmsdz.scoring.projection.EvidenceFactEntity;
import cn.nmsdz.scoring.projection.RegionEntity;
import cn.nmsdz.support.outbox.Outbox;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Computes and stores snapshots with the plain-Java engine. */
@ApplicationScoped
public class SnapshotService {
    static final String NATION = "CN";

    private final ScoringEngine engine = new ScoringEngine();

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    /**
     * A figure of year y is read by the assessment years y (as Y), y+1 (as Y−1) and y+2 (as the
     * base of a derived growth); a national figure affects every region.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rescoreAfter(EvidenceFactEntity fact) {
        if (CatalogueSystemEntity.current().isEmpty()) {
            return;
        }
        Set<Integer> years = fact.year != null ? yearsReading(fact.year) : new TreeSet<>(scoredYears(fact.region));
        List<String> regions = NATION.equals(fact.region) ? scoredRegions() : List.of(fact.region);
        for (String region : regions) {
            for (int year : years) {
                if (!NATION.equals(region)) {
                    store(compute(region, year));
                }
            }
        }
    }

    /** A new catalogue version rescores every region and year that has evidence or snapshots. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rescoreEverything() {
        for (String region : scoredRegions()) {
            Set<Integer> years = new TreeSet<>(scoredYears(region));
            em.createQuery("select distinct f.year from EvidenceFactEntity f where f.region = ?1 and f.year is not null",
                    Integer.class).setParameter(1, region).getResultList().forEach(y -> years.addAll(yearsReading(y)));
            for (int year : years) {
                store(compute(region, year));
            }
        }
    }

    /** The assessment years whose window or derived growth reads a figure of {@code year}. */
    static Set<Integer> yearsReading(int year) {
        int lastYear = Year.now(ZoneOffset.UTC).getValue();
        Set<Integer> years = new TreeSet<>();
        for (int y = year; y <= Math.min(year + 2, lastYear); y++) {
            years.add(y);
        }
        return years;
    }

    /** Computes (without storing) the snapshot the current projection gives. */
    public Snapshot compute(String region, int year) {
        CatalogueSystemEntity current = CatalogueSystemEntity.current()
                .orElseThrow(() -> new IllegalStateException("no published indicator system received yet"));
        return compute(region, year, current, maxPosition());
    }

    Snapshot compute(String region, int year, CatalogueSystemEntity systemEntity, long upToPosition) {
        IndicatorSystemDocument system = read(systemEntity.document);
        RegionEntity regionEntity = RegionEntity.findById(region);
        Zone zone = regionEntity == null || regionEntity.zone == null ? null : Zone.valueOf(regionEntity.zone);
        RegionProfile profile = new RegionProfile(region, zone);
        List<EvidenceFactEntity> facts = EvidenceFactEntity.list("region in ?1 and position <= ?2",
                List.of(region, NATION), upToPosition);
        List<ObservationFact> observations = new ArrayList<>();
        for (EvidenceFactEntity f : facts) {
            if ("OBSERVATION".equals(f.kind) && f.metric != null && f.year != null && f.value != null) {
                observations.add(new ObservationFact(f.evidenceId, f.region, f.metric, f.year, f.value, f.subject,
                        EvidenceState.valueOf(f.state), f.position));
            }
        }
        EvidenceSet evidence = new EvidenceSet(observations, List.of(), List.of());
        ScoreResult confirmed = engine.score(system, profile, year, evidence, Basis.CONFIRMED);
        ScoreResult projected = engine.score(system, profile, year, evidence, Basis.PROJECTED);
        return new Snapshot(0, region, regionEntity == null ? region : regionEntity.name, year, 0, system.code(),
                system.version(), upToPosition, confirmed, projected, OffsetDateTime.now(ZoneOffset.UTC));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    SnapshotEntity store(Snapshot computed) {
        long number = 1 + Optional.ofNullable((Number) em.createQuery(
                        "select max(s.number) from SnapshotEntity s where s.region = ?1")
                .setParameter(1, computed.region()).getSingleResult()).map(Number::longValue).orElse(0L);
        SnapshotEntity entity = new SnapshotEntity();
        entity.region = computed.region();
        entity.year = computed.year();
        entity.number = number;
        entity.systemCode = computed.systemCode();
        entity.systemVersion = computed.systemVersion();
        entity.evidencePosition = computed.evidencePosition();
        entity.confirmedTotal = computed.confirmed().total();
        entity.projectedTotal = computed.projected().total();
        entity.confirmedPassed = computed.confirmed().verdict().passed();
        entity.projectedPassed = computed.projected().verdict().passed();
        entity.createdAt = computed.createdAt();
        entity.body = "{}";
        entity.persist();
        em.flush(); // the id is the feed position and part of the body
        Snapshot stored = new Snapshot(entity.id, computed.region(), computed.regionName(), computed.year(), number,
                computed.systemCode(), computed.systemVersion(), computed.evidencePosition(), computed.confirmed(),
                computed.projected(), computed.createdAt());
        entity.body = write(stored);
        outbox.append(Topics.SCORE, EventTypes.SNAPSHOT_CREATED, "/scoring-service", entity.region,
                new SnapshotCreatedData(entity.region, entity.year, number, entity.systemCode, entity.systemVersion,
                        entity.evidencePosition, entity.confirmedTotal, entity.projectedTotal, entity.confirmedPassed,
                        entity.projectedPassed, computed.confirmed().verdict().reasons(), entity.createdAt));
        return entity;
    }

    public Snapshot read(SnapshotEntity entity) {
        try {
            return EventEnvelope.JSON.readValue(entity.body, Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("snapshot " + entity.id + " is unreadable", e);
        }
    }

    long maxPosition() {
        Number max = (Number) em.createQuery("select max(f.position) from EvidenceFactEntity f").getSingleResult();
        return max == null ? 0 : max.longValue();
    }

    List<String> scoredRegions() {
        return em.createQuery("select distinct f.region from EvidenceFactEntity f where f.region <> ?1", String.class)
                .setParameter(1, NATION).getResultList();
    }

    List<Integer> scoredYears(String region) {
        return em.createQuery("select distinct s.year from SnapshotEntity s where s.region = ?1", Integer.class)
                .setParameter(1, region).getResultList();
    }

    private static IndicatorSystemDocument read(String json) {
        try {
            return EventEnvelope.JSON.readValue(json, IndicatorSystemDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored indicator system is unreadable", e);
        }
    }

    private static String write(Object value) {
        try {
            return EventEnvelope.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
