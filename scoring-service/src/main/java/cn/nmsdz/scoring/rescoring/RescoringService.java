package cn.nmsdz.scoring.rescoring;

import cn.nmsdz.scoring.snapshot.SnapshotQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Rescoring of every region after a new catalogue version. The consumer of "system published" records a job and, in
 * the same transaction, marks every scored region-year in the one work queue ({@link SnapshotQueue}); the snapshot
 * workers store them like any other mark and count each done for the job, so progress is visible while it runs and a
 * restart resumes where it stopped.
 */
@ApplicationScoped
public class RescoringService {
    private static final Logger LOG = Logger.getLogger(RescoringService.class);

    @Inject
    SnapshotQueue queue;

    @Inject
    EntityManager em;

    /**
     * Records a job for every region-year of every region that has evidence; called in the consumer's transaction. An
     * unfinished job of the same system is cancelled first: its region-years would be scored against a version no
     * longer in force (a newer one was published, or it was retired), and they are all in the new job, which starts
     * at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RescoringJobEntity plan(String systemCode, int systemVersion) {
        queue.excludeScoringWithOldVersions();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        queue.releaseRescoringMarks(systemCode);
        int cancelled = em.createNativeQuery("update rescoring_job set cancelled_at = ?2, finished_at = ?2"
                        + " where system_code = ?1 and finished_at is null")
                .setParameter(1, systemCode).setParameter(2, now).executeUpdate();
        if (cancelled > 0) {
            LOG.infof("rescoring: %d unfinished job(s) of %s cancelled for version %d", cancelled, systemCode,
                    systemVersion);
        }
        RescoringJobEntity job = new RescoringJobEntity();
        job.systemCode = systemCode;
        job.systemVersion = systemVersion;
        job.createdAt = now;
        job.persist();
        em.flush(); // the marks name the job
        job.total = queue.markForRescoring(job.id);
        job.finishedAt = job.total == 0 ? now : null;
        return job;
    }
}
