package cn.nmsdz.evidence.rest;

import cn.nmsdz.evidence.ledger.EvidenceEntity;
import cn.nmsdz.evidence.ledger.EvidenceView;
import cn.nmsdz.evidence.idempotency.Idempotency;
import cn.nmsdz.evidence.observation.ObservationInput;
import cn.nmsdz.evidence.observation.ObservationService;
import cn.nmsdz.support.access.Caller;
import cn.nmsdz.evidence.security.RegionScope;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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

    @POST
    @Path("/regions/{code}/observations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"evidence-submitter", "data-provider"})
    @Operation(summary = "Submit metric observations (one or a batch)",
            description = "A JSON object for one observation, or an array of up to 10,000. All-or-nothing: every bad row "
                    + "is reported by index and reason, and nothing is stored. Observations of a data-provider are "
                    + "ACCEPTED on arrival; others are SUBMITTED for review. A submitter writes only figures of "
                    + "indicators its department owns in the region's task decomposition.")
    @APIResponse(responseCode = "201", description = "Stored; the new evidence records")
    @APIResponse(responseCode = "400", description = "Every problem of every row")
    @APIResponse(responseCode = "403", description = "Not your region, or not your department's indicator")
    @APIResponse(responseCode = "413", description = "More than 10,000 rows, or a body over the JSON limit "
            + "(nmsdz.json.max-body-size, 8 MiB): nothing is stored; send the rest in another request")
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used for another request")
    // one transaction for the whole request: the region check, the idempotency key and the rows (issue 12: the region
    // check used to run and commit a transaction of its own before the one that stores, on every POST)
    @Transactional
    public Response submit(@PathParam("code") String region,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ObservationInput.class))) ObservationBatch batch,
            @Parameter(description = "makes a retried POST harmless: same key and body → the first response again")
            @HeaderParam(Idempotency.HEADER) String key, @Context UriInfo uri) {
        Caller caller = Caller.of(identity);
        regions.requireWrite(caller, region);
        try {
            return idempotency.execute(key, caller.user(), batch.fingerprint(), () -> {
                List<EvidenceEntity> stored = observations.submit(region, batch.rows(), caller);
                return Response.status(201).entity(stored.stream().map(EvidenceView::of).toList()).build();
            });
        } catch (ProblemException e) {
            throw batch.array() ? e : withinTheObject(e);
        }
    }

    /** The rows are checked by index (/0/year); a body of one object names its fields from the object (/year). */
    static ProblemException withinTheObject(ProblemException e) {
        return new ProblemException(e.status(), e.title(), e.getMessage(), e.errors().stream()
                .map(f -> new Problem.FieldError(withinTheObject(f.field()), f.message().replace(f.field(), withinTheObject(f.field()))))
                .toList()).chinese(e.chineseDetail(), e.chineseErrors() == null ? null : e.chineseErrors().stream()
                .map(f -> new Problem.FieldError(withinTheObject(f.field()), f.message().replace(f.field(), withinTheObject(f.field()))))
                .toList()).typed(e.type());
    }

    static String withinTheObject(String field) {
        return field != null && field.startsWith("/0/") ? field.substring(2) : field;
    }
}
