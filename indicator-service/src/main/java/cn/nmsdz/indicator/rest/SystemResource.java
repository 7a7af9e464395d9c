package cn.nmsdz.indicator.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Min;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.indicator.catalogue.CatalogueService;
import cn.nmsdz.indicator.catalogue.IndicatorSystemEntity;
import cn.nmsdz.indicator.domain.diff.SystemDiff;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/systems")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicator systems", description = "The versioned official catalogue: indicators, items, rules, pass standard. "
        + "A version is DRAFT (changeable), then PUBLISHED (immutable), then RETIRED.")
@APIResponse(responseCode = "401", description = "No valid bearer token (Keycloak realm nmsdz, audience nmsdz-api)")
@APIResponse(responseCode = "403", description = "The token lacks the role the operation needs (writes: catalogue-admin)")
@Authenticated
public class SystemResource {
    static final String SUMMARY_EXAMPLE = """
            {"code": "NMSDZ", "version": 2, "name": "全国网络市场监管与服务示范区创建评估指标体系", "status": "DRAFT",
             "createdAt": "2026-01-20T08:00:00Z", "publishedAt": null}""";
    static final String VIOLATIONS_EXAMPLE = """
            {"type": "urn:nmsdz:problem:rule:catalogue", "title": "Invalid indicator system", "status": 422,
             "detail": "2 rule(s) of the indicator system are violated",
             "errors": [{"field": "/firstLevel/0/maxPoints", "message": "children add up to 20 but the node has 21"},
                        {"field": "/passStandard/minFirstLevelRate", "message": "must be between 0 and 100"}]}""";

    /** Summary of one version of an indicator system. */
    @Schema(description = "One version of an indicator system and its status")
    public record SystemSummary(@Schema(example = "NMSDZ") String code, @Schema(example = "1") int version,
            @Schema(example = "全国网络市场监管与服务示范区创建评估指标体系") String name,
            @Schema(description = "DRAFT, PUBLISHED or RETIRED", example = "PUBLISHED") String status,
            OffsetDateTime createdAt, OffsetDateTime publishedAt) {
        static SystemSummary of(IndicatorSystemEntity e) {
            return new SystemSummary(e.code, e.version, e.name, e.status, e.createdAt, e.publishedAt);
        }
    }

    @Inject
    CatalogueService catalogue;

