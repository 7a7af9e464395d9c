package cn.nmsdz.indicator.rest;

import cn.nmsdz.events.catalogue.RegionData;
import cn.nmsdz.indicator.region.RegionEntity;
import cn.nmsdz.indicator.region.RegionService;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.ProblemType;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cn.nmsdz.indicator.region.RegionFiles;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions", description = "Administrative divisions with their level, parent and economic zone")
@APIResponse(responseCode = "401", description = "No valid bearer token (Keycloak realm nmsdz, audience nmsdz-api)")
@APIResponse(responseCode = "403", description = "The token lacks the role the operation needs (writes: catalogue-admin)")
@Authenticated
public class RegionResource {

    @Inject
    RegionService regions;

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String REGION_EXAMPLE = """
            {"code": "140829", "name": "平陆县", "level": "COUNTY", "parentCode": "140800", "zone": "CENTRAL"}""";
    static final String IMPORT_PROBLEM_EXAMPLE = """
            {"type": "urn:nmsdz:problem:rule:region-data", "title": "Invalid regions", "status": 422,
             "detail": "2 problem(s) found; nothing was imported",
             "errors": [{"field": "/rows/3/parentCode", "message": "row 3: parent 149900 is neither an existing region nor a row above this one"},
                        {"field": "/rows/5/level", "message": "row 5: level must be PROVINCE, CITY or COUNTY, not 'TOWN'"}]}""";

    // the three import methods share one OpenAPI operation (same path and verb): one text for all
    static final String IMPORT_SUMMARY = "Bulk import of regions from CSV or Excel";
    static final String IMPORT_DESCRIPTION = "One region per row under a header row naming code,name,level,parentCode,zone. "
            + "The body is CSV (text/csv, UTF-8), an Excel workbook (the .xlsx media type; first sheet), or a multipart "
            + "form whose field `file` holds either. All or nothing: every bad row is reported with its row number (the "
            + "header is row 1) and nothing is stored. A parent may be an existing region or a row above; a county "
            + "sits under a city, directly under a province only in a municipality (北京, 天津, 上海, 重庆: the districts "
            + "of 重庆市) or with a code xx90xx (county-level divisions a province administers itself). Zones are EAST, "
            + "CENTRAL, WEST, NORTHEAST or 东部, 中部, 西部, 东北; a city or county lies in its province's zone. Each stored region is announced on catalogue.events (region-changed).";

    /** Result of a bulk import. */
    @Schema(description = "What a bulk import stored")
    public record ImportResult(@Schema(example = "3") int imported, List<RegionData> regions) {
    }

