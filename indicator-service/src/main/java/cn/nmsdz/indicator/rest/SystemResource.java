package cn.nmsdz.indicator.rest;

import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.indicator.catalogue.CatalogueService;
import cn.nmsdz.indicator.catalogue.IndicatorSystemEntity;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.quarkus.security.Authenticated;

@Path("/api/v1/systems")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicator systems", description = "The versioned official catalogue: indicators, items, rules, pass standard")
@Authenticated
public class SystemResource {

    /** Summary of one version of an indicator system. */
    public record SystemSummary(String code, int version, String name, String status, OffsetDateTime createdAt,
            OffsetDateTime publishedAt) {
        static SystemSummary of(IndicatorSystemEntity e) {
            return new SystemSummary(e.code, e.version, e.name, e.status, e.createdAt, e.publishedAt);
        }
    }

    @Inject
    CatalogueService catalogue;

    @GET
    @Operation(summary = "List indicator systems", description = "Every version of every indicator system, with its status.")
    public List<SystemSummary> list() {
        return IndicatorSystemEntity.listOrdered().stream().map(SystemSummary::of).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Get a whole indicator system",
            description = "The whole tree (first-level, second-level, 41 indicators with items and rules) of the latest "
                    + "published version, or of the given version.")
    @APIResponse(responseCode = "200", description = "The indicator system")
    @APIResponse(responseCode = "404", description = "No such system or version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IndicatorSystemDocument get(@PathParam("code") String code,
            @Parameter(description = "a version number; default: the latest published") @QueryParam("version") Integer version) {
        IndicatorSystemEntity entity = (version == null
                ? IndicatorSystemEntity.latestPublished(code)
                : IndicatorSystemEntity.byVersion(code, version))
                .orElseThrow(() -> ProblemException.notFound("no indicator system " + code
                        + (version == null ? " is published" : " version " + version)));
        return catalogue.document(entity);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("catalogue-admin")
    @Operation(summary = "Import an indicator system as a new DRAFT",
            description = "Validates the whole system and reports every violation at once; an invalid system is never stored.")
    @APIResponse(responseCode = "201", description = "Stored as DRAFT")
    @APIResponse(responseCode = "422", description = "Every violation, each with a JSON pointer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public jakarta.ws.rs.core.Response importSystem(IndicatorSystemDocument document) {
        if (document == null) {
            throw ProblemException.badRequest("a JSON indicator system is required", List.of());
        }
        IndicatorSystemEntity entity = catalogue.importDraft(document);
        return jakarta.ws.rs.core.Response.status(201).entity(SystemSummary.of(entity)).build();
    }

    @POST
    @Path("/{code}/publish")
    @RolesAllowed("catalogue-admin")
    @Operation(summary = "Publish a DRAFT version", description = "Makes it immutable and announces it on catalogue.events.")
    public SystemSummary publish(@PathParam("code") String code,
            @Parameter(description = "the DRAFT version to publish", required = true) @QueryParam("version") Integer version) {
        if (version == null) {
            throw ProblemException.badRequest("query parameter 'version' is required",
                    List.of(new Problem.FieldError("version", "required")));
        }
        return SystemSummary.of(catalogue.publish(code, version));
    }
}
