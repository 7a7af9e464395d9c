package cn.nmsdz.evidence.rest;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import cn.nmsdz.support.rest.WholeNumber;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import cn.nmsdz.support.rest.PersonalData;
import cn.nmsdz.evidence.ledger.EvidenceEntity;
import cn.nmsdz.evidence.ledger.EvidenceVersionEntity;
import cn.nmsdz.evidence.ledger.EvidenceVersionView;
import cn.nmsdz.evidence.ledger.EvidenceView;
import cn.nmsdz.events.evidence.EvidenceKind;
import cn.nmsdz.events.evidence.ReviewState;
import cn.nmsdz.evidence.idempotency.Idempotency;
import cn.nmsdz.evidence.idempotency.RequestFingerprint;
import cn.nmsdz.evidence.review.ReviewInput;
import cn.nmsdz.evidence.review.ReviewService;
import cn.nmsdz.evidence.review.WithdrawInput;
import cn.nmsdz.support.access.Caller;
import cn.nmsdz.evidence.security.RegionScope;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reading evidence (filtered lists, one record, its history) and its review workflow. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evidence", description = "Figures, documents, claims and expert verdicts submitted by departments and systems")
@Authenticated
@PersonalData // departments, officials, submitters and reviewers by name: never cached
public class EvidenceResource {
    /** The words of the kind and state filters (events' EvidenceKind and ReviewState; RequestPipelineTest keeps them equal). */
    public static final String KIND = "OBSERVATION|DOCUMENT|CLAIM|ASSESSMENT";
    public static final String STATE = "SUBMITTED|ACCEPTED|REJECTED|WITHDRAWN";


    @Inject
    ReviewService reviews;

    @Inject
    Idempotency idempotency;