    @GET
    @Operation(summary = "List regions", description = "Every region (the nation CN, provinces, cities and "
            + "counties/districts), or with parent= the regions directly under that one.")
    @APIResponse(responseCode = "200", description = "The regions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "regions", value = "[" + REGION_EXAMPLE + "]")))
    @APIResponse(responseCode = "404", description = "Unknown parent region")
    public List<RegionData> list(@Parameter(description = "only the regions directly under this region code", example = "140800")
            @QueryParam("parent") String parent) {
        if (parent == null) {
            return RegionEntity.<RegionEntity>listAll(io.quarkus.panache.common.Sort.by("code")).stream()
                    .map(RegionEntity::toData).toList();
        }
        if (RegionEntity.findById(parent) == null) {
            throw ProblemException.notFound("no region " + parent).chinese("没有地区 " + parent);
        }
        return RegionEntity.<RegionEntity>list("parentCode", io.quarkus.panache.common.Sort.by("code"), parent).stream()
                .map(RegionEntity::toData).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Get a region", description = "Administrative division code, name, level, parent and economic zone.")
    @APIResponse(responseCode = "200", description = "The region",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionData.class),
                    examples = @ExampleObject(name = "平陆县", value = REGION_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown region")
    public RegionData get(@Parameter(description = "region code", example = "140829") @PathParam("code") String code) {
        RegionEntity entity = RegionEntity.findById(code);
        if (entity == null) {
            throw ProblemException.notFound("no region " + code).chinese("没有地区 " + code);
        }
        return entity.toData();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("catalogue-admin")
    @Operation(summary = "Create or change a region",
            description = "Checked by the rules of a row of the bulk import: a 6-digit code, a name, the level, a parent "
                    + "that exists and can hold that level (PROVINCE under CN, CITY under a province, COUNTY under a city "
                    + "or a municipality, or a province for a code xx90xx) in the same province, and the zone, which for "
                    + "a city or county is its province's. Announced on catalogue.events "
                    + "(region-changed), keyed by region code.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionData.class),
            examples = @ExampleObject(name = "平陆县", value = REGION_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The region was created; Location is its address",
            headers = @Header(name = "Location", description = "/api/v1/regions/{code}"))
    @APIResponse(responseCode = "200", description = "The region existed and was changed")
    @APIResponse(responseCode = "400", description = "What is wrong with the region, field by field")
    public Response upsert(RegionData region) {
        if (region == null) {
            throw ProblemException.missingBody("a region").chinese("缺少请求体：需要一个地区");
        }
        boolean existed = region.code() != null && RegionEntity.findById(region.code()) != null;
        RegionData stored = regions.checkedUpsert(region).toData();
        return existed ? Response.ok(stored).build()
                // relative (RFC 9110): the service does not know the gateway's public address
                : Response.status(201).header("Location", "/api/v1/regions/" + stored.code()).entity(stored).build();
    }

    @POST
    @Path("/import")
    @Consumes("text/csv")
    @RolesAllowed("catalogue-admin")
    @Operation(operationId = "importRegionsCsv", summary = IMPORT_SUMMARY, description = IMPORT_DESCRIPTION)
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "运城市 with two counties", value = """
            code,name,level,parentCode,zone
            140800,运城市,CITY,140000,CENTRAL
            140802,盐湖区,COUNTY,140800,CENTRAL
            140829,平陆县,COUNTY,140800,CENTRAL""")))
    @APIResponse(responseCode = "200", description = "Every row stored")
    @APIResponse(responseCode = "400", description = "Not CSV, or a column missing from the header")
    @APIResponse(responseCode = "422", description = "Every bad row with its row number and column; nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad rows", value = IMPORT_PROBLEM_EXAMPLE)))
    public ImportResult importCsv(byte[] csv) {
        return imported(regions.importRows(RegionFiles.csv(csv == null ? new byte[0] : csv)));
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("catalogue-admin")
    @Operation(operationId = "importRegionsFile", summary = IMPORT_SUMMARY, description = IMPORT_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "Every row stored")
    @APIResponse(responseCode = "400", description = "No file, not a workbook or CSV, or a column missing from the header")
    @APIResponse(responseCode = "422", description = "Every bad row with its row number and column; nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad rows", value = IMPORT_PROBLEM_EXAMPLE)))
    public ImportResult importFile(@RestForm("file") @Schema(type = SchemaType.STRING, format = "binary") FileUpload file) {
        if (file == null) {
            throw ProblemException.badRequest("form field 'file' is required", List.of(new Problem.FieldError("file", "required")))
                    .typed(ProblemType.INVALID_FIELD).chinese("缺少表单字段 file");
        }
        try {
            String name = file.fileName() == null ? "" : file.fileName().toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith(".csv") || "text/csv".equals(file.contentType())) {
                return importCsv(java.nio.file.Files.readAllBytes(file.uploadedFile()));
            }
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(file.uploadedFile())) {
                return imported(regions.importRows(RegionFiles.xlsx(in)));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @POST
    @Path("/import")
    @Consumes(XLSX)
    @RolesAllowed("catalogue-admin")
    @Operation(operationId = "importRegionsXlsx", summary = IMPORT_SUMMARY, description = IMPORT_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "Every row stored")
    @APIResponse(responseCode = "400", description = "Not a workbook, or a column missing from the header")
    @APIResponse(responseCode = "422", description = "Every bad row with its row number and column; nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad rows", value = IMPORT_PROBLEM_EXAMPLE)))
    public ImportResult importXlsx(byte[] workbook) {
        if (workbook == null || workbook.length == 0) {
            throw ProblemException.missingBody("an .xlsx body").chinese("缺少请求体：需要 .xlsx 工作簿");
        }
        return imported(regions.importRows(RegionFiles.xlsx(new java.io.ByteArrayInputStream(workbook))));
    }

    private static ImportResult imported(List<RegionEntity> stored) {
        return new ImportResult(stored.size(), stored.stream().map(RegionEntity::toData).toList());
    }
}
