package cn.nmsdz.scoring.rescoring;

import cn.nmsdz.scoring.backlog.Backlog;
import cn.nmsdz.scoring.snapshot.SnapshotService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import cn.nmsdz.support.wake.WakeableWorker;
import cn.nmsdz.support.wake.Wakeups;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Rescoring of every region after a new catalogue version. The consumer of "system published" only
 * records a job with one task per region (in its own transaction, with the event id); this worker
 * then rescores one region per transaction and counts it done, so progress is visible while it runs
 * and a restart resumes where it stopped.
 */
@ApplicationScoped
public class RescoringService {
    private static final Logger LOG = Logger.getLogger(RescoringService.class);

    @Inject
    SnapshotService snapshots;

    @Inject
    EntityManager em;

    /** Regions of unfinished jobs still to rescore, as of the worker's last turn. */
    private volatile long remaining;
    private Counter rescored;

    @Inject
    void meters(MeterRegistry registry) {
        Gauge.builder("nmsdz.scoring.rescoring.tasks.remaining", this, s -> s.remaining)
                .description("regions of unfinished rescoring jobs still to rescore").register(registry);
        rescored = Counter.builder("nmsdz.scoring.rescoring.regions")
                .description("regions rescored by rescoring jobs").register(registry);
    }

    /**
     * Records a job for every region that has evidence; called in the consumer's transaction. An unfinished job
     * of the same system is cancelled first: its regions would be scored against a version no longer in force
     * (a newer one was published, or it was retired), and they are all in the new job, which starts at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RescoringJobEntity plan(String systemCode, int systemVersion) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        em.createNativeQuery("delete from rescoring_task where job_id in (select id from rescoring_job"
                + " where system_code = ?1 and finished_at is null)").setParameter(1, systemCode).executeUpdate();
        int cancelled = em.createNativeQuery("update rescoring_job set cancelled_at = ?2, finished_at = ?2"
                        + " where system_code = ?1 and finished_at is null")
                .setParameter(1, systemCode).setParameter(2, now).executeUpdate();
        if (cancelled > 0) {
            LOG.infof("rescoring: %d unfinished job(s) of %s cancelled for version %d", cancelled, systemCode,
                    systemVersion);
        }
        List<String> regions = snapshots.scoredRegions();
        RescoringJobEntity job = new RescoringJobEntity();
        job.systemCode = systemCode;
        job.systemVersion = systemVersion;
        job.total = regions.size();
        job.createdAt = now;
        job.finishedAt = regions.isEmpty() ? job.createdAt : null;
        job.persist();
        for (String region : regions) {
            RescoringTaskEntity task = new RescoringTaskEntity();
            task.jobId = job.id;
            task.region = region;
            task.persist();
        }
        wakeups.afterCommit(WAKE); // the workers start as soon as the job is committed
        return job;
    }

    /** The wake-up topic of a transaction that planned a job. */
    static final String WAKE = "rescoring";

    @Inject
    Wakeups wakeups;

    @ConfigProperty(name = "nmsdz.scoring.rescoring-workers", defaultValue = "2")
    int workers;

    private volatile WakeableWorker worker;

    void start(@Observes StartupEvent event) {
        if (wakeups.enabled()) {
            worker = new WakeableWorker("rescoring-worker", workers, this::drain);
            wakeups.register(WAKE, worker::wake);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.shutdown();
        }
    }

    /**
     * Works off pending regions, one transaction each, until none is left; on {@code nmsdz.scoring.rescoring-workers}
     * threads (they split the regions: each takes its task row with SKIP LOCKED), started the moment a job is planned.
     */
    @Scheduled(every = "1s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void work() {
        if (worker != null) {
            worker.wake();
        } else {
            drain();
        }
    }

    void drain() {
        remaining = remainingTasks();
        Backlog.drain(this::rescoreOne, LOG);
        remaining = remainingTasks();
    }

    long remainingTasks() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from rescoring_task").getSingleResult()).longValue());
    }

    /** Rescores the region queued longest; false when nothing is pending. */
    boolean rescoreOne() {
        @SuppressWarnings("unchecked")
        List<Object[]> next = em.createNativeQuery("select job_id, region from rescoring_task"
                + " order by queued_at, job_id, region limit 1 for update skip locked").getResultList();
        if (next.isEmpty()) {
            return false;
        }
        long jobId = ((Number) next.get(0)[0]).longValue();
        String region = (String) next.get(0)[1];
        int years;
        try {
            years = snapshots.rescoreRegion(region);
        } catch (RuntimeException e) {
            throw new Backlog.RetryLater("rescoring job " + jobId + ": region " + region, e, () -> em.createNativeQuery(
                            "update rescoring_task set queued_at = ?3 where job_id = ?1 and region = ?2")
                    .setParameter(1, jobId).setParameter(2, region)
                    .setParameter(3, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate());
        }
        em.createNativeQuery("delete from rescoring_task where job_id = ?1 and region = ?2")
                .setParameter(1, jobId).setParameter(2, region).executeUpdate();
        em.createNativeQuery("update rescoring_job set done = done + 1,"
                        + " finished_at = case when done + 1 >= total then ?2 else finished_at end where id = ?1")
                .setParameter(1, jobId).setParameter(2, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
        LOG.infof("rescoring job %d: region %s rescored (%d years)", jobId, region, years);
        rescored.increment();
        return true;
    }
}
