package cn.nmsdz.scoring.rest;

import cn.nmsdz.scoring.security.RegionAccess;
import cn.nmsdz.scoring.application.ApplicationEntity;
import cn.nmsdz.scoring.application.ApplicationService;
import cn.nmsdz.scoring.application.ApplicationView;
import cn.nmsdz.scoring.application.SnapshotDiff;
import cn.nmsdz.scoring.snapshot.SnapshotStore;
import cn.nmsdz.scoring.projection.RegionEntity;
import jakarta.validation.Valid;
import cn.nmsdz.support.access.Caller;
import cn.nmsdz.scoring.application.ApplicationService.Actor;
import cn.nmsdz.scoring.application.ApplicationService.ApplicationRequest;
import cn.nmsdz.scoring.application.ApplicationService.TransitionRequest;
import cn.nmsdz.scoring.snapshot.SnapshotEntity;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.ProblemType;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Applications (申报) and their rounds: 市推荐 → 省评估 → 命名, later 复核. */
@Path("/api/v1/regions/{code}/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applications", description = "申报 → 市推荐 → 省评估 → 命名, 复核: a region applies with a frozen snapshot, "
        + "the city, the province and the nation decide in turn")
@Authenticated
public class ApplicationResource {
    @Inject
    ApplicationService applications;

