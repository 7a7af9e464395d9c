package cn.nmsdz.scoring.rest;

import cn.nmsdz.scoring.projection.RegionEntity;
import cn.nmsdz.scoring.snapshot.Snapshot;
import cn.nmsdz.scoring.snapshot.SnapshotEntity;
import cn.nmsdz.scoring.snapshot.SnapshotService;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scores", description = "Explainable score snapshots and the provincial pull feed")
@Authenticated
public class ScoreResource {
    static final String[] READERS = {"score-reader", "catalogue-admin", "evidence-reviewer"};

    /** A page of the provincial pull feed; pass {@code next} as {@code after} to continue. */
    public record FeedPage(List<Snapshot> snapshots, long next) {
    }

    @Inject
    SnapshotService snapshots;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/regions/{code}/scores/latest")
    @RolesAllowed({"score-reader", "catalogue-admin", "evidence-reviewer"})
    @Operation(summary = "The latest snapshot of a region for an assessment year",
            description = "Confirmed and projected totals, every indicator's points, status and explanation, and the verdict.")
    @APIResponse(responseCode = "404", description = "No snapshot yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Snapshot latest(@PathParam("code") String region, @QueryParam("year") Integer year) {
        checkReadable(region);
        requireYear(year);
        SnapshotEntity entity = SnapshotEntity.<SnapshotEntity>find("region = ?1 and year = ?2",
                Sort.descending("number"), region, year).firstResult();
        if (entity == null) {
            throw ProblemException.notFound("no snapshot of region " + region + " for year " + year + " yet");
        }
        return snapshots.read(entity);
    }

    @GET
    @Path("/regions/{code}/scores")
    @RolesAllowed({"score-reader", "catalogue-admin", "evidence-reviewer"})
    @Operation(summary = "Snapshot history of a region for an assessment year, newest first")
    public List<Snapshot> history(@PathParam("code") String region, @QueryParam("year") Integer year) {
        checkReadable(region);
        requireYear(year);
        return SnapshotEntity.<SnapshotEntity>find("region = ?1 and year = ?2", Sort.descending("number"), region, year)
                .list().stream().map(snapshots::read).toList();
    }

    @GET
    @Path("/snapshots")
    @RolesAllowed({"score-reader", "catalogue-admin"})
    @Operation(summary = "Provincial pull feed",
            description = "Every snapshot of every region under a code, in creation order, after the cursor.")
    public FeedPage feed(@QueryParam("under") String under, @QueryParam("after") @DefaultValue("0") long after,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (under == null || under.isBlank()) {
            throw ProblemException.badRequest("query parameter 'under' (a region code) is required",
                    List.of(new Problem.FieldError("under", "required")));
        }
        if (limit < 1 || limit > 1000 || after < 0) {
            throw ProblemException.badRequest("limit must be 1..1000 and after ≥ 0", List.of());
        }
        checkReadable(under);
        List<SnapshotEntity> page = SnapshotEntity.<SnapshotEntity>find("region in ?1 and id > ?2", Sort.ascending("id"),
                RegionEntity.selfAndBelow(under), after).range(0, limit - 1).list();
        long next = page.isEmpty() ? after : page.get(page.size() - 1).id;
        return new FeedPage(page.stream().map(snapshots::read).toList(), next);
    }

    private static void requireYear(Integer year) {
        if (year == null) {
            throw ProblemException.badRequest("query parameter 'year' (the assessment year) is required",
                    List.of(new Problem.FieldError("year", "required")));
        }
    }

    /** A reader reads its own region and every region under it; the nation-level admin reads all. */
    private void checkReadable(String region) {
        String own = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("region") : null;
        if (own == null || !RegionEntity.isSelfOrBelow(region, own)) {
            throw ProblemException.forbidden("rule region-scope: a token of region " + own
                    + " reads only that region and the regions under it, not " + region);
        }
    }
}