    @GET
    @Operation(summary = "List indicator systems", description = "Every version of every indicator system, with its status.")
    @APIResponse(responseCode = "200", description = "Versions ordered by code and version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "versions", value = "[" + SUMMARY_EXAMPLE + "]")))
    public List<SystemSummary> list() {
        return IndicatorSystemEntity.listOrdered().stream().map(SystemSummary::of).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Get a whole indicator system",
            description = "The whole tree (first-level, second-level, 41 indicators with items and rules), metrics and pass "
                    + "standard of the latest published version, or of the given version (any status).")
    @APIResponse(responseCode = "200", description = "The indicator system")
    @APIResponse(responseCode = "404", description = "No such system or version, or none published")
    public IndicatorSystemDocument get(@Parameter(description = "system code", example = "NMSDZ") @PathParam("code") String code,
            @Parameter(description = "a version number; default: the latest published") @QueryParam("version") @Min(1) Integer version) {
        return catalogue.document(entity(code, version));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("catalogue-admin")
    @Operation(summary = "Import an indicator system as a new DRAFT",
            description = "Validates the whole system (tree, point sums, items, rules, metrics, pass standard) and reports "
                    + "every violation at once; an invalid system is never stored. The body is the shape of "
                    + "GET /api/v1/systems/{code}; its code and version name the new version.")
    @APIResponse(responseCode = "201", description = "Stored as DRAFT",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SystemSummary.class),
                    examples = @ExampleObject(name = "draft", value = SUMMARY_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No body, or not JSON")
    @APIResponse(responseCode = "409", description = "That code and version exist already")
    @APIResponse(responseCode = "422", description = "Every violation, each with a JSON pointer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "violations", value = VIOLATIONS_EXAMPLE)))
    public Response importSystem(IndicatorSystemDocument document) {
        if (document == null) {
            throw ProblemException.missingBody("a JSON indicator system").chinese("缺少请求体：需要 JSON 格式的指标体系");
        }
        IndicatorSystemEntity entity = catalogue.importDraft(document);
        return Response.status(201).entity(SystemSummary.of(entity)).build();
    }

    @POST
    @Path("/{code}/drafts")
    @RolesAllowed("catalogue-admin")
    @Operation(summary = "Start a new DRAFT from a published version",
            description = "Copies the document of version `from` under the next version number of the code (e.g. the 2026 "
                    + "revision of the pass standard starts as a copy of version 1). Change it with PUT, then publish it.")
    @APIResponse(responseCode = "201", description = "The new DRAFT",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SystemSummary.class),
                    examples = @ExampleObject(name = "draft", value = SUMMARY_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "`from` is missing")
    @APIResponse(responseCode = "404", description = "No such system or version")
    @APIResponse(responseCode = "409", description = "`from` is itself a DRAFT")
    public Response startDraft(@Parameter(description = "system code", example = "NMSDZ") @PathParam("code") String code,
            @Parameter(description = "the published version to start from", required = true, example = "1")
            @QueryParam("from") @NotNull @Min(1) Integer from) {
        IndicatorSystemEntity entity = catalogue.startDraft(code, from);
        return Response.status(201).entity(SystemSummary.of(entity)).build();
    }

    @PUT
    @Path("/{code}/versions/{version}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("catalogue-admin")
    @Operation(summary = "Replace the document of a DRAFT",
            description = "Validated like an import (every violation reported, nothing stored when invalid). Only a DRAFT "
                    + "changes: a PUBLISHED or RETIRED version is immutable.")
    @APIResponse(responseCode = "200", description = "The changed DRAFT",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SystemSummary.class)))
    @APIResponse(responseCode = "400", description = "No body, or a code or version that differs from the path")
    @APIResponse(responseCode = "404", description = "No such system or version")
    @APIResponse(responseCode = "409", description = "The version is PUBLISHED or RETIRED")
    @APIResponse(responseCode = "422", description = "Every violation, each with a JSON pointer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "violations", value = VIOLATIONS_EXAMPLE)))
    public SystemSummary updateDraft(@Parameter(description = "system code", example = "NMSDZ") @PathParam("code") String code,
            @Parameter(description = "the DRAFT version", example = "2") @PathParam("version") int version,
            IndicatorSystemDocument document) {
        if (document == null) {
            throw ProblemException.missingBody("a JSON indicator system").chinese("缺少请求体：需要 JSON 格式的指标体系");
        }
        return SystemSummary.of(catalogue.updateDraft(code, version, document));
    }

    @POST
    @Path("/{code}/publish")
    @RolesAllowed("catalogue-admin")
    @Operation(summary = "Publish a DRAFT version",
            description = "Makes it immutable, makes it the latest published version of its code if it is the highest, and "
                    + "announces the whole system on catalogue.events (system-published).")
    @APIResponse(responseCode = "200", description = "The published version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SystemSummary.class)))
    @APIResponse(responseCode = "400", description = "`version` is missing")
    @APIResponse(responseCode = "404", description = "No such system or version")
    @APIResponse(responseCode = "409", description = "The version is not a DRAFT")
    public SystemSummary publish(@Parameter(description = "system code", example = "NMSDZ") @PathParam("code") String code,
            @Parameter(description = "the DRAFT version to publish", required = true, example = "2") @QueryParam("version") @NotNull @Min(1) Integer version) {
        return SystemSummary.of(catalogue.publish(code, version));
    }

    @POST
    @Path("/{code}/retire")
    @RolesAllowed("catalogue-admin")
    @Operation(summary = "Retire a PUBLISHED version",
            description = "It stays readable by version but is no longer served as the latest published version. Announced "
                    + "on catalogue.events (system-retired).")
    @APIResponse(responseCode = "200", description = "The retired version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SystemSummary.class)))
    @APIResponse(responseCode = "400", description = "`version` is missing")
    @APIResponse(responseCode = "404", description = "No such system or version")
    @APIResponse(responseCode = "409", description = "The version is not PUBLISHED")
    public SystemSummary retire(@Parameter(description = "system code", example = "NMSDZ") @PathParam("code") String code,
            @Parameter(description = "the PUBLISHED version to retire", required = true, example = "1") @QueryParam("version") @NotNull @Min(1) Integer version) {
        return SystemSummary.of(catalogue.retire(code, version));
    }

    @GET
    @Path("/{code}/diff")
    @Operation(summary = "What changed between two versions",
            description = "Changed, added and removed nodes (names, points, indicator texts), items, rules (by indicator), "
                    + "metrics and pass standard. Numbers compare by value.")
    @APIResponse(responseCode = "200", description = "The differences",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SystemDiff.class),
                    examples = @ExampleObject(name = "the 2026 revision", value = """
                            {"code": "NMSDZ", "from": 1, "to": 2, "system": [],
                             "passStandard": [{"change": "CHANGED", "code": null, "field": "minFirstLevelRate", "before": 75, "after": 80}],
                             "nodes": [], "items": [], "rules": [], "metrics": []}""")))
    @APIResponse(responseCode = "400", description = "`from` or `to` is missing")
    @APIResponse(responseCode = "404", description = "No such system or version")
    public SystemDiff diff(@Parameter(description = "system code", example = "NMSDZ") @PathParam("code") String code,
            @Parameter(description = "the older version", required = true, example = "1") @QueryParam("from") @NotNull @Min(1) Integer from,
            @Parameter(description = "the newer version", required = true, example = "2") @QueryParam("to") @NotNull @Min(1) Integer to) {
        return SystemDiff.between(catalogue.document(entity(code, from)), catalogue.document(entity(code, to)));
    }

    private static IndicatorSystemEntity entity(String code, Integer version) {
        return (version == null
                ? IndicatorSystemEntity.latestPublished(code)
                : IndicatorSystemEntity.byVersion(code, version))
                .orElseThrow(() -> ProblemException.notFound("no indicator system " + code
                        + (version == null ? " is published" : " version " + version))
                        .chinese(version == null ? "指标体系 " + code + " 没有已发布的版本"
                                : "没有指标体系 " + code + " 的版本 " + version));
    }
}
