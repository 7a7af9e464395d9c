package cn.nmsdz.scoring.snapshot;

import cn.nmsdz.events.catalogue.RegionCodes;
import cn.nmsdz.support.tracing.Traces;
import cn.nmsdz.support.wake.Wakeups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hibernate.Session;

/**
 * The one work queue of scoring-service: {@code snapshot_pending}, a mark per region-year that needs a new snapshot,
 * however many changes of evidence or rescoring jobs asked for it. A mark made by a rescoring job names the job
 * ({@code rescoring_job}), which counts it done when its snapshot is stored. Workers claim marks with an advisory lock
 * per region-year (see {@link SnapshotService#storePending(int)}), never with the mark's row lock, so a consumer marking
 * a region-year never waits for its computation.
 */
@ApplicationScoped
public class SnapshotQueue {

    /** The wake-up topic of a transaction that marked region-years (see {@link Wakeups}). */
    public static final String WAKE = "snapshots";

    /** The advisory lock class of a region-year being computed (the second key is the region-year's hash). */
    static final int COMPUTING_LOCK = 0x5C0FFEE;
    /**
     * The advisory lock between the workers (each batch holds it shared from before it reads the catalogue version in
     * force until it commits) and a rescoring's plan (exclusive, before it marks).
     */
    static final long CATALOGUE_LOCK = 0x5C0FFEEL << 8;

    /**
     * Which evidence a snapshot of a region and year reads: the region's own and the nation's figures of
     * the window (year−2 … year: Y, Y−1 and the base of a derived growth) and the judgements (claims, expert
     * assessments) of that assessment year only. Documents carry no figure or judgement. {@code v} is an
     * evidence_fact_version, {@code s} names the region and year (one rule for the worker's recheck and the staleness
     * check). The years are listed, not a range: each probe of the (region, year, seq) index then reads only the rows
     * after the snapshot's sequence, not every later row of the region's other years (the stale check: 125–133 → 20–27 ms
     * on the benchmark suite: 5,719 region-years, 200,000 fact versions, most of one region over 22 years; BENCHMARKS §13).
     */
    private static final String READ_BY_SNAPSHOT = "v.region in (s.region, '" + RegionCodes.NATION + "')"
            + " and v.kind <> 'DOCUMENT' and v.year in (s.year - 2, s.year - 1, s.year)"
            + " and (v.kind = 'OBSERVATION' or v.year = s.year)";

    @Inject
    EntityManager em;

    @Inject
    Wakeups wakeups;

    /** A claimed mark: its count when read (compare and delete) and the trace of the change that made it. */
    record Claim(RegionYear regionYear, long marks, String traceparent) {
    }

