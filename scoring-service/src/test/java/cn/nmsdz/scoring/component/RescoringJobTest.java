package cn.nmsdz.scoring.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.nmsdz.scoring.projection.ProjectionConsumer;
import cn.nmsdz.scoring.rescoring.RescoringJobEntity;
import cn.nmsdz.scoring.rescoring.RescoringService;
import cn.nmsdz.testsupport.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A new rescoring job replaces the unfinished one of the same system at once (a retired or superseded version). */
@QuarkusTest
@ScoringComponentTest
class RescoringJobTest {
    @Inject
    RescoringService rescoring;

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
        assertNotNull(cancelled.finishedAt, "a cancelled job is finished: it rescored its last region");
        assertEquals(0, tasks(retired.id), "none of its regions is rescored any more");
        assertNull(job(restore.id).cancelledAt);
        assertEquals(job(restore.id).total, tasks(restore.id), "every region is in the restore job");
        assertNull(job(other.id).cancelledAt, "a job of another system is left alone");
        assertEquals(job(other.id).total, tasks(other.id));
    }

    private RescoringJobEntity job(long id) {
        return QuarkusTransaction.requiringNew().call(() -> RescoringJobEntity.<RescoringJobEntity>findById(id));
    }

    private long tasks(long jobId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from rescoring_task where job_id = ?1").setParameter(1, jobId).getSingleResult())
                .longValue());
    }
}
