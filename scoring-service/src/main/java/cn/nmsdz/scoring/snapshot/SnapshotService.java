package cn.nmsdz.scoring.snapshot;

import cn.nmsdz.scoring.backlog.Backlog;
import cn.nmsdz.events.EventTypes;
import cn.nmsdz.events.Topics;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.events.score.SnapshotCreatedData;
import cn.nmsdz.scoring.domain.engine.ScoringEngine;
import cn.nmsdz.scoring.domain.model.Basis;
import cn.nmsdz.scoring.domain.model.Claim;
import cn.nmsdz.scoring.domain.model.EvidenceSet;
import cn.nmsdz.scoring.domain.model.EvidenceState;
import cn.nmsdz.scoring.domain.model.ExpertVerdict;
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.domain.model.Verdict;
import cn.nmsdz.scoring.domain.model.ObservationFact;
import cn.nmsdz.scoring.domain.model.RegionProfile;
import cn.nmsdz.scoring.domain.model.ScoreResult;
import cn.nmsdz.scoring.projection.CatalogueSystemEntity;
import cn.nmsdz.scoring.projection.EvidenceFactEntity;
import cn.nmsdz.scoring.projection.EvidenceFactVersionEntity;
import cn.nmsdz.scoring.projection.RegionEntity;
import cn.nmsdz.support.outbox.Outbox;
import cn.nmsdz.support.wake.Wakeups;
import com.fasterxml.jackson.core.JsonProcessingException;
import cn.nmsdz.support.tracing.Traces;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
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

    /**
     * Feed order: snapshots are inserted only while holding this transaction-scoped advisory lock, so
     * snapshot-writing transactions run one after another and the identity ids (the feed cursor)
     * become visible in increasing order. PostgreSQL makes a commit visible before it releases the
     * transaction's locks, so a reader that sees id n also sees every id below n: a reader that has
     * passed a cursor can never miss a snapshot committed later with a lower id.
     */
    static final long FEED_LOCK = 0x5C0FEEDL;

    private final ScoringEngine engine = new ScoringEngine();

    @Inject
    Outbox outbox;

    @Inject
    cn.nmsdz.scoring.notify.Notifications notifications;

    @Inject
    EntityManager em;

    @Inject
    SnapshotWorkerProbe probe;

    @Inject
    Wakeups wakeups;

    /** How long computing and storing one marked region-year's snapshot takes (count = snapshots stored). */
    private Timer snapshotTimer;

    @Inject
    void meters(MeterRegistry registry) {
        snapshotTimer = Timer.builder("nmsdz.scoring.snapshot.computation")
                .description("computing and storing one region-year's snapshot").register(registry);
    }

    /**
     * Marks what a change of evidence affects for a new snapshot, in the consumer's transaction; the
     * snapshots themselves are stored by {@link #storeOnePending()}, one per marked region and year
     * however many changes marked it. A figure of year y is read by the assessment years y (as Y),
     * y+1 (as Y−1) and y+2 (as the base of a derived growth); a national figure affects every region.
     * A judgement (claim, expert assessment) affects only its own assessment year; one without a year (never
     * stored since the year is required and migrated) every year the region is scored for (see {@link #yearsOf}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rescoreAfter(EvidenceFactEntity fact) {
        if (CatalogueSystemEntity.current().isEmpty() || "DOCUMENT".equals(fact.kind)) {
            return; // a document carries no figure or judgement: the numbers cannot change
        }
        List<String> regions = NATION.equals(fact.region) ? scoredRegions() : List.of(fact.region);
        for (String region : regions) {
            if (NATION.equals(region)) {
                continue;
            }
            Set<Integer> years = fact.year == null ? yearsOf(region)
                    : "OBSERVATION".equals(fact.kind) ? yearsReading(fact.year, region) : Set.of(fact.year);
            for (int year : years) {
                markPending(region, year);
            }
        }
    }

    /**
     * DO UPDATE, not DO NOTHING: the count of marks tells a worker computing this region-year (from a
     * projection that cannot yet see this transaction's evidence) that it must not delete the mark, so the
     * change gets a snapshot of its own turn.
     */
    private void markPending(String region, int year) {
        em.createNativeQuery("insert into snapshot_pending (region, year, marked_at, traceparent) values (?1, ?2, ?3, ?4)"
                        + " on conflict (region, year) do update set marks = snapshot_pending.marks + 1,"
                        + " traceparent = coalesce(snapshot_pending.traceparent, excluded.traceparent)")
                .setParameter(1, region).setParameter(2, year).setParameter(3, OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter(4, Traces.currentTraceparent())
                .executeUpdate();
        wakeups.afterCommit(WAKE); // the worker scores it as soon as this transaction commits
    }

    /** The wake-up topic of a transaction that marked region-years (see {@link cn.nmsdz.support.wake.Wakeups}). */
    public static final String WAKE = "snapshots";

    /** The advisory lock class of a region-year being computed (the second key is the region-year's hash). */
    static final int COMPUTING_LOCK = 0x5C0FFEE;

    /**
     * Stores the snapshot of the longest-waiting marked region and year that no other worker computes; false when none
     * is left. The worker claims its region-year with a transaction-scoped advisory lock, not the mark's row lock: a
     * consumer marking the same region-year meanwhile never waits for the computation, it only counts the mark up
     * ({@code marks}); the worker deletes the mark at the end only if its count is still the one it read (compare and
     * delete), otherwise the region-year goes behind the others and is scored again. Several workers (threads or
     * instances) thus split the marks by region-year.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean storeOnePending() {
        @SuppressWarnings("unchecked")
        List<Object[]> candidates = em.createNativeQuery("select region, year from snapshot_pending"
                + " order by marked_at, region, year limit 16").getResultList();
        for (Object[] candidate : candidates) {
            String region = (String) candidate[0];
            int year = ((Number) candidate[1]).intValue();
            if (!(Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1, hashtext(?2 || ':' || ?3))")
                    .setParameter(1, COMPUTING_LOCK).setParameter(2, region).setParameter(3, String.valueOf(year))
                    .getSingleResult()) {
                continue; // another worker computes it
            }
            @SuppressWarnings("unchecked")
            List<Object[]> mark = em.createNativeQuery("select marks, traceparent from snapshot_pending"
                    + " where region = ?1 and year = ?2").setParameter(1, region).setParameter(2, year).getResultList();
            if (mark.isEmpty()) {
                continue; // stored by another worker since the candidates were read
            }
            long marks = ((Number) mark.get(0)[0]).longValue();
            // the snapshot continues the trace of the change that marked it (and its score.events event carries it on)
            Span span = Traces.start("snapshot", SpanKind.INTERNAL, (String) mark.get(0)[1])
                    .setAttribute("nmsdz.region", region).setAttribute("nmsdz.year", year);
            try (Scope ignored = span.makeCurrent()) {
                return storePending(region, year, marks);
            } finally {
                span.end();
            }
        }
        return false;
    }

    private boolean storePending(String region, int year, long marks) {
        if (CatalogueSystemEntity.current().isPresent()) {
            long seq;
            Timer.Sample computing = Timer.start();
            try {
                Snapshot computed = compute(region, year);
                probe.computed(region, year);
                seq = store(computed).projectionSeq;
                computing.stop(snapshotTimer);
            } catch (RuntimeException e) {
                throw new Backlog.RetryLater("snapshot of " + region + " " + year, e, () -> postpone(region, year));
            }
            if (changedSince(region, year, seq)) {
                // evidence committed while this snapshot was computed: keep the mark, score it again on a later turn
                postpone(region, year);
                return true;
            }
        }
        int deleted = em.createNativeQuery("delete from snapshot_pending where region = ?1 and year = ?2 and marks = ?3")
                .setParameter(1, region).setParameter(2, year).setParameter(3, marks).executeUpdate();
        if (deleted == 0) {
            postpone(region, year); // marked again while computed: its own turn, behind the others
        }
        return true;
    }

    /**
     * Which evidence a snapshot of a region and year reads: the region's own and the nation's figures of
     * the window (year−2 … year: Y, Y−1 and the base of a derived growth) and the judgements (claims, expert
     * assessments) of that assessment year only. Documents carry no figure or judgement. {@code v} is an evidence_fact_version, {@code s} names
     * the region and year (one rule for the worker's recheck and the staleness check).
     */
    private static final String READ_BY_SNAPSHOT = "v.region in (s.region, '" + NATION + "')"
            + " and v.kind <> 'DOCUMENT' and v.year between s.year - (case when v.kind = 'OBSERVATION' then 2 else 0 end)"
            + " and s.year";

    /** Whether evidence that a snapshot of this region and year reads was applied after projection sequence seq. */
    public boolean changedSince(String region, int year, long seq) {
        return (Boolean) em.createNativeQuery("select exists (select 1 from evidence_fact_version v,"
                        + " (select cast(?1 as varchar) as region, cast(?2 as integer) as year) s"
                        + " where " + READ_BY_SNAPSHOT + " and v.seq > ?3)")
                .setParameter(1, region).setParameter(2, year).setParameter(3, seq).getSingleResult();
    }

    /** A region and year whose latest snapshot misses evidence applied after it, with no new snapshot marked. */
    public record RegionYear(String region, int year) {
    }

    /**
     * Region-years whose latest snapshot does not read evidence the projection has applied since, while no
     * new snapshot of them is marked: a change that was never scored. Always empty unless marking is broken.
     */
    @SuppressWarnings("unchecked")
    public List<RegionYear> staleRegionYears() {
        List<Object[]> rows = em.createNativeQuery("select s.region, s.year from (select distinct on (region, year)"
                + " region, year, projection_seq from snapshot order by region, year, number desc) s" // latest of each
                + " where s.projection_seq is not null"
                + " and not exists (select 1 from snapshot_pending p where p.region = s.region and p.year = s.year)"
                + " and exists (select 1 from evidence_fact_version v where " + READ_BY_SNAPSHOT
                + " and v.seq > s.projection_seq)"
                + " order by s.region, s.year").getResultList();
        return rows.stream().map(r -> new RegionYear((String) r[0], ((Number) r[1]).intValue())).toList();
    }

    /** Marks every stale region-year for a new snapshot; returns them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RegionYear> remarkStale() {
        List<RegionYear> stale = staleRegionYears();
        stale.forEach(s -> markPending(s.region(), s.year()));
        return stale;
    }

    /** Moves a marked region and year behind the others, so one that keeps failing blocks nobody. */
    private void postpone(String region, int year) {
        em.createNativeQuery("update snapshot_pending set marked_at = ?3 where region = ?1 and year = ?2")
                .setParameter(1, region).setParameter(2, year).setParameter(3, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
    }

    /** How many region-years await a new snapshot. */
    public long pendingCount() {
        return ((Number) em.createNativeQuery("select count(*) from snapshot_pending").getSingleResult()).longValue();
    }

    /** When the longest-waiting region-year was marked, if any is. */
    public Optional<OffsetDateTime> oldestPendingMark() {
        return Optional.ofNullable((OffsetDateTime) em.createNativeQuery("select min(marked_at) from snapshot_pending",
                OffsetDateTime.class).getSingleResult());
    }

    /** Rescores every year of one region that has snapshots or evidence (after a new catalogue version). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int rescoreRegion(String region) {
        if (CatalogueSystemEntity.current().isEmpty() || NATION.equals(region)) {
            return 0;
        }
        Set<Integer> years = new TreeSet<>(scoredYears(region));
        em.createQuery("select distinct f.year from EvidenceFactEntity f where f.region = ?1 and f.year is not null"
                + " and f.kind = 'OBSERVATION'", Integer.class).setParameter(1, region).getResultList()
                .forEach(y -> years.addAll(yearsReading(y)));
        years.addAll(em.createQuery("select distinct f.year from EvidenceFactEntity f where f.region = ?1"
                + " and f.year is not null and f.kind in ('CLAIM', 'ASSESSMENT')", Integer.class)
                .setParameter(1, region).getResultList());
        for (int year : years) {
            store(compute(region, year));
        }
        return years.size();
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

    /**
     * {@link #yearsReading(int)}, plus the years after the current one (up to year+2) that the region already has a
     * snapshot stored or marked for: a judgement for next year gives a region a snapshot of a year no figure marks on
     * its own, and that snapshot reads this figure too. Stored and marked years are read in one statement, as in
     * {@link #yearsOf}.
     */
    Set<Integer> yearsReading(int year, String region) {
        Set<Integer> years = new TreeSet<>(yearsReading(year));
        int current = Year.now(ZoneOffset.UTC).getValue();
        if (year + 2 > current) {
            @SuppressWarnings("unchecked")
            List<Number> later = em.createNativeQuery("select year from snapshot where region = ?1 and year > ?2"
                            + " and year <= ?3 union select year from snapshot_pending where region = ?1 and year > ?2"
                            + " and year <= ?3")
                    .setParameter(1, region).setParameter(2, current).setParameter(3, year + 2).getResultList();
            later.forEach(y -> years.add(y.intValue()));
        }
        return years;
    }

    /**
     * The years a region is scored for: those with a snapshot stored or marked (a mark held by the worker while
     * it computes a region-year's first snapshot included), or the current year when none. Both are read in one
     * statement, so the worker's commit (snapshot stored, mark deleted) is seen either wholly or not at all: a
     * year being computed is always found (its mark stays until the worker commits), and marking it again counts the
     * mark up, so the worker keeps it for a new snapshot.
     */
    Set<Integer> yearsOf(String region) {
        @SuppressWarnings("unchecked")
        List<Number> scored = em.createNativeQuery("select year from snapshot where region = ?1"
                + " union select year from snapshot_pending where region = ?1").setParameter(1, region).getResultList();
        Set<Integer> years = new TreeSet<>();
        scored.forEach(y -> years.add(y.intValue()));
        if (years.isEmpty()) {
            years.add(Year.now(ZoneOffset.UTC).getValue());
        }
        return years;
    }

    /** Computes (without storing) the snapshot the current projection gives. */
    public Snapshot compute(String region, int year) {
        return compute(region, year, currentSystem(), currentSeq(), null, Hypothesis.none());
    }

    /** Computes (without storing) the snapshot the current projection gives with hypothetical evidence added. */
    public Snapshot simulate(String region, int year, Hypothesis hypothesis) {
        return compute(region, year, currentSystem(), currentSeq(), null, hypothesis);
    }

    /** The outcome of recomputing a stored snapshot. */
    public record Recomputation(boolean identical, Snapshot stored, Snapshot recomputed) {
    }

    /**
     * Recomputes a stored snapshot from the catalogue version and the evidence it names; identical when
     * both totals with every indicator's points, status and explanation and the verdicts are equal.
     */
    public Recomputation recompute(SnapshotEntity entity) {
        Snapshot stored = read(entity);
        CatalogueSystemEntity system = CatalogueSystemEntity.<CatalogueSystemEntity>findByIdOptional(
                        new CatalogueSystemEntity.Key(entity.systemCode, entity.systemVersion))
                .orElseThrow(() -> new IllegalStateException("catalogue " + entity.systemCode + " v"
                        + entity.systemVersion + " is not in the projection"));
        Snapshot recomputed = entity.projectionSeq != null
                ? compute(entity.region, entity.year, system, entity.projectionSeq, null, Hypothesis.none())
                : compute(entity.region, entity.year, system, Long.MAX_VALUE, entity.evidencePosition, Hypothesis.none());
        recomputed = new Snapshot(0, recomputed.region(), recomputed.regionName(), recomputed.year(), 0,
                recomputed.systemCode(), recomputed.systemVersion(),
                entity.projectionSeq != null ? recomputed.evidencePosition() : entity.evidencePosition,
                recomputed.projectionSeq(), recomputed.confirmed(), recomputed.projected(), recomputed.createdAt());
        boolean identical = write(comparable(stored.confirmed())).equals(write(comparable(recomputed.confirmed())))
                && write(comparable(stored.projected())).equals(write(comparable(recomputed.projected())))
                && stored.evidencePosition() == recomputed.evidencePosition();
        return new Recomputation(identical, stored, recomputed);
    }

    /**
     * A result without its reasons and missing-input phrases: what recomputation compares. Snapshots stored before
     * reasons were kept have none; the English lines they render to (and the numbers) are compared instead.
     */
    static ScoreResult comparable(ScoreResult r) {
        if (r == null) {
            return null;
        }
        return new ScoreResult(r.basis(), r.total(), r.maxTotal(), r.firstLevel(), r.indicators().stream()
                .map(i -> new IndicatorScore(i.code(), i.number(), i.name(), i.ruleKind(), i.points(), i.maxPoints(),
                        i.status(), i.inputs(), i.explanation(), i.missing(), i.awaitingExpert(), null, null))
                .toList(), r.verdict() == null ? null : new Verdict(r.verdict().passed(), r.verdict().reasons(), null));
    }

    private CatalogueSystemEntity currentSystem() {
        return CatalogueSystemEntity.current()
                .orElseThrow(() -> new IllegalStateException("no published indicator system received yet"));
    }

    /**
     * The snapshot of one region and year from one catalogue version and the evidence as of projection
     * sequence {@code seq} (and, for snapshots older than the version history, evidence position
     * {@code maxPosition}), plus hypothetical evidence.
     */
    Snapshot compute(String region, int year, CatalogueSystemEntity systemEntity, long seq, Long maxPosition,
                     Hypothesis hypothesis) {
        IndicatorSystemDocument system = systemEntity.system();
        RegionEntity regionEntity = RegionEntity.findById(region);
        Zone zone = regionEntity == null || regionEntity.zone == null ? null : Zone.valueOf(regionEntity.zone);
        RegionProfile profile = new RegionProfile(region, zone);
        long position = maxPosition != null ? maxPosition : positionAt(seq);
        List<ObservationFact> observations = new ArrayList<>(hypothesis.observations());
        List<ExpertVerdict> verdicts = new ArrayList<>(hypothesis.verdicts());
        List<Claim> claims = new ArrayList<>(hypothesis.claims());
        for (EvidenceFactVersionEntity f : evidenceAsOf(region, year, seq, maxPosition)) {
            EvidenceState state = state(f.state);
            if (state == null || !readsJudgement(f, year)) {
                continue;
            }
            switch (f.kind == null ? "" : f.kind) {
                case "OBSERVATION" -> {
                    if (f.metric != null && f.year != null && f.value != null) {
                        observations.add(new ObservationFact(f.evidenceId, f.region, f.metric, f.year, plain(f.value),
                                f.subject, state, f.position));
                    }
                }
                case "CLAIM" -> {
                    if (f.indicator != null && (f.satisfied != null || f.points != null)) {
                        claims.add(new Claim(f.evidenceId, f.department, f.indicator, f.item, f.satisfied, plain(f.points),
                                state, f.position));
                    }
                }
                case "ASSESSMENT" -> {
                    // an expert verdict decides once given: only accepted (not withdrawn) assessments count
                    if (state == EvidenceState.ACCEPTED && f.indicator != null
                            && (f.satisfied != null || f.points != null)) {
                        verdicts.add(new ExpertVerdict(f.evidenceId, f.submittedBy, f.indicator, f.item, f.satisfied,
                                plain(f.points), f.position));
                    }
                }
                default -> {
                    // documents carry no figure; they are read by reviewers and experts
                }
            }
        }
        EvidenceSet evidence = new EvidenceSet(observations, verdicts, claims);
        ScoreResult confirmed = engine.score(system, profile, year, evidence, Basis.CONFIRMED);
        ScoreResult projected = engine.score(system, profile, year, evidence, Basis.PROJECTED);
        return new Snapshot(0, region, regionEntity == null ? region : regionEntity.name, year, 0, system.code(),
                system.version(), position, maxPosition == null ? seq : null, confirmed, projected,
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** A claim or expert verdict counts only for the assessment year it was given for (a 2025 verdict is not read in 2027). */
    static boolean readsJudgement(EvidenceFactVersionEntity f, int year) {
        boolean judgement = "CLAIM".equals(f.kind) || "ASSESSMENT".equals(f.kind);
        return !judgement || f.year == null || f.year == year;
    }

    /**
     * A figure as its plain value (321.5, not 321.500000): a version just received and the same version
     * read back from its numeric column must explain and recompute identically.
     */
    static BigDecimal plain(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static EvidenceState state(String s) {
        try {
            return s == null ? null : EvidenceState.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Per evidence id of the region and of CN, the newest version received up to {@code seq}, of the evidence a
     * snapshot of {@code year} reads (see {@link #READ_BY_SNAPSHOT}: figures of year−2 … year, judgements of that
     * year or of none): the region's other years are not read at all (issue 12: a snapshot read the region's whole
     * history). An evidence's year never changes between its versions, so filtering before picking the newest version
     * picks the same one.
     */
    @SuppressWarnings("unchecked")
    List<EvidenceFactVersionEntity> evidenceAsOf(String region, int year, long seq, Long maxPosition) {
        return em.createNativeQuery("select distinct on (evidence_id) * from evidence_fact_version"
                        + " where region in (?1, ?2) and seq <= ?3 and position <= ?4"
                        + " and (year is null or year between ?5 - 2 and ?5)"
                        + " order by evidence_id, position desc", EvidenceFactVersionEntity.class)
                .setParameter(1, region).setParameter(2, NATION).setParameter(3, seq)
                .setParameter(4, maxPosition == null ? Long.MAX_VALUE : maxPosition).setParameter(5, year)
                .getResultList();
    }

    long currentSeq() {
        Number max = (Number) em.createQuery("select max(v.seq) from EvidenceFactVersionEntity v").getSingleResult();
        return max == null ? 0 : max.longValue();
    }

    long positionAt(long seq) {
        Number max = (Number) em.createQuery("select max(v.position) from EvidenceFactVersionEntity v where v.seq <= ?1")
                .setParameter(1, seq).getSingleResult();
        return max == null ? 0 : max.longValue();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    SnapshotEntity store(Snapshot computed) {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(?1)").setParameter(1, FEED_LOCK).getSingleResult();
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
        entity.projectionSeq = computed.projectionSeq();
        entity.confirmedTotal = computed.confirmed().total();
        entity.projectedTotal = computed.projected().total();
        entity.confirmedPassed = computed.confirmed().verdict().passed();
        entity.projectedPassed = computed.projected().verdict().passed();
        entity.createdAt = computed.createdAt();
        entity.body = "{}";
        entity.persist();
        em.flush(); // the id is the feed position and part of the body
        Snapshot stored = new Snapshot(entity.id, computed.region(), computed.regionName(), computed.year(), number,
                computed.systemCode(), computed.systemVersion(), computed.evidencePosition(), computed.projectionSeq(),
                computed.confirmed(), computed.projected(), computed.createdAt());
        entity.body = write(stored);
        outbox.append(Topics.SCORE, EventTypes.SNAPSHOT_CREATED, "/scoring-service", entity.region,
                new SnapshotCreatedData(entity.region, entity.year, number, entity.systemCode, entity.systemVersion,
                        entity.evidencePosition, entity.confirmedTotal, entity.projectedTotal, entity.confirmedPassed,
                        entity.projectedPassed, computed.confirmed().verdict().reasons(), entity.createdAt));
        notifications.onSnapshot(entity, stored); // awaiting experts, pass line crossed (issue #13)
        return entity;
    }

    public Snapshot read(SnapshotEntity entity) {
        try {
            return EventEnvelope.JSON.readValue(entity.body, Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("snapshot " + entity.id + " is unreadable", e);
        }
    }

    /** Regions with evidence of their own (the nation's comparators are not a scored region). */
    public List<String> scoredRegions() {
        return em.createQuery("select distinct f.region from EvidenceFactEntity f where f.region <> ?1 order by f.region",
                String.class).setParameter(1, NATION).getResultList();
    }

    List<Integer> scoredYears(String region) {
        return em.createQuery("select distinct s.year from SnapshotEntity s where s.region = ?1", Integer.class)
                .setParameter(1, region).getResultList();
    }

    static String write(Object value) {
        try {
            return EventEnvelope.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
