package cn.nmsdz.scoring.snapshot;

import cn.nmsdz.scoring.config.ScoringConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Watches the snapshot pipeline so that a change left unscored or a stalled worker is visible within seconds:
 * Prometheus gauges and a readiness check, from one reading taken every {@code pipeline-check-interval}
 * (scrapes and probes never query the database themselves).
 */
@Startup
@Readiness
@ApplicationScoped
public class SnapshotPipelineMonitor implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(SnapshotPipelineMonitor.class);

    /** One reading of the pipeline. */
    public record Reading(Instant at, long pending, long pendingForRescoring, Optional<OffsetDateTime> oldestMark, List<RegionYear> stale) {
        double oldestPendingSeconds() {
            return oldestMark.map(m -> Math.max(0, Duration.between(m.toInstant(), at).toMillis() / 1000.0)).orElse(0.0);
        }
    }

    @Inject
    SnapshotQueue queue;

    @Inject
    PendingSnapshotWorker worker;

    @Inject
    ScoringConfig config;

    @Inject
    MeterRegistry registry;

    private volatile Reading last;

    @PostConstruct
    void gauges() {
        Gauge.builder("nmsdz.scoring.snapshots.pending", this, m -> m.last == null ? 0 : m.last.pending())
                .description("Region-years marked for a new snapshot, not stored yet").register(registry);
        Gauge.builder("nmsdz.scoring.snapshots.pending.oldest.age", this,
                        m -> m.last == null ? 0 : m.last.oldestPendingSeconds())
                .baseUnit("seconds").description("How long the longest-waiting marked region-year has waited")
                .register(registry);
        Gauge.builder("nmsdz.scoring.rescoring.tasks.remaining", this,
                        m -> m.last == null ? 0 : m.last.pendingForRescoring())
                .description("Region-years marked by rescoring jobs after a catalogue change, not stored yet")
                .register(registry);
        Gauge.builder("nmsdz.scoring.snapshots.stale", this, m -> m.last == null ? 0 : m.last.stale().size())
                .description("Region-years whose latest snapshot misses evidence applied since, with no new snapshot"
                        + " marked (always 0 unless a change was left unscored)").register(registry);
    }

    @Scheduled(every = "${nmsdz.scoring.pipeline-check-interval:5s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        read();
    }

    /**
     * The latest reading if it is younger than {@code maxAge}, else a new one. The stale check reads every region-year's
     * latest snapshot against the evidence applied since (tens of ms at national scale): a progress page polled by many
     * people, or every 100 ms, shares one reading per {@code maxAge} instead of running it for each request.
     */
    public synchronized Reading reading(Duration maxAge) {
        Reading reading = last;
        return reading != null && Duration.between(reading.at(), Instant.now()).compareTo(maxAge) < 0 ? reading : read();
    }

    private synchronized Reading read() {
        Reading reading = QuarkusTransaction.requiringNew().call(() -> new Reading(Instant.now(),
                queue.pendingCount(), queue.pendingForRescoring(), queue.oldestPendingMark(), queue.staleRegionYears()));
        if (!reading.stale().isEmpty() && (last == null || !last.stale().equals(reading.stale()))) {
            LOG.errorf("%d region-years have a latest snapshot that misses evidence applied since and no new"
                    + " snapshot marked: %s (POST /api/v1/rescoring/stale marks them again)",
                    reading.stale().size(), reading.stale());
        }
        last = reading;
        return reading;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("snapshot pipeline");
        Reading reading = last;
        Instant now = Instant.now();
        if (reading == null) {
            return health.up().withData("checked", "not yet").build();
        }
        Duration sinceCheck = Duration.between(reading.at(), now);
        Duration sinceWork = Duration.between(worker.lastProgress(), now);
        health.withData("pendingSnapshots", reading.pending())
                .withData("oldestPendingSeconds", Math.round(reading.oldestPendingSeconds()))
                .withData("staleRegionYears", reading.stale().size())
                .withData("checkedSecondsAgo", sinceCheck.toSeconds())
                .withData("workerIdleSeconds", sinceWork.toSeconds());
        String problem = null;
        if (!reading.stale().isEmpty()) {
            problem = reading.stale().size() + " region-years have a snapshot that misses evidence and none is marked: "
                    + reading.stale().subList(0, Math.min(10, reading.stale().size()));
        } else if (reading.pending() > 0 && sinceWork.compareTo(config.workerStallAfter()) > 0) {
            problem = "the snapshot worker has stored nothing for " + sinceWork.toSeconds() + " s while "
                    + reading.pending() + " region-years wait";
        } else if (sinceCheck.compareTo(config.pipelineCheckInterval().multipliedBy(6)) > 0) {
            problem = "the pipeline check has not run for " + sinceCheck.toSeconds() + " s";
        }
        return problem == null ? health.up().build() : health.down().withData("problem", problem).build();
    }
}
