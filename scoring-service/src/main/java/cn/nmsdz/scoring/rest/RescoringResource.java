package cn.nmsdz.scoring.rest;

import cn.nmsdz.scoring.snapshot.RegionYear;
import cn.nmsdz.scoring.snapshot.SnapshotPipelineMonitor;
import cn.nmsdz.scoring.snapshot.SnapshotQueue;
import cn.nmsdz.scoring.rescoring.RescoringJobEntity;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rescoring")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scores")
@Authenticated
public class RescoringResource {

    @Inject
    SnapshotQueue queue;

    @Inject
    @Readiness // the monitor is also the pipeline's readiness check, which qualifies the bean
    SnapshotPipelineMonitor monitor;

    /** How old a count of stale region-years may be when progress is read (see {@link SnapshotPipelineMonitor#reading}). */
    static final Duration STALE_CHECK_MAX_AGE = Duration.ofSeconds(1);

    @Schema(description = "Rescoring of every region after a catalogue version was published")
    public record Job(long id, String systemCode, int systemVersion,
                      @Schema(description = "Region-years to rescore: every year each region with evidence is scored for") int total,
                      @Schema(description = "Region-years rescored so far") int done,
                      boolean finished,
                      @Schema(description = "True when a later job of the same system replaced this one before it"
                              + " finished (a newer version was published, or this one was retired)") boolean cancelled,
                      OffsetDateTime startedAt, OffsetDateTime finishedAt) {
        static Job of(RescoringJobEntity e) {
            return new Job(e.id, e.systemCode, e.systemVersion, e.total, e.done, e.finishedAt != null,
                    e.cancelledAt != null, e.createdAt, e.finishedAt);
        }
    }

    public record Progress(
            @Schema(description = "The latest job, null when no catalogue version has been published since the service started keeping jobs") Job latest,
            @Schema(description = "The ten latest jobs, newest first") List<Job> recent,
            @Schema(description = "Region-years whose evidence changed and whose new snapshot is not stored yet")
            long pendingSnapshots,
            @Schema(description = "Region-years whose latest snapshot misses evidence applied since and that no new"
                    + " snapshot is marked for: a change left unscored. Always 0; `POST /api/v1/rescoring/stale`"
                    + " marks them again. As of `staleCheckedAt`") long staleRegionYears,
            @Schema(description = "When the stale region-years were counted: at most a second before the request"
                    + " (requests within a second share one count)") OffsetDateTime staleCheckedAt) {
    }

    public record Remarked(
            @Schema(description = "The region-years marked for a new snapshot because their latest one was stale")
            List<RegionYear> remarked) {
    }

    @GET
    @RolesAllowed({"catalogue-admin", "score-reader"})
    @Operation(summary = "Progress of rescoring after a catalogue publication",
            description = "A new version of the indicator system rescores every region: its job marks every year of every "
                    + "region with evidence in the one snapshot queue, and `done` of `total` region-years are rescored so far. `pendingSnapshots` counts the region-years "
                    + "whose evidence changed and whose new snapshot is still to be stored (changes arriving "
                    + "together share one snapshot).")
    public Progress progress() {
        List<Job> recent = RescoringJobEntity.<RescoringJobEntity>findAll(Sort.descending("id")).range(0, 9).list()
                .stream().map(Job::of).toList();
        SnapshotPipelineMonitor.Reading checked = monitor.reading(STALE_CHECK_MAX_AGE);
        return new Progress(recent.isEmpty() ? null : recent.get(0), recent, queue.pendingCount(),
                checked.stale().size(), checked.at().atOffset(ZoneOffset.UTC));
    }

    @POST
    @Path("/stale")
    @Transactional
    @RolesAllowed("catalogue-admin")
    @Operation(summary = "Mark stale region-years for a new snapshot",
            description = "Finds every region-year whose latest snapshot misses evidence the scoring service has "
                    + "applied since, while no new snapshot is marked (readiness and the metric "
                    + "`nmsdz_scoring_snapshots_stale` report them; there should never be any), marks each for a new "
                    + "snapshot and lists them. Calling it when there are none changes nothing.")
    public Remarked remarkStale() {
        return new Remarked(queue.remarkStale());
    }
}