    @Inject
    RegionScope regions;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @GET
    @Path("/regions/{code}/evidence")
    @RolesAllowed({"evidence-submitter", "evidence-reviewer", "data-provider", "expert", "catalogue-admin"})
    @Transactional
    @Operation(summary = "Evidence of a region, newest first",
            description = "Filtered by indicator, kind, state, department, year and metric (all optional, combined with AND); "
                    + "paginated with page (0-based) and size; newest change first. X-Total-Count gives the number of matches.")
    @APIResponse(responseCode = "200", description = "The page of evidence")
    @APIResponse(responseCode = "400", description = "A bad filter or page")
    public Response list(@PathParam("code") String region,
            @QueryParam("indicator") String indicator,
            @Parameter(description = "OBSERVATION, DOCUMENT, CLAIM or ASSESSMENT") @QueryParam("kind") @Pattern(regexp = KIND) String kind,
            @Parameter(description = "SUBMITTED, ACCEPTED, REJECTED or WITHDRAWN") @QueryParam("state") @Pattern(regexp = STATE) String state,
            @QueryParam("department") String department,
            @Parameter(description = "metric code of observations") @QueryParam("metric") String metric,
            // the numbers are constraints on their text (not int) so that every bad filter, a word where a number
            // belongs included, is named in one invalid-field problem; the OpenAPI types them as integers
            @Parameter(description = "statistical year of observations, assessment year of claims and expert assessments",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1900", maximum = "2200"))
            @QueryParam("year") @WholeNumber(min = 1900, max = 2200) String year,
            @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000000",
                    defaultValue = "0"))
            @QueryParam("page") @DefaultValue("0") @WholeNumber(min = 0, max = 1_000_000) String page,
            @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500",
                    defaultValue = "50"))
            @QueryParam("size") @DefaultValue("50") @WholeNumber(min = 1, max = 500) String size) {
        regions.requireRead(Caller.of(identity), region);
        StringBuilder where = new StringBuilder("region = :region");
        Map<String, Object> params = new HashMap<>();
        params.put("region", region);
        if (indicator != null) {
            where.append(" and indicator = :indicator");
            params.put("indicator", indicator);
        }
        if (kind != null) {
            where.append(" and kind = :kind");
            params.put("kind", kind);
        }
        if (state != null) {
            where.append(" and state = :state");
            params.put("state", state);
        }
        if (department != null) {
            where.append(" and department = :department");
            params.put("department", department);
        }
        if (metric != null) {
            where.append(" and metric = :metric");
            params.put("metric", metric);
        }
        if (year != null) {
            int y = Integer.parseInt(year);
            // a document matches the years it names
            where.append(" and (year = :year or (kind = 'DOCUMENT' and concat(',', years, ',') like :yearInList))");
            params.put("year", y);
            params.put("yearInList", "%," + y + ",%");
        }
        int p = Integer.parseInt(page);
        int s = Integer.parseInt(size);
        PanacheQuery<EvidenceEntity> query = EvidenceEntity.find(where.toString(), Sort.descending("position"), params);
        List<EvidenceView> views = query.page(Page.of(p, s)).list().stream().map(EvidenceView::of).toList();
        return Response.ok(views).header("X-Total-Count", query.count()).build();
    }

    @GET
    @Path("/evidence/{id}")
    @RolesAllowed({"evidence-submitter", "evidence-reviewer", "data-provider", "expert", "catalogue-admin"})
    @Transactional
    @Operation(summary = "One piece of evidence at its current version")
    @APIResponse(responseCode = "404", description = "No such evidence, or evidence of a region the caller does not read")
    public EvidenceView get(@PathParam("id") String id) {
        return EvidenceView.of(readable(id));
    }

    @GET
    @Path("/evidence/{id}/history")
    @RolesAllowed({"evidence-submitter", "evidence-reviewer", "data-provider", "expert", "catalogue-admin"})
    @Transactional
    @Operation(summary = "Every version of a piece of evidence, oldest first",
            description = "Evidence is never overwritten: each submission, review and withdrawal is a version with "
                    + "its full state, who made it and when.")
    @APIResponse(responseCode = "404", description = "No such evidence")
    public List<EvidenceVersionView> history(@PathParam("id") String id) {
        EvidenceEntity e = readable(id);
        return EvidenceVersionEntity.<EvidenceVersionEntity>find("evidenceId", Sort.ascending("version"), e.id)
                .list().stream().map(EvidenceVersionView::of).toList();
    }

    @POST
    @Path("/evidence/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("evidence-reviewer")
    @Operation(summary = "Accept or reject submitted evidence",
            description = "By a reviewer of the evidence's region who did not submit it (four eyes). Only SUBMITTED "
                    + "evidence can be reviewed; a rejection needs a reason. The decision is a new version, published as evidence reviewed.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReviewInput.class)))
    @APIResponse(responseCode = "200", description = "The evidence at its new version")
    @APIResponse(responseCode = "400", description = "Unknown decision, or a rejection without reason")
    @APIResponse(responseCode = "403", description = "Not a reviewer of this region, or the reviewer submitted it (four eyes)")
    @APIResponse(responseCode = "404", description = "No such evidence, or evidence of a region the caller does not read")
    @APIResponse(responseCode = "409", description = "Not SUBMITTED (already reviewed or withdrawn)")
    public Response review(@PathParam("id") String id, JsonNode body,
            @HeaderParam(Idempotency.HEADER) String key, @Context UriInfo uri) {
        UUID evidenceId = uuid(id);
        ReviewInput input = Bodies.read(json, validator, body, ReviewInput.class, true);
        Caller caller = Caller.of(identity);
        return idempotency.execute(key, caller.user(), RequestFingerprint.of("POST", uri.getPath(), body),
                () -> Response.ok(EvidenceView.of(reviews.review(evidenceId, input, caller))).build());
    }

    @POST
    @Path("/evidence/{id}/withdraw")
    @RolesAllowed({"evidence-submitter", "evidence-reviewer", "data-provider", "expert"})
    @Operation(summary = "Withdraw evidence (a new state, never a delete)",
            description = "By the submitting department, the submitter, or a reviewer of the region. The body "
                    + "{reason} is optional. SUBMITTED or ACCEPTED evidence can be withdrawn.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = WithdrawInput.class)))
    @APIResponse(responseCode = "200", description = "The evidence at its new version")
    @APIResponse(responseCode = "403", description = "Not the submitter's department nor a reviewer of the region")
    @APIResponse(responseCode = "404", description = "No such evidence, or evidence of a region the caller does not read")
    @APIResponse(responseCode = "409", description = "Already withdrawn or rejected")
    public Response withdraw(@PathParam("id") String id, JsonNode body,
            @HeaderParam(Idempotency.HEADER) String key, @Context UriInfo uri) {
        UUID evidenceId = uuid(id);
        WithdrawInput input = Bodies.read(json, validator, body, WithdrawInput.class, false);
        Caller caller = Caller.of(identity);
        return idempotency.execute(key, caller.user(), RequestFingerprint.of("POST", uri.getPath(), body),
                () -> Response.ok(EvidenceView.of(reviews.withdraw(evidenceId, input, caller))).build());
    }

    private EvidenceEntity readable(String id) {
        EvidenceEntity e = EvidenceEntity.findById(uuid(id));
        if (e == null) {
            throw ProblemException.notFound("no evidence " + id).chinese("没有佐证材料 " + id);
        }
        regions.requireVisible(Caller.of(identity), e.region, "no evidence " + id, "没有佐证材料 " + id);
        return e;
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no evidence " + id + " (not an evidence id)").chinese("没有佐证材料 " + id + "（不是佐证材料的 id）");
        }
    }
}
