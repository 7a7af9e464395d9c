package cn.nmsdz.scoring.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.scoring.messaging.ProjectionConsumer;
import cn.nmsdz.scoring.rescoring.RescoringJobEntity;
import cn.nmsdz.scoring.rescoring.RescoringService;
import cn.nmsdz.scoring.snapshot.SnapshotService;
import cn.nmsdz.testsupport.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rescoring job marks its region-years in the one work queue (snapshot_pending, naming the job), the snapshot
 * workers count each stored one done for it; a new job replaces the unfinished one of the same system at once (a
 * retired or superseded version).
 */
@QuarkusTest
@ScoringComponentTest
class RescoringJobTest {
    private static final int THIS_YEAR = Year.now(ZoneOffset.UTC).getValue();

    @Inject
    RescoringService rescoring;

    @Inject
    SnapshotService snapshots;

    @Inject
    ProjectionConsumer consumer;

    @Inject
    EntityManager em;

    @Test
    void aNewJobCancelsTheUnfinishedJobOfTheSameSystem() {
        consumer.onEvidence(List.of(TestEvents.figure("509901", "online_retail_sales", 2024, "10"),
                TestEvents.figure("509902", "online_retail_sales", 2024, "10")));
        RescoringJobEntity retired = QuarkusTransaction.requiringNew().call(() -> rescoring.plan("RETIRE-TEST", 2));
        RescoringJobEntity other = QuarkusTransaction.requiringNew().call(() -> rescoring.plan("OTHER-SYSTEM", 1));
        RescoringJobEntity restore = QuarkusTransaction.requiringNew().call(() -> rescoring.plan("RETIRE-TEST", 1));

        RescoringJobEntity cancelled = job(retired.id);
        assertNotNull(cancelled.cancelledAt, "the retired version's job is cancelled");
        assertNotNull(cancelled.finishedAt, "a cancelled job is finished");
        assertEquals(0, marks(retired.id), "none of its region-years is counted for it any more");
        assertNull(job(restore.id).cancelledAt);
        assertEquals(job(restore.id).total, marks(restore.id), "every region-year is marked for the restore job");
        assertNull(job(other.id).cancelledAt, "a job of another system is left alone");
        assertEquals(job(other.id).total, marks(other.id), "it keeps its marks: one snapshot answers both jobs");
        assertTrue(job(other.id).total + job(restore.id).total >= 6,
                "both regions' 2024 figures are read by 2024, 2025 and 2026, each counted by one job");
        drain();
    }

    @Test
    void aJobMarksEveryYearItsRegionsAreScoredForAndTheWorkersFinishIt() {
        String region = "509911";
        consumer.onEvidence(List.of(TestEvents.figure(region, "online_retail_sales", THIS_YEAR - 1, "10"),
                TestEvents.verdict(region, THIS_YEAR + 1, "10", null, null, "1")));
        drain();
        RescoringJobEntity job = QuarkusTransaction.requiringNew().call(() -> rescoring.plan("NMSDZ-TEST", 9));
        assertEquals(List.of(THIS_YEAR - 1, THIS_YEAR, THIS_YEAR + 1), markedYears(job.id, region),
                "the figure's years up to this one, and the verdict's year");
        assertNull(job(job.id).finishedAt);

        drain();
        RescoringJobEntity done = job(job.id);
        assertEquals(done.total, done.done, "every region-year it marked was stored and counted");
        assertNotNull(done.finishedAt);
        assertEquals(0, marks(job.id));
    }

    private void drain() {
        while (QuarkusTransaction.requiringNew().call(snapshots::storeOnePending)) {
            // next marked region-year
        }
    }

    private RescoringJobEntity job(long id) {
        return QuarkusTransaction.requiringNew().call(() -> RescoringJobEntity.<RescoringJobEntity>findById(id));
    }

    private long marks(long jobId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from snapshot_pending where rescoring_job = ?1").setParameter(1, jobId).getSingleResult())
                .longValue());
    }

    @SuppressWarnings("unchecked")
    private List<Integer> markedYears(long jobId, String region) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em.createNativeQuery(
                "select year from snapshot_pending where rescoring_job = ?1 and region = ?2 order by year")
                .setParameter(1, jobId).setParameter(2, region).getResultList()).stream().map(Number::intValue).toList());
    }
}
