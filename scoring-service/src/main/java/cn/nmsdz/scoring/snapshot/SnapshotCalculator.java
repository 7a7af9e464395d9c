package cn.nmsdz.scoring.snapshot;

import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.RegionCodes;
import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.scoring.domain.engine.ScoringEngine;
import cn.nmsdz.scoring.domain.model.Claim;
import cn.nmsdz.scoring.domain.model.EvidenceSet;
import cn.nmsdz.scoring.domain.model.EvidenceState;
import cn.nmsdz.scoring.domain.model.ExpertVerdict;
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.domain.model.ObservationFact;
import cn.nmsdz.scoring.domain.model.RegionProfile;
import cn.nmsdz.scoring.domain.model.ScoreResult;
import cn.nmsdz.scoring.domain.model.Verdict;
import cn.nmsdz.scoring.projection.CatalogueSystemEntity;
import cn.nmsdz.scoring.projection.EvidenceFactVersionEntity;
import cn.nmsdz.scoring.projection.RegionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;

/**
 * Computes snapshots (without storing them): maps the projection's evidence as of a projection sequence to the
 * engine's model and scores it with a catalogue version. Used for new snapshots, simulations and recomputation.
 */
@ApplicationScoped
public class SnapshotCalculator {

    private final ScoringEngine engine = new ScoringEngine();

    /** For snapshots to be stored: reasons without their English lines, which the stored form leaves out. */
    private final ScoringEngine storing = ScoringEngine.reasonsOnly();

    @Inject
    EntityManager em;

    /** Computes (without storing) the snapshot the current projection gives. */
    public Snapshot compute(String region, int year) {
        return simulate(region, year, Hypothesis.none());
    }

    /**
     * Computes the snapshot the current projection gives with the catalogue version {@code system} (the one in force),
     * to be stored: its indicators carry their reasons but not the English lines ({@code explanation},
     * {@code missingText} null), which the stored form leaves out and {@link SnapshotStore#read} renders again.
     */
    public Snapshot computeToStore(String region, int year, CatalogueSystemEntity system) {
        CurrentEvidence current = currentEvidence(region, year);
        return compute(storing, current.region(), year, system, current.seq(), null, current.position(), current.facts(),
                Hypothesis.none());
    }

    /** Computes (without storing) the snapshot the current projection gives with hypothetical evidence added. */
    public Snapshot simulate(String region, int year, Hypothesis hypothesis) {
        CurrentEvidence current = currentEvidence(region, year);
        return compute(engine, current.region(), year, currentSystem(), current.seq(), null, current.position(),
                current.facts(), hypothesis);
    }

    /** The outcome of recomputing a stored snapshot. */
    public record Recomputation(boolean identical, Snapshot stored, Snapshot recomputed) {
    }