    @Inject
    RegionAccess access;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("creation-office")
    @Operation(summary = "Apply (申报) for an assessment year, or apply again after a return",
            description = "The region's creation office applies with the latest snapshot of the year, which the application "
                    + "freezes (by reference: later evidence never changes it). Refused (409, naming what fails) while the "
                    + "confirmed total does not pass the standard, unless forReviewAnyway is true with a reason.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApplicationRequest.class)))
    @APIResponse(responseCode = "201", description = "The application, SUBMITTED")
    @APIResponse(responseCode = "400", description = "No or a wrong year; a reason missing (for review anyway) or over "
            + ApplicationService.MAX_REASON + " characters")
    @APIResponse(responseCode = "403", description = "Not the creation office of this region")
    @APIResponse(responseCode = "409", description = "No snapshot for the year, the pass standard not met, an application "
            + "of the year under way or decided, or the year's score being recomputed (with Retry-After)")
    public Response apply(@PathParam("code") String region, @Valid ApplicationRequest body, @Context UriInfo uri) {
        access.checkReadable(region);
        Actor actor = actor();
        if (!region.equals(actor.region())) {
            throw ProblemException.forbidden("rule region-scope: a creation office of " + actor.region()
                    + " applies for its own region only, not for " + region);
        }
        ApplicationEntity app = applications.apply(region, body, actor);
        return Response.created(uri.getAbsolutePathBuilder().path(app.id.toString()).build())
                .entity(view(app)).build();
    }

    @GET
    @RolesAllowed({"score-reader", "catalogue-admin", "evidence-reviewer", "assessment-authority", "creation-office"})
    @Transactional
    @Operation(summary = "The applications of a region, newest year first")
    @APIResponse(responseCode = "200", description = "Every application of the region (of the year, when given)")
    public List<ApplicationView> list(@PathParam("code") String region,
            @Parameter(description = "only this assessment year") @QueryParam("year") Integer year) {
        access.checkReadable(region);
        List<ApplicationEntity> all = year == null
                ? ApplicationEntity.list("region", Sort.descending("year"), region)
                : ApplicationEntity.list("region = ?1 and year = ?2", region, year);
        return all.stream().map(this::view).toList();
    }

    @GET
    @Path("/awaiting")
    @RolesAllowed({"score-reader", "catalogue-admin", "evidence-reviewer", "assessment-authority", "creation-office"})
    @Transactional
    @Operation(summary = "The applications that wait for this region's decision",
            description = "Every application of this region and the regions under it whose next step this region decides: "
                    + "a city's or province's 推荐 or 退回, the nation's 命名 and 复核, a county's own resubmission after a "
                    + "return. Named, not named and revoked ones wait for nobody. The list an authority works through, "
                    + "newest year first.")
    @APIResponse(responseCode = "200", description = "The applications, each with the steps that may follow")
    @APIResponse(responseCode = "403", description = "The region is outside the token's region")
    public List<ApplicationView> awaiting(@PathParam("code") String region,
            @Parameter(description = "only this assessment year") @QueryParam("year") Integer year) {
        access.checkReadable(region);
        List<String> under = RegionEntity.selfAndBelow(region);
        List<ApplicationEntity> all = year == null
                ? ApplicationEntity.list("region in ?1", Sort.descending("year").and("region"), under)
                : ApplicationEntity.list("region in ?1 and year = ?2", Sort.ascending("region"), under, year);
        return all.stream().map(this::view)
                .filter(a -> a.awaitingDecision() && a.next().stream().anyMatch(n -> region.equals(n.decidingRegion())))
                .toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"score-reader", "catalogue-admin", "evidence-reviewer", "assessment-authority", "creation-office"})
    @Transactional
    @Operation(summary = "One application with its frozen snapshot, what may come next and its history")
    @APIResponse(responseCode = "404", description = "No such application of this region")
    public ApplicationView one(@PathParam("code") String region, @PathParam("id") String id) {
        access.checkReadable(region);
        return view(find(region, id));
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"assessment-authority", "creation-office"})
    @Operation(summary = "Decide: recommend, return, name or not, open and close a review (复核)",
            description = "SUBMITTED → RECOMMENDED_BY_CITY | RETURNED (the city above the region) → RECOMMENDED_BY_PROVINCE "
                    + "| RETURNED (the province) → NAMED | NOT_NAMED (CN); NAMED or CONFIRMED → REVIEW_DUE → CONFIRMED | "
                    + "REVOKED (CN). A county directly under its province has the province decide the city's step. Every "
                    + "decision needs a reason; it is kept in the history and published on score.events.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TransitionRequest.class)))
    @APIResponse(responseCode = "200", description = "The application in its new state")
    @APIResponse(responseCode = "400", description = "No or an unknown target state; no reason or one over "
            + ApplicationService.MAX_REASON + " characters")
    @APIResponse(responseCode = "403", description = "The caller's region is not the region or above it")
    @APIResponse(responseCode = "404", description = "No such application of this region")
    @APIResponse(responseCode = "409", description = "Out of order: names the state the application is in and the level "
            + "(and region) the transition needs")
    public ApplicationView transition(@PathParam("code") String region, @PathParam("id") String id, @Valid TransitionRequest body) {
        access.checkKnown(region);
        return view(applications.transition(region, parse(id), body, actor()));
    }

    @GET
    @Path("/{id}/diff-to-latest")
    @RolesAllowed({"score-reader", "catalogue-admin", "evidence-reviewer", "assessment-authority", "creation-office"})
    @Transactional
    @Operation(summary = "The frozen snapshot against the latest snapshot of the same region and year",
            description = "Totals, verdicts and first-level rates of both bases, and every indicator whose points or status "
                    + "changed since the application froze its snapshot.")
    public SnapshotDiff diff(@PathParam("code") String region, @PathParam("id") String id) {
        access.checkReadable(region);
        ApplicationEntity app = find(region, id);
        SnapshotEntity frozen = SnapshotEntity.findById(app.snapshotId);
        SnapshotEntity latest = SnapshotEntity.<SnapshotEntity>find("region = ?1 and year = ?2", Sort.descending("number"),
                app.region, app.year).firstResult();
        return SnapshotDiff.of(app.id, SnapshotStore.read(frozen), SnapshotStore.read(latest));
    }

    private ApplicationEntity find(String region, String id) {
        ApplicationEntity app = ApplicationEntity.findById(parse(id));
        if (app == null || !app.region.equals(region)) {
            throw ProblemException.notFound("no application " + id + " of region " + region);
        }
        return app;
    }

    private static UUID parse(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            if (uuid.toString().equalsIgnoreCase(id)) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        throw ProblemException.badRequest("path segment 'id' is not an application id", List.of(
                new Problem.FieldError("id", "path segment 'id' must be an application id (a UUID)"))).typed(ProblemType.INVALID_FIELD);
    }

    private ApplicationView view(ApplicationEntity app) {
        return ApplicationView.of(app, applications.history(app.id));
    }

    private Actor actor() {
        Caller caller = Caller.of(identity);
        return new Actor(caller.user(), caller.region());
    }
}
