package cn.nmsdz.scoring.component;

import cn.nmsdz.scoring.snapshot.SnapshotQueue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.testsupport.TestEvents;
import cn.nmsdz.scoring.backlog.Backlog;
import cn.nmsdz.scoring.messaging.ProjectionConsumer;
import cn.nmsdz.scoring.rescoring.RescoringJobEntity;
import cn.nmsdz.scoring.rescoring.RescoringService;
import cn.nmsdz.scoring.snapshot.SnapshotService;
import cn.nmsdz.scoring.snapshot.RegionYear;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every change of evidence ends in a snapshot that reads it, whatever the interleaving with the snapshot worker
 * (issue: a region-year's first snapshot missed a verdict that arrived while it was computed, and nothing
 * marked it again).
 */
@QuarkusTest
@ScoringComponentTest
class SnapshotRescoringTest {
    private static final AtomicInteger REGIONS = new AtomicInteger(509500);
    private static final int THIS_YEAR = Year.now(ZoneOffset.UTC).getValue();

    @Inject
    ProjectionConsumer consumer;

    @Inject
    SnapshotService snapshots;

    @Inject
    SnapshotQueue queue;

    @Inject
    HoldingProbe probe;

    @Inject
    RescoringService rescoring;

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager em;

    @BeforeEach
    void catalogueInForce() {
        OfficialCatalogue.inForce(consumer);
    }

    @Test
    void aVerdictArrivingWhileTheFirstSnapshotIsComputedGetsASnapshotOfItsOwn() throws Exception {
        String region = freshRegion();
        int year = THIS_YEAR - 1;
        CompletableFuture<Boolean> worker = workerToBeHeldAtTheFirstFigureOf(region, year);
        probe.awaitHeld(); // the worker has computed the region-year's first snapshot, without the verdict
        CompletableFuture<Void> verdict = CompletableFuture.runAsync(
                () -> consumer.onEvidence(List.of(TestEvents.verdict(region, year, "10", null, null, "2"))));
        awaitCommittedOrWaitingForALock(verdict);
        probe.release();
        worker.get(60, TimeUnit.SECONDS);
        verdict.get(60, TimeUnit.SECONDS);
        drain();

        long lastApplied = lastAppliedSeq(region);
        assertEquals(lastApplied, latestSnapshotSeq(region, year),
                "the latest snapshot of " + region + " " + year + " reads the verdict applied during its first computation");
        assertEquals("2.0", points(region, year, "10"), "indicator 10 has the expert's points in the latest snapshot");
        assertTrue(stale(region).isEmpty());
    }