    /**
     * Marks a region-year for a new snapshot. DO UPDATE, not DO NOTHING: the count of marks tells a worker computing
     * this region-year (from a projection that cannot yet see this transaction's evidence) that it must not delete the
     * mark, so the change gets a snapshot of its own turn.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void mark(String region, int year) {
        mark(region, year, Traces.currentTraceparent());
    }

    /** As {@link #mark(String, int)}, for the change of the trace {@code traceparent} (null: none). */
    public void mark(String region, int year, String traceparent) {
        em.createNativeQuery("insert into snapshot_pending (region, year, marked_at, traceparent) values (?1, ?2, ?3, ?4)"
                        + " on conflict (region, year) do update set marks = snapshot_pending.marks + 1,"
                        + " traceparent = coalesce(snapshot_pending.traceparent, excluded.traceparent)")
                .setParameter(1, region).setParameter(2, year).setParameter(3, OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter(4, traceparent)
                .executeUpdate();
        wakeups.afterCommit(WAKE); // the workers score it as soon as this transaction commits
    }

    /**
     * Held by a worker's batch from before it reads the catalogue version in force until it commits (shared: the
     * workers never wait for each other).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void holdCatalogueVersion() {
        em.createNativeQuery("select pg_advisory_xact_lock_shared(?1)").setParameter(1, CATALOGUE_LOCK).getSingleResult();
    }

    /**
     * Waits until no worker's batch scores with the version it read, and keeps new batches from reading one, until
     * this transaction (a rescoring's plan, with the new version in it) commits. Without it a region-year whose first
     * evidence committed while the plan was marking could be scored with the old version by a batch that read it
     * just before, after the plan had read which region-years have evidence: its latest snapshot stayed on the old
     * version, and the finished job did not count it (ScaleOutIT: 19 of 293 region-years, once).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void excludeScoringWithOldVersions() {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, CATALOGUE_LOCK).getSingleResult();
    }

    /**
     * Marks every year of every scored region for rescoring job {@code jobId}, in one statement, and returns how many
     * region-years it counts for the job. The years of a region are those it has a snapshot of, those its figures are
     * read by (a figure of year y by y, y+1 and y+2, up to the current year) and those of its judgements; the nation's
     * comparators are not a scored region. A region-year already marked keeps its place; it counts for this job unless
     * another unfinished job counts it already (the marks of jobs this one replaces are released first, see
     * {@link #releaseRescoringMarks}), since one snapshot, computed with the catalogue in force, answers both.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int markForRescoring(long jobId) {
        em.createNativeQuery("insert into snapshot_pending (region, year, marked_at, rescoring_job)"
                        + " select region, year, ?2, ?1 from (" + RESCORED_REGION_YEARS + ") y"
                        + " on conflict (region, year) do update set marks = snapshot_pending.marks + 1,"
                        + " rescoring_job = coalesce(snapshot_pending.rescoring_job, excluded.rescoring_job)")
                .setParameter(1, jobId).setParameter(2, OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter(3, Year.now(ZoneOffset.UTC).getValue()).setParameter(4, RegionCodes.NATION).executeUpdate();
        wakeups.afterCommit(WAKE);
        return ((Number) em.createNativeQuery("select count(*) from snapshot_pending where rescoring_job = ?1")
                .setParameter(1, jobId).getSingleResult()).intValue();
    }

    /** The region-years a rescoring marks ({@code ?3} the current year, {@code ?4} the nation's code). */
    private static final String RESCORED_REGION_YEARS =
            "select f.region, generate_series(f.year, least(f.year + 2, ?3)) as year"
                    + " from evidence_fact f where f.kind = 'OBSERVATION' and f.year is not null and f.region <> ?4"
                    + " union select f.region, f.year from evidence_fact f where f.kind in ('CLAIM', 'ASSESSMENT')"
                    + " and f.year is not null and f.region <> ?4"
                    + " union select s.region, s.year from snapshot_latest s where s.region <> ?4" // V19: not every snapshot ever stored
                    + " and exists (select 1 from evidence_fact f where f.region = s.region)";

    /**
     * Hands the marks of the unfinished rescoring jobs of a system (about to be replaced by a new job) over to no job:
     * the replacing job marks every region-year it needs itself.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseRescoringMarks(String systemCode) {
        em.createNativeQuery("update snapshot_pending set rescoring_job = null where rescoring_job in"
                + " (select id from rescoring_job where system_code = ?1 and finished_at is null)")
                .setParameter(1, systemCode).executeUpdate();
    }

    /**
     * Up to {@code max} of the longest-waiting marked region-years that no other worker computes, each claimed with a
     * transaction-scoped advisory lock, in one statement; empty when none is left. The lock is tried only on the rows
     * the outer {@code limit} takes (the candidates are a sub-select, which PostgreSQL does not flatten into the
     * filter), so a worker never holds a region-year it does not compute.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<Claim> claim(int max) {
        return claim(max, 1); // one worker's share is everything
    }

    /**
     * As {@link #claim(int)}, but a fair share of what is waiting among {@code workers} workers: up to {@code max},
     * no more than the waiting marks (of the {@code 4 × max} longest-waiting) divided by {@code workers}, at least one.
     * A few marks (an idle region's figure marks three years) then go one per worker, each committed as soon as it is
     * computed; a burst or a rescoring still fills whole batches.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<Claim> claim(int max, int workers) {
        @SuppressWarnings("unchecked")
        List<Object[]> claimed = em.createNativeQuery("with c as (select region, year, marks, traceparent, marked_at"
                        + " from snapshot_pending order by marked_at, region, year limit ?2)"
                        + " select region, year, marks, traceparent from c"
                        + " where pg_try_advisory_xact_lock(?1, hashtext(region || ':' || year))"
                        + " limit (select least(?3, greatest(1, count(*) / ?4)) from c)")
                .setParameter(1, COMPUTING_LOCK).setParameter(2, Math.max(16, 4 * max)).setParameter(3, max)
                .setParameter(4, Math.max(1, workers))
                .getResultList();
        return claimed.stream().map(r -> new Claim(new RegionYear((String) r[0], ((Number) r[1]).intValue()),
                ((Number) r[2]).longValue(), (String) r[3])).toList();
    }

    /**
     * Deletes each claimed mark whose count is still the one claimed (compare and delete, one statement for them all)
     * and counts it done for the rescoring job it names, one update per job; a mark counted up meanwhile goes behind
     * the others for its own turn.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void complete(List<Claim> claims) {
        if (claims.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> deleted = em.createNativeQuery("delete from snapshot_pending p"
                        + " using unnest(cast(?1 as varchar[]), cast(?2 as integer[]), cast(?3 as bigint[])) as c(region, year, marks)"
                        + " where p.region = c.region and p.year = c.year and p.marks = c.marks"
                        + " returning p.region, p.year, coalesce(p.rescoring_job, 0)")
                .setParameter(1, claims.stream().map(c -> c.regionYear().region()).toArray(String[]::new))
                .setParameter(2, claims.stream().map(c -> c.regionYear().year()).toArray(Integer[]::new))
                .setParameter(3, claims.stream().map(Claim::marks).toArray(Long[]::new))
                .getResultList();
        Set<RegionYear> completed = new HashSet<>();
        Map<Long, Integer> doneByJob = new TreeMap<>();
        for (Object[] row : deleted) {
            completed.add(new RegionYear((String) row[0], ((Number) row[1]).intValue()));
            long job = ((Number) row[2]).longValue();
            if (job != 0) {
                doneByJob.merge(job, 1, Integer::sum);
            }
        }
        claims.stream().map(Claim::regionYear).filter(r -> !completed.contains(r)).forEach(this::postpone);
        doneByJob.forEach((job, done) -> em.createNativeQuery("update rescoring_job set done = done + ?2,"
                        + " finished_at = case when done + ?2 >= total then ?3 else finished_at end where id = ?1")
                .setParameter(1, job).setParameter(2, done).setParameter(3, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate());
    }

    /** Moves a marked region and year behind the others, so one that keeps failing blocks nobody. */
    @Transactional(Transactional.TxType.MANDATORY)
    void postpone(RegionYear regionYear) {
        em.createNativeQuery("update snapshot_pending set marked_at = ?3 where region = ?1 and year = ?2")
                .setParameter(1, regionYear.region()).setParameter(2, regionYear.year())
                .setParameter(3, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
    }

    /** Whether evidence that a snapshot of this region and year reads was applied after projection sequence seq. */
    public boolean changedSince(String region, int year, long seq) {
        return !changedSince(Map.of(new RegionYear(region, year), seq)).isEmpty();
    }

    /**
     * Of the region-years given with the projection sequence each snapshot was computed at, those whose snapshot reads
     * evidence applied after it: one statement for a batch.
     */
    public Set<RegionYear> changedSince(Map<RegionYear, Long> computedAt) {
        if (computedAt.isEmpty()) {
            return Set.of();
        }
        List<Map.Entry<RegionYear, Long>> entries = List.copyOf(computedAt.entrySet());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select s.region, s.year"
                        + " from unnest(cast(?1 as varchar[]), cast(?2 as integer[]), cast(?3 as bigint[])) as s(region, year, seq)"
                        + " where exists (select 1 from evidence_fact_version v where " + READ_BY_SNAPSHOT
                        + " and v.seq > s.seq)")
                .setParameter(1, entries.stream().map(e -> e.getKey().region()).toArray(String[]::new))
                .setParameter(2, entries.stream().map(e -> e.getKey().year()).toArray(Integer[]::new))
                .setParameter(3, entries.stream().map(Map.Entry::getValue).toArray(Long[]::new))
                .getResultList();
        Set<RegionYear> changed = new HashSet<>();
        rows.forEach(r -> changed.add(new RegionYear((String) r[0], ((Number) r[1]).intValue())));
        return changed;
    }

    /**
     * Region-years whose latest snapshot does not read evidence the projection has applied since, while no
     * new snapshot of them is marked: a change that was never scored. Always empty unless marking is broken.
     */
    @SuppressWarnings("unchecked")
    public List<RegionYear> staleRegionYears() {
        List<Object[]> rows = em.createNativeQuery("select s.region, s.year from snapshot_latest s" // V19
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
        stale.forEach(s -> mark(s.region(), s.year()));
        return stale;
    }

    /** How many region-years await a new snapshot. */
    public long pendingCount() {
        return ((Number) em.createNativeQuery("select count(*) from snapshot_pending").getSingleResult()).longValue();
    }

    /** How many of them a rescoring job marked. */
    public long pendingForRescoring() {
        return ((Number) em.createNativeQuery("select count(*) from snapshot_pending where rescoring_job is not null")
                .getSingleResult()).longValue();
    }

    /** When the longest-waiting region-year was marked, if any is. */
    public Optional<OffsetDateTime> oldestPendingMark() {
        // through JDBC: a native query given a scalar result class is planned anew at every call (QueryPlanCacheTest)
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (Statement read = connection.createStatement();
                 ResultSet row = read.executeQuery("select min(marked_at) from snapshot_pending")) {
                row.next();
                return Optional.ofNullable(row.getObject(1, OffsetDateTime.class));
            }
        });
    }

    /**
     * The assessment years whose window or derived growth reads a figure of {@code year} for {@code region}: year,
     * year+1 and year+2 up to the current year, plus the years after the current one (up to year+2) that the region
     * already has a snapshot stored or marked for: a judgement for next year gives a region a snapshot of a year no
     * figure marks on its own, and that snapshot reads this figure too. Stored and marked years are read in one
     * statement, as in {@link #yearsOf}.
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
}