    /**
     * Recomputes a stored snapshot from the catalogue version and the evidence it names; identical when
     * both totals with every indicator's points, status and explanation and the verdicts are equal.
     */
    public Recomputation recompute(SnapshotEntity entity) {
        Snapshot stored = SnapshotStore.read(entity);
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
        boolean identical = SnapshotStore.write(comparable(stored.confirmed()))
                .equals(SnapshotStore.write(comparable(recomputed.confirmed())))
                && SnapshotStore.write(comparable(stored.projected()))
                .equals(SnapshotStore.write(comparable(recomputed.projected())))
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

    /** The catalogue version in force. */
    static CatalogueSystemEntity currentSystem() {
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
        RegionEntity regionEntity = RegionEntity.findById(region);
        return compute(engine, regionEntity != null ? regionEntity : unknownRegion(region), year, systemEntity, seq,
                maxPosition, maxPosition != null ? maxPosition : positionAt(seq), evidenceAsOf(region, year, seq, maxPosition),
                hypothesis);
    }

    /** A region the projection has not received (scored by its code, with no zone). */
    private static RegionEntity unknownRegion(String code) {
        RegionEntity region = new RegionEntity();
        region.code = code;
        region.name = code;
        return region;
    }

    private Snapshot compute(ScoringEngine engine, RegionEntity regionEntity, int year, CatalogueSystemEntity systemEntity,
                             long seq, Long maxPosition, long position, List<EvidenceFactVersionEntity> facts,
                             Hypothesis hypothesis) {
        IndicatorSystemDocument system = systemEntity.system();
        String region = regionEntity.code;
        Zone zone = regionEntity.zone == null ? null : Zone.valueOf(regionEntity.zone);
        RegionProfile profile = new RegionProfile(region, zone);
        List<ObservationFact> observations = new ArrayList<>(hypothesis.observations());
        List<ExpertVerdict> verdicts = new ArrayList<>(hypothesis.verdicts());
        List<Claim> claims = new ArrayList<>(hypothesis.claims());
        for (EvidenceFactVersionEntity f : facts) {
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
        ScoringEngine.Both scores = engine.scoreBoth(system, profile, year, evidence);
        return new Snapshot(0, region, regionEntity.name, year, 0, system.code(),
                system.version(), position, maxPosition == null ? seq : null, scores.confirmed(), scores.projected(),
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
     * The evidence a snapshot of {@code year} reads as of {@code seq}: per evidence id of the region and of CN, the
     * newest version received up to {@code seq}, of figures of year−2 … year and judgements (the region's other years
     * are not read at all, issue 12); documents carry nothing to score. Of the figures only those that can win are
     * returned: per region, metric, year and subject the newest accepted one (what the confirmed basis counts) and the
     * newest accepted or submitted one (the projected basis), as the engine's {@code ObservationIndex} picks them; so
     * the rows read and materialised stay a handful per metric however many corrections a region-year holds. The
     * engine picks the same winners from this subset as from all versions. An evidence's year never changes between
     * its versions, so filtering before picking the newest version picks the same one.
     */
    @SuppressWarnings("unchecked")
    List<EvidenceFactVersionEntity> evidenceAsOf(String region, int year, long seq, Long maxPosition) {
        String candidate = "select distinct on (region, metric, year, subject) * from current"
                + " where kind = 'OBSERVATION' and metric is not null and year is not null and value is not null"
                + " and state in (%s) order by region, metric, year, subject, position desc";
        return em.createNativeQuery("with current as (select distinct on (evidence_id) * from evidence_fact_version"
                        + " where region in (?1, ?2) and seq <= ?3 and position <= ?4"
                        + " and (year is null or year between ?5 - 2 and ?5) and kind <> 'DOCUMENT'"
                        + " order by evidence_id, position desc)"
                        + " select * from current where kind <> 'OBSERVATION'"
                        + " union (" + candidate.formatted("'ACCEPTED'") + ")"
                        + " union (" + candidate.formatted("'ACCEPTED', 'SUBMITTED'") + ")",
                        EvidenceFactVersionEntity.class)
                .setParameter(1, region).setParameter(2, RegionCodes.NATION).setParameter(3, seq)
                .setParameter(4, maxPosition == null ? Long.MAX_VALUE : maxPosition).setParameter(5, year)
                .setHint("org.hibernate.readOnly", true)
                .getResultList();
    }

    /**
     * The evidence a new snapshot reads, the projection sequence it reflects and the region as the projection holds it
     * (its code as name when it has not received it), read by one statement.
     */
    record CurrentEvidence(List<EvidenceFactVersionEntity> facts, long seq, long position, RegionEntity region) {
    }

    /**
     * Which state of the nation's evidence a read saw: how many versions the projection holds of it, the highest
     * sequence among them and their sum. Every change of the nation's figures or judgements adds a version, in the
     * transaction that changes them (a figure committed late under a lower sequence still counts up), and pruning
     * versions takes some away: the nation's current rows are the same exactly while this is.
     */
    private record NationState(long versions, long maxSeq, long seqSum) {
    }

    /** The nation's rows a snapshot of {@code year} reads (the comparators), as of one state of the nation's evidence. */
    private record NationRows(NationState state, List<EvidenceFactVersionEntity> facts) {
    }

    /**
     * The nation's rows by assessment year, kept while the nation's evidence stays as it was: every region's snapshot
     * reads the same ~100 national comparators, and reading and mapping them again was most of reading the evidence
     * in a rescoring. The facts are only read by the engine, never changed.
     */
    private final Map<Integer, NationRows> nationRows = new ConcurrentHashMap<>();

    private static final String CURRENT_EVIDENCE = "with p as (select cast(? as varchar) as region,"
            + " cast(? as varchar) as nation, cast(? as integer) as year),"
            + " seen as (select coalesce(max(seq), 0) as seq, coalesce(max(position), 0) as position,"
            + " (select r.name from scoring_region r, p where r.code = p.region) as region_name,"
            + " (select r.zone from scoring_region r, p where r.code = p.region) as region_zone from evidence_fact_version),"
            + " nation as (select count(*) as versions, coalesce(max(v.seq), 0) as max_seq,"
            + " coalesce(sum(v.seq), 0) as seq_sum from evidence_fact_version v, p where v.region = p.nation)"
            + " select w.evidence_id, 'OBSERVATION', w.state, w.region, null, null, null, null, w.metric, w.year,"
            + " w.value, w.subject, null, null, w.position, seen.*, nation.*"
            + " from figure_winner w, seen, nation, p where w.region in (p.region, %1$s)"
            + " and w.year between p.year - 2 and p.year"
            + " union all"
            + " select f.evidence_id, f.kind, f.state, f.region, f.indicator, f.item, f.department, f.submitted_by,"
            + " f.metric, f.year, f.value, f.subject, f.satisfied, f.points, f.position, seen.*, nation.*"
            + " from evidence_fact f, seen, nation, p where f.region in (p.region, %1$s)"
            + " and f.kind in ('CLAIM', 'ASSESSMENT') and (f.year is null or f.year between p.year - 2 and p.year)"
            + " union all"
            + " select null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, seen.*,"
            + " nation.* from seen, nation";

    /** The region's rows and the nation's. */
    private static final String REGION_AND_NATION = CURRENT_EVIDENCE.formatted("p.nation");

    /** The region's rows only (the nation's state still read, to tell whether the nation's rows kept are current). */
    private static final String REGION_ONLY = CURRENT_EVIDENCE.formatted("null");

    /**
     * What {@link #evidenceAsOf} gives at the current projection sequence, read from what the projection keeps current
     * ({@code figure_winner} for figures, {@code evidence_fact} for judgements) instead of from every version: a
     * handful of rows per metric, however many figures and corrections the region-year holds. The winners, the
     * judgements, the sequence, the region and the state of the nation's evidence come from one statement, so they
     * describe one and the same state of the projection (a recomputation from the versions as of that sequence gives
     * the same snapshot, {@code SnapshotCalculatorTest}). The nation's rows are read with the region's only when the
     * state of the nation's evidence differs from the one its kept rows were read at ({@link #nationRows}); the
     * region's read then is the one used, whole. Read through JDBC: mapping rows through Hibernate's native query was
     * a tenth of a snapshot's time. It reads what is committed and what this transaction has written by statements
     * (not entities waiting to be flushed: there are none where it is used).
     */
    CurrentEvidence currentEvidence(String region, int year) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            NationRows kept = nationRows.get(year);
            if (kept != null && !RegionCodes.NATION.equals(region)) {
                Read read = read(connection, REGION_ONLY, region, year);
                if (read.nation().equals(kept.state())) {
                    List<EvidenceFactVersionEntity> facts = new ArrayList<>(read.facts());
                    facts.addAll(kept.facts());
                    return new CurrentEvidence(facts, read.seq(), read.position(), read.region());
                }
            }
            Read read = read(connection, REGION_AND_NATION, region, year);
            if (!RegionCodes.NATION.equals(region)) {
                nationRows.put(year, new NationRows(read.nation(), read.facts().stream()
                        .filter(f -> RegionCodes.NATION.equals(f.region)).toList()));
            }
            return new CurrentEvidence(read.facts(), read.seq(), read.position(), read.region());
        });
    }

    /** What one read of the current evidence gave. */
    private record Read(List<EvidenceFactVersionEntity> facts, long seq, long position, RegionEntity region,
                        NationState nation) {
    }

    private static Read read(Connection connection, String statement, String region, int year) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(statement)) {
            read.setString(1, region);
            read.setString(2, RegionCodes.NATION);
            read.setInt(3, year);
            return read(region, read);
        }
    }

    private static Read read(String region, PreparedStatement read) throws SQLException {
        List<EvidenceFactVersionEntity> facts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long seq = 0;
        long position = 0;
        NationState nation = null;
        RegionEntity regionEntity = unknownRegion(region);
        try (ResultSet row = read.executeQuery()) {
            while (row.next()) {
                seq = row.getLong(16);
                position = row.getLong(17); // the evidence position of seq: every version is at or below it
                if (row.getString(18) != null) {
                    regionEntity.name = row.getString(18);
                    regionEntity.zone = row.getString(19);
                }
                nation = new NationState(row.getLong(20), row.getLong(21), row.getLong(22));
                String evidenceId = row.getString(1);
                // a figure that wins both bases is one fact (the version read, like evidenceAsOf's union, gives it once)
                if (evidenceId == null || !seen.add(evidenceId)) {
                    continue;
                }
                EvidenceFactVersionEntity f = new EvidenceFactVersionEntity();
                f.evidenceId = evidenceId;
                f.kind = row.getString(2);
                f.state = row.getString(3);
                f.region = row.getString(4);
                f.indicator = row.getString(5);
                f.item = row.getString(6);
                f.department = row.getString(7);
                f.submittedBy = row.getString(8);
                f.metric = row.getString(9);
                int factYear = row.getInt(10);
                f.year = row.wasNull() ? null : factYear;
                f.value = row.getBigDecimal(11);
                f.subject = row.getString(12);
                boolean satisfied = row.getBoolean(13);
                f.satisfied = row.wasNull() ? null : satisfied;
                f.points = row.getBigDecimal(14);
                f.position = row.getLong(15);
                facts.add(f);
            }
        }
        return new Read(facts, seq, position, regionEntity, nation);
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
}