    /**
     * A rescoring is planned only once no batch scores with the version it read before: the plan waits for the batch
     * (which scored the region-year with the old version), and then marks that region-year for the new one. Without
     * the wait, a region-year whose evidence committed while the plan was marking could keep a snapshot of the old
     * version for good (ScaleOutIT caught 19 of 293 region-years so).
     */
    @Test
    void aRescoringWaitsForTheBatchScoringWithTheVersionItReadAndMarksWhatItScored() throws Exception {
        String region = freshRegion();
        int year = THIS_YEAR - 1;
        CompletableFuture<Boolean> worker = workerToBeHeldAtTheFirstFigureOf(region, year);
        CompletableFuture<RescoringJobEntity> plan;
        try {
            probe.awaitHeld(); // the batch has read the version in force and scored the region-year with it
            plan = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew()
                    .call(() -> rescoring.plan("RESCORE-WAITS", 2)));
            awaitCommittedOrWaitingForALock(plan);
            assertFalse(plan.isDone(), "the plan waits while a batch scores with the version it read");
        } finally {
            probe.release();
        }
        assertTrue(worker.get(60, TimeUnit.SECONDS));
        RescoringJobEntity job = plan.get(60, TimeUnit.SECONDS);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from snapshot_pending where rescoring_job = ?1 and region = ?2 and year = ?3")
                .setParameter(1, job.id).setParameter(2, region).setParameter(3, year).getSingleResult()).longValue()),
                "the region-year the batch scored with the old version is marked for the new one");
        drain();
    }

    /**
     * Ingestion never waits for the snapshot worker (issue 12): while one worker holds a region-year mid-computation,
     * new evidence for it commits (its mark only counts up), and a second worker takes another region-year instead of
     * the held one.
     */
    @Test
    void evidenceCommitsWhileTheWorkerComputesAndASecondWorkerTakesAnotherRegionYear() throws Exception {
        String region = freshRegion();
        String other = freshRegion();
        int year = THIS_YEAR - 1;
        CompletableFuture<Boolean> worker = workerToBeHeldAtTheFirstFigureOf(region, year);
        try {
            probe.awaitHeld();
            // commits while the computation is held (a row lock held by the worker would keep this waiting)
            CompletableFuture.runAsync(() -> consumer.onEvidence(
                    List.of(TestEvents.verdict(region, year, "10", null, null, "2")))).get(60, TimeUnit.SECONDS);
            consumer.onEvidence(List.of(TestEvents.figure(other, "online_retail_sales", year, "100")));
            assertTrue(CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew()
                    .call(snapshots::storeOnePending)).get(60, TimeUnit.SECONDS), "a second worker found work");
            assertEquals(0L, snapshotCount(region, year), "the held region-year is not taken by the second worker");
        } finally {
            probe.release();
        }
        worker.get(60, TimeUnit.SECONDS);
        drain();
        assertTrue(latestSnapshotSeq(region, year) >= lastAppliedSeq(region), "the verdict got a snapshot of its own");
        assertEquals("2.0", points(region, year, "10"));
        assertTrue(stale(region).isEmpty());
    }

    @Test
    void aVerdictCountsOnlyForItsAssessmentYear() {
        String region = freshRegion();
        consumer.onEvidence(List.of(TestEvents.figure(region, "online_retail_sales", THIS_YEAR - 2, "300")));
        // marked, not yet stored: THIS_YEAR-2 … THIS_YEAR
        consumer.onEvidence(List.of(TestEvents.verdict(region, THIS_YEAR - 2, "10", null, null, "2")));
        drain();
        assertEquals(lastAppliedSeq(region), latestSnapshotSeq(region, THIS_YEAR - 2));
        assertEquals("2.0", points(region, THIS_YEAR - 2, "10"), "the verdict counts in its own year");
        for (int year = THIS_YEAR - 1; year <= THIS_YEAR; year++) {
            assertEquals("0.0", points(region, year, "10"), "a verdict for " + (THIS_YEAR - 2) + " is not read in " + year);
        }
        // a verdict for a year with no snapshot yet marks that year alone and scores it
        consumer.onEvidence(List.of(TestEvents.verdict(region, THIS_YEAR + 1, "10", null, null, "1")));
        drain();
        assertEquals("1.0", points(region, THIS_YEAR + 1, "10"));
        assertEquals("2.0", points(region, THIS_YEAR - 2, "10"));
    }

    @Test
    void aFigureMarksTheNextYearAJudgementGaveTheRegion() {
        String region = freshRegion();
        consumer.onEvidence(List.of(TestEvents.verdict(region, THIS_YEAR + 1, "10", null, null, "1")));
        drain();
        consumer.onEvidence(List.of(TestEvents.figure(region, "online_retail_sales", THIS_YEAR, "100")));
        assertTrue(stale(region).isEmpty(), "the next year's snapshot reads this year's figure: it is marked, not stale");
        drain();
        assertEquals(lastAppliedSeq(region), latestSnapshotSeq(region, THIS_YEAR + 1));
        assertTrue(stale(region).isEmpty());
    }

    @Test
    void theWorkerRechecksWhatArrivedWhileItComputed() {
        String region = freshRegion();
        int year = THIS_YEAR - 1;
        consumer.onEvidence(List.of(TestEvents.figure(region, "online_retail_sales", year, "100")));
        drain();
        long seq = latestSnapshotSeq(region, year);
        assertFalse(changedSince(region, year, seq));

        consumer.onEvidence(List.of(TestEvents.figure(region, "online_retail_sales", year - 3, "90")));
        consumer.onEvidence(List.of(TestEvents.document(region, "10")));
        assertFalse(changedSince(region, year, seq), "a figure outside the window and a document are not read");

        consumer.onEvidence(List.of(TestEvents.figure("CN", "online_retail_sales_growth", year, "7.2")));
        assertTrue(changedSince(region, year, seq), "a national figure of the window is read by every region");
        drain();
        consumer.onEvidence(List.of(TestEvents.figure(region, "online_retail_sales", year - 2, "95")));
        assertTrue(changedSince(region, year, latestSnapshotSeq(region, year)), "a figure of the window's first year is read");
        drain();
        consumer.onEvidence(List.of(TestEvents.verdict(region, year - 1, "16", null, null, "1")));
        assertFalse(changedSince(region, year, latestSnapshotSeq(region, year)), "a judgement of another year is not read");
        consumer.onEvidence(List.of(TestEvents.verdict(region, year, "16", null, null, "1")));
        assertTrue(changedSince(region, year, latestSnapshotSeq(region, year)), "a judgement of its year is read");
    }

    @Test
    void aStaleRegionYearIsReportedAndMarkedAgain() {
        String region = freshRegion();
        int year = THIS_YEAR - 1;
        consumer.onEvidence(List.of(TestEvents.figure(region, "online_retail_sales", year, "100")));
        drain();
        assertTrue(stale(region).isEmpty());

        // a change whose mark got lost (what the race used to do): evidence applied, its marks gone
        consumer.onEvidence(List.of(TestEvents.verdict(region, year, "10", null, null, "2")));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from snapshot_pending where region = ?1").setParameter(1, region).executeUpdate());
        java.time.OffsetDateTime lost = java.time.OffsetDateTime.now(ZoneOffset.UTC);
        List<RegionYear> expected = List.of(new RegionYear(region, year)); // the verdict's year only
        assertEquals(expected, stale(region));
        assertTrue(staleCountedByProgressAfter(lost) >= 1, "the progress API reports it, as of a count after the loss");

        List<RegionYear> remarked = QuarkusTransaction.requiringNew().call(queue::remarkStale);
        assertEquals(expected, remarked.stream().filter(s -> s.region().equals(region)).toList());
        assertTrue(stale(region).isEmpty(), "marked again: no longer stale while it waits for its snapshot");
        drain();
        assertEquals("2.0", points(region, year, "10"));
        assertTrue(stale(region).isEmpty());

        // a national figure of the window whose marks of this region got lost: the region reads it too
        consumer.onEvidence(List.of(TestEvents.figure("CN", "online_retail_sales_growth", year, "7.3")));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from snapshot_pending where region = ?1").setParameter(1, region).executeUpdate());
        assertEquals(List.of(new RegionYear(region, year), new RegionYear(region, year + 1)), stale(region),
                "a national figure is read by every region, by each year whose window holds it");
        QuarkusTransaction.requiringNew().call(queue::remarkStale);
        drain();
        assertTrue(stale(region).isEmpty());
    }

    @Test
    void aFailingSnapshotIsCountedAndItsRegionYearTriedAgain() {
        String region = freshRegion();
        consumer.onEvidence(List.of(TestEvents.figure(region, "online_retail_sales", THIS_YEAR, "100")));
        drainExcept(region);
        probe.failAt(region, THIS_YEAR);
        double before = registry.counter("nmsdz.scoring.snapshot.failures").count();

        assertThrows(Backlog.RetryLater.class, () -> QuarkusTransaction.requiringNew().call(snapshots::storeOnePending));

        assertEquals(before + 1, registry.counter("nmsdz.scoring.snapshot.failures").count(), "the failure is counted");
        assertEquals(0, snapshotCount(region, THIS_YEAR), "nothing of the failed snapshot is stored");
        drain();
        assertEquals(1, snapshotCount(region, THIS_YEAR), "the mark stayed: the next turn stores it");
        assertEquals(lastAppliedSeq(region), latestSnapshotSeq(region, THIS_YEAR));
    }

    /**
     * A worker stores the region-years it takes in batches, one commit for all (rescoring stores thousands, issue 12);
     * a snapshot failing within a batch rolls the whole batch back, loses nothing and holds up no other region-year.
     */
    @Test
    void aBatchStoresSeveralRegionYearsInOneTurnAndAFailureInItLosesNone() {
        String first = freshRegion();
        String second = freshRegion();
        consumer.onEvidence(List.of(TestEvents.figure(first, "online_retail_sales", THIS_YEAR, "100"),
                TestEvents.figure(second, "online_retail_sales", THIS_YEAR, "200")));
        drainExcept(first, second);

        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> snapshots.storePending(32)),
                "one turn takes both marked region-years");
        assertEquals(1, snapshotCount(first, THIS_YEAR));
        assertEquals(1, snapshotCount(second, THIS_YEAR));

        consumer.onEvidence(List.of(TestEvents.figure(first, "online_retail_sales", THIS_YEAR, "110"),
                TestEvents.figure(second, "online_retail_sales", THIS_YEAR, "210")));
        drainExcept(first, second);
        probe.failAt(second, THIS_YEAR);
        assertThrows(Backlog.RetryLater.class,
                () -> QuarkusTransaction.requiringNew().call(() -> snapshots.storePending(32)));
        assertEquals(1, snapshotCount(first, THIS_YEAR), "the batch rolled back: the first one's snapshot too");
        drain();
        assertEquals(2, snapshotCount(first, THIS_YEAR), "both marks stayed: the next turns store them");
        assertEquals(2, snapshotCount(second, THIS_YEAR));
        assertTrue(latestSnapshotSeq(first, THIS_YEAR) >= lastAppliedSeq(first), "the latest snapshots read every figure");
        assertTrue(latestSnapshotSeq(second, THIS_YEAR) >= lastAppliedSeq(second));
    }

    /**
     * Workers take a fair share of what waits (issue 12, light load): a figure marks three years, and two workers take
     * one each, so the first is committed as soon as it is computed; a longer queue still fills whole batches.
     */
    @Test
    void workersTakeAFairShareOfTheMarksAndFullBatchesUnderABurst() {
        String region = freshRegion();
        consumer.onEvidence(List.of(TestEvents.figure(region, "online_retail_sales", THIS_YEAR - 2, "100")));
        drainExcept(region);

        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> snapshots.storePending(8, 2)),
                "three marks, two workers: one each");
        assertEquals(1, snapshotCount(region, THIS_YEAR - 2), "the longest-waiting year first");
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> snapshots.storePending(8, 1)),
                "one worker's share is all that waits");

        List<String> burst = List.of(freshRegion(), freshRegion(), freshRegion(), freshRegion(), freshRegion(),
                freshRegion());
        consumer.onEvidence(burst.stream()
                .map(r -> TestEvents.figure(r, "online_retail_sales", THIS_YEAR - 2, "100")).toList());
        drainExcept(burst.toArray(String[]::new));
        assertEquals(8, QuarkusTransaction.requiringNew().call(() -> snapshots.storePending(8, 2)),
                "18 marks, two workers: a whole batch");
        assertEquals(5, QuarkusTransaction.requiringNew().call(() -> snapshots.storePending(8, 2)),
                "10 left: half of them");
        drain();
        burst.forEach(r -> assertEquals(1, snapshotCount(r, THIS_YEAR), "every mark stored once"));
    }

    // ------------------------------------------------------------------ helpers

    private static String freshRegion() {
        return String.valueOf(REGIONS.incrementAndGet());
    }

    private void drain() {
        while (QuarkusTransaction.requiringNew().call(snapshots::storeOnePending)) {
            // next marked region-year
        }
    }

    /** Stores every marked region-year but the given regions', which then are the only ones left. */
    private void drainExcept(String... regions) {
        List<String> kept = List.of(regions);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update snapshot_pending set marked_at = marked_at + interval '1 day' where region in (?1)")
                .setParameter(1, kept).executeUpdate());
        while (QuarkusTransaction.requiringNew().call(() -> {
            Number others = (Number) em.createNativeQuery("select count(*) from snapshot_pending where region not in (?1)")
                    .setParameter(1, kept).getSingleResult();
            return others.longValue() > 0 && snapshots.storeOnePending();
        })) {
            // next
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update snapshot_pending set marked_at = now() - interval '1 hour' where region in (?1)")
                .setParameter(1, kept).executeUpdate());
    }

    /** Waits until the task has committed, or is waiting for a row lock held by the worker. */
    /**
     * A figure for the region-year, every other mark out of the way (this region's years are then the oldest), and a
     * worker started that the probe holds once it has computed the region-year (await it with probe.awaitHeld()).
     */
    private CompletableFuture<Boolean> workerToBeHeldAtTheFirstFigureOf(String region, int year) {
        consumer.onEvidence(List.of(TestEvents.figure(region, "online_retail_sales", year, "321.5")));
        drainExcept(region);
        probe.holdAt(region, year);
        return CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew().call(snapshots::storeOnePending));
    }

    private void awaitCommittedOrWaitingForALock(CompletableFuture<?> task) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!task.isDone() && System.nanoTime() < deadline) {
            Number waiting = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                            + " and datname = current_database()").getSingleResult());
            if (waiting.longValue() > 0) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private long lastAppliedSeq(String region) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select max(seq) from evidence_fact_version where region = ?1").setParameter(1, region)
                .getSingleResult()).longValue());
    }

    private long latestSnapshotSeq(String region, int year) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select projection_seq from snapshot where region = ?1 and year = ?2 order by number desc limit 1")
                .setParameter(1, region).setParameter(2, year).getSingleResult()).longValue());
    }

    private long snapshotCount(String region, int year) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from snapshot where region = ?1 and year = ?2")
                .setParameter(1, region).setParameter(2, year).getSingleResult()).longValue());
    }

    /** The points of an indicator (by number) in the region-year's latest snapshot, confirmed basis. */
    private String points(String region, int year, String indicator) {
        return QuarkusTransaction.requiringNew().call(() -> {
            cn.nmsdz.scoring.snapshot.SnapshotEntity latest = cn.nmsdz.scoring.snapshot.SnapshotEntity
                    .<cn.nmsdz.scoring.snapshot.SnapshotEntity>find("region = ?1 and year = ?2 order by number desc",
                            region, year).firstResult();
            return latest == null ? null : cn.nmsdz.scoring.snapshot.SnapshotStore.read(latest).confirmed().indicators()
                    .stream().filter(i -> String.valueOf(i.number()).equals(indicator))
                    .map(i -> i.points().toPlainString()).findFirst().orElse(null);
        });
    }

    private boolean changedSince(String region, int year, long seq) {
        return QuarkusTransaction.requiringNew().call(() -> queue.changedSince(region, year, seq));
    }

    /**
     * The stale region-years {@code GET /api/v1/rescoring} reports once its count is younger than {@code since}
     * (requests within a second share one count, so the first answers may predate it).
     */
    private static int staleCountedByProgressAfter(java.time.OffsetDateTime since) {
        String admin = cn.nmsdz.testsupport.TestTokens.user("admin", "catalogue-admin", java.util.Map.of());
        for (int attempt = 0; ; attempt++) {
            io.restassured.path.json.JsonPath progress = io.restassured.RestAssured.given().auth().oauth2(admin)
                    .get("/api/v1/rescoring").then().statusCode(200).extract().jsonPath();
            if (java.time.OffsetDateTime.parse(progress.getString("staleCheckedAt")).isAfter(since) || attempt == 50) {
                return progress.getInt("staleRegionYears");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private List<RegionYear> stale(String region) {
        return QuarkusTransaction.requiringNew().call(() -> queue.staleRegionYears().stream()
                .filter(s -> s.region().equals(region)).toList());
    }
}
