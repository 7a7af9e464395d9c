package cn.nmsdz.evidence.rest;

import cn.nmsdz.evidence.core.EvidenceEntity;
import cn.nmsdz.evidence.core.EvidenceView;
import cn.nmsdz.evidence.idempotency.Idempotency;
import cn.nmsdz.evidence.idempotency.RequestFingerprint;
import cn.nmsdz.evidence.observation.ObservationInput;
import cn.nmsdz.evidence.observation.ObservationService;
import cn.nmsdz.evidence.security.Caller;
import cn.nmsdz.evidence.security.RegionScope;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.ProblemMappers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evidence", description = "Figures, documents, claims and expert verdicts submitted by departments and systems")
@Authenticated
public class ObservationResource {

    @Inject
    ObservationService observations;

    @Inject
    Idempotency idempotency;

    @Inject
    RegionScope regions;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    @POST
    @Path("/regions/{code}/observations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"evidence-submitter", "data-provider"})
    @Operation(summary = "Submit metric observations (one or a batch)",
            description = "A JSON object for one observation, or an array of up to 10,000. All-or-nothing: every bad row "
                    + "is reported by index and reason, and nothing is stored. Observations of a data-provider are "
                    + "ACCEPTED on arrival; others are SUBMITTED for review. A submitter writes only figures of "
                    + "indicators its department owns in the region's task decomposition.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ObservationInput.class)))
    @APIResponse(responseCode = "201", description = "Stored; the new evidence records")
    @APIResponse(responseCode = "400", description = "Every problem of every row")
    @APIResponse(responseCode = "403", description = "Not your region, or not your department's indicator")
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used for another request")
    public Response submit(@PathParam("code") String region, JsonNode body,
            @Parameter(description = "makes a retried POST harmless: same key and body → the first response again")
            @HeaderParam(Idempotency.HEADER) String key, @Context UriInfo uri) {
        Caller caller = Caller.of(identity);
        regions.requireWrite(caller, region);
        List<ObservationInput> rows = parse(body);
        return idempotency.execute(key, caller.user(), RequestFingerprint.of("POST", uri.getPath(), body), () -> {
            List<EvidenceEntity> stored = observations.submit(region, rows, caller);
            return Response.status(201).entity(stored.stream().map(EvidenceView::of).toList()).build();
        });
    }

    /** One object or an array; a malformed row is reported with its index, not as a generic error. */
    private List<ObservationInput> parse(JsonNode body) {
        if (body == null || body.isNull()) {
            throw ProblemException.badRequest("a JSON observation or an array of observations is required", List.of());
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(nodes::add);
        } else if (body.isObject()) {
            nodes.add(body);
        } else {
            throw ProblemException.badRequest("the body must be a JSON object or array", List.of());
        }
        List<ObservationInput> rows = new ArrayList<>(nodes.size());
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            try {
                rows.add(json.treeToValue(nodes.get(i), ObservationInput.class));
            } catch (JsonProcessingException e) {
                rows.add(null);
                String at = "/" + i + (e instanceof JsonMappingException m && ProblemMappers.pointer(m) != null
                        ? ProblemMappers.pointer(m) : "");
                errors.add(new Problem.FieldError(at, "unreadable observation: " + ProblemMappers.jsonDetail(e, at)));
            } catch (IllegalArgumentException e) {
                rows.add(null);
                errors.add(new Problem.FieldError("/" + i, "unreadable observation: " + String.valueOf(e.getMessage()).split("\n")[0]));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() + " unreadable row(s); nothing was stored", errors);
        }
        return rows;
    }
}
