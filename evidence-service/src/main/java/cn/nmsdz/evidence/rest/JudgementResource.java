package cn.nmsdz.evidence.rest;

import jakarta.validation.Validator;
import cn.nmsdz.evidence.ledger.EvidenceView;
import cn.nmsdz.evidence.idempotency.Idempotency;
import cn.nmsdz.evidence.idempotency.RequestFingerprint;
import cn.nmsdz.evidence.judgement.JudgementInput;
import cn.nmsdz.evidence.judgement.JudgementService;
import cn.nmsdz.support.access.Caller;
import cn.nmsdz.evidence.security.RegionScope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Self-assessment claims of departments and expert assessments. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Evidence", description = "Figures, documents, claims and expert verdicts submitted by departments and systems")
@Authenticated
public class JudgementResource {

    @Inject
    JudgementService judgements;

    @Inject
    Idempotency idempotency;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @POST
    @Path("/regions/{code}/claims")
    @RolesAllowed("evidence-submitter")
    @Operation(summary = "Submit a self-assessment claim",
            description = "A department says an item (satisfied true/false) or a whole indicator (satisfied, or points) "
                    + "is met, pointing at documents. SUBMITTED for review; counts only in the projected total, "
                    + "and only where no expert has judged.")
    @RequestBody(content = @Content(schema = @Schema(implementation = JudgementInput.class)))
    @APIResponse(responseCode = "201", description = "The new claim")
    @APIResponse(responseCode = "400", description = "Every problem of the claim")
    @APIResponse(responseCode = "403", description = "Not your region, or not your department's indicator")
    public Response claim(@PathParam("code") String region, JsonNode body,
            @HeaderParam(Idempotency.HEADER) String key, @Context UriInfo uri) {
        Caller caller = Caller.of(identity);
        RegionScope.requireOwn(caller, region, "a department claims", "部门提交自评");
        JudgementInput input = Bodies.read(json, validator, body, JudgementInput.class, true);
        return idempotency.execute(key, caller.user(), RequestFingerprint.of("POST", uri.getPath(), body),
                () -> Response.status(201).entity(EvidenceView.of(judgements.claim(region, input, caller))).build());
    }

    @POST
    @Path("/regions/{code}/assessments")
    @RolesAllowed("expert")
    @Operation(summary = "Give an expert assessment",
            description = "A yes/no verdict on an item that an expert decides, or points (0 … maximum) for a whole "
                    + "expert_points indicator, with a comment. ACCEPTED on arrival. To revise, assess again: every "
                    + "verdict is kept, and the latest of each expert counts.")
    @RequestBody(content = @Content(schema = @Schema(implementation = JudgementInput.class)))
    @APIResponse(responseCode = "201", description = "The new assessment")
    @APIResponse(responseCode = "400", description = "Every problem of the assessment")
    @APIResponse(responseCode = "403", description = "A region the expert is not assigned to")
    public Response assess(@PathParam("code") String region, JsonNode body,
            @HeaderParam(Idempotency.HEADER) String key, @Context UriInfo uri) {
        Caller caller = Caller.of(identity);
        RegionScope.requireAssigned(caller, region);
        JudgementInput input = Bodies.read(json, validator, body, JudgementInput.class, true);
        return idempotency.execute(key, caller.user(), RequestFingerprint.of("POST", uri.getPath(), body),
                () -> Response.status(201).entity(EvidenceView.of(judgements.assess(region, input, caller))).build());
    }
}
