package cn.nmsdz.indicator.rest;

import cn.nmsdz.support.rest.PersonalData;
import cn.nmsdz.indicator.domain.decomposition.DecompositionEntry;
import cn.nmsdz.indicator.domain.decomposition.Department;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import cn.nmsdz.indicator.organisation.LeadershipGroup;
import cn.nmsdz.indicator.organisation.DecompositionService;
import cn.nmsdz.indicator.organisation.DepartmentService;
import cn.nmsdz.indicator.organisation.OrganisationViewService;
import cn.nmsdz.indicator.organisation.RegionOrganisations;
import cn.nmsdz.indicator.organisation.OrganisationViews.DecompositionView;
import cn.nmsdz.indicator.organisation.OrganisationViews.EntryRequest;
import cn.nmsdz.indicator.organisation.OrganisationViews.EntryView;
import cn.nmsdz.indicator.organisation.OrganisationViews.PlanView;
import cn.nmsdz.indicator.workbook.DecompositionSheets;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.ProblemType;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Departments, creation plan, leadership group and task decomposition of a region. */
@Path("/api/v1/regions/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Departments and decomposition",
        description = "Per region: its departments, its creation plan and tasks, and which tasks and departments own each indicator")
@APIResponse(responseCode = "401", description = "No valid bearer token (Keycloak realm nmsdz, audience nmsdz-api)")
@APIResponse(responseCode = "403", description = "The token lacks the role the operation needs (writes: catalogue-admin, or the region's own creation-office: rule own-region), "
        + "or reads the organisation of a region it does not read (rule region-scope)")
@Authenticated
@PersonalData // departments, officials, submitters and reviewers by name: never cached
public class OrganisationResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    // the two import methods share one OpenAPI operation (same path and verb): one text for both
    static final String SHEET_IMPORT_SUMMARY = "Import the 任务分解表 of a region from Excel";
    static final String SHEET_IMPORT_DESCRIPTION = "The workbook (as exported by GET …/decomposition.xlsx) as the body with the "
            + ".xlsx media type, or as field `file` of a multipart form. The sheet becomes the region's whole decomposition: "
            + "rows are found by 编号, units by name, alias or code (separated by 、), tasks by their leading number "
            + "('1.加快…'), measures by their heading ('(二)…'); '-' means none. All or nothing: every problem is reported "
            + "with its row and column. Announced on catalogue.events (decomposition-changed).";
    static final String DEPARTMENT_EXAMPLE = """
            {"code": "500118-market-supervision", "name": "重庆市永川区市场监督管理局",
             "aliases": ["区市场监管局"], "kind": "GOVERNMENT_DEPARTMENT", "members": []}""";

    @Inject
    RegionOrganisations organisations;

    @Inject
    DepartmentService departments;

    @Inject
    DecompositionService decomposition;

    @Inject
    OrganisationViewService views;

    @Inject
    DecompositionSheets sheets;

    @Inject
    OrganisationAccess access;

    public static final String READ_RULE = " Read by a token of this region or a region above it (CN: all), an expert assigned to it "
            + "and the catalogue admin; others get 403.";

    @GET
    @Path("/departments")
    @Operation(summary = "List the departments of a region",
            description = "Every department of the region with its code (what tokens carry in their department claim), "
                    + "official name, the short names the documents use, and its kind." + READ_RULE)
    @APIResponse(responseCode = "200", description = "The departments, in the order of the plan")
    @APIResponse(responseCode = "404", description = "Unknown region")
    public List<Department> departments(@Parameter(description = "region code", example = "500118") @PathParam("code") String code) {
        access.requireRead(code);
        return organisations.organisation(code).departments();
    }

    @POST
    @Path("/departments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"catalogue-admin", "creation-office"})
    @Operation(summary = "Add a department to a region",
            description = "Codes are <region>-<slug>; a name or alias may denote one department only. "
                    + "Announced with the region's whole decomposition on catalogue.events (decomposition-changed).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DepartmentInput.class),
            examples = @ExampleObject(name = "department", value = DEPARTMENT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "No body, or fields that break their constraints (invalid-field)")
    @APIResponse(responseCode = "404", description = "Unknown region")
    @APIResponse(responseCode = "409", description = "The code exists already")
    @APIResponse(responseCode = "422", description = "Every problem with the department in its region, each with its field")
    public Response createDepartment(@PathParam("code") String code, @Valid DepartmentInput department) {
        access.requireWrite(code);
        if (department == null) {
            throw ProblemException.missingBody("a JSON department").chinese("缺少请求体：需要 JSON 格式的部门");
        }
        return Response.status(201).entity(departments.createDepartment(code, department.department())).build();
    }

    @PUT
    @Path("/departments/{department}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"catalogue-admin", "creation-office"})
    @Operation(summary = "Create or change a department",
            description = "Replaces name, aliases, kind and members. Announced on catalogue.events (decomposition-changed).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DepartmentInput.class),
            examples = @ExampleObject(name = "department", value = DEPARTMENT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Stored")
    @APIResponse(responseCode = "400", description = "No body, a code that differs from the path, or fields that break "
            + "their constraints (invalid-field)")
    @APIResponse(responseCode = "404", description = "Unknown region")
    @APIResponse(responseCode = "422", description = "Every problem with the department in its region, each with its field")
    public Department putDepartment(@PathParam("code") String code,
            @Parameter(description = "department code", example = "500118-market-supervision") @PathParam("department")
            @Size(max = DepartmentInput.CODE_MAX) @Pattern(regexp = DepartmentInput.CODE) String department,
            @Valid DepartmentInput body) {
        access.requireWrite(code);
        if (body == null) {
            throw ProblemException.missingBody("a JSON department").chinese("缺少请求体：需要 JSON 格式的部门");
        }
        return departments.putDepartment(code, department, body.department());
    }

    @DELETE
    @Path("/departments/{department}")
    @RolesAllowed({"catalogue-admin", "creation-office"})
    @Operation(summary = "Remove a department",
            description = "Only a department that no plan task, decomposition entry, collective or leadership group names. "
                    + "Announced on catalogue.events (decomposition-changed).")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "Unknown region or department")
    @APIResponse(responseCode = "409", description = "Still named somewhere; the detail says where")
    public void deleteDepartment(@PathParam("code") String code,
            @Parameter(description = "department code", example = "500118-market-supervision") @PathParam("department") String department) {
        access.requireWrite(code);
        departments.deleteDepartment(code, department);
    }

    @GET
    @Path("/decomposition")
    @Operation(summary = "The task decomposition of a region",
            description = "Per indicator of the published indicator system (code and verbatim name): the linked plan tasks "
                    + "and measures with their titles, the lead units (牵头单位) and responsible units (责任单位) with their names." + READ_RULE)
    @APIResponse(responseCode = "200", description = "The decomposition, in indicator order")
    @APIResponse(responseCode = "404", description = "Unknown region")
    public DecompositionView decomposition(@Parameter(description = "region code", example = "500118") @PathParam("code") String code) {
        access.requireRead(code);
        return views.decomposition(code);
    }

    @PUT
    @Path("/decomposition/{indicator}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"catalogue-admin", "creation-office"})
    @Operation(summary = "Set who owns one indicator in a region",
            description = "Replaces the entry of the indicator: tasks and measures of the region's plan by number, lead and "
                    + "responsible units by department code. Announced on catalogue.events (decomposition-changed): it "
                    + "decides which departments may submit evidence for the indicator.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntryRequest.class),
            examples = @ExampleObject(name = "indicator 1 of 永川区", value = """
                    {"tasks": [1, 2, 3, 4, 5, 6], "measures": [], "leadUnits": ["500118-commerce"],
                     "responsibleUnits": ["500118-statistics"]}""")))
    @APIResponse(responseCode = "200", description = "The stored entry with names")
    @APIResponse(responseCode = "400", description = "No body")
    @APIResponse(responseCode = "404", description = "Unknown region")
    @APIResponse(responseCode = "422", description = "Every unknown indicator, task, measure or department, each with its field")
    public EntryView putEntry(@PathParam("code") String code,
            @Parameter(description = "indicator code", example = "1") @PathParam("indicator") String indicator,
            @Valid EntryRequest body) {
        access.requireWrite(code);
        if (body == null) {
            throw ProblemException.missingBody("a JSON decomposition entry").chinese("缺少请求体：需要 JSON 格式的任务分解表条目");
        }
        decomposition.putEntry(code, new DecompositionEntry(indicator, body.tasks(), body.measures(), body.leadUnits(),
                body.responsibleUnits()));
        return views.decomposition(code).entries().stream().filter(e -> e.indicator().equals(indicator))
                .findFirst().orElseThrow();
    }

    @GET
    @Path("/plan")
    @Operation(summary = "The creation plan of a region",
            description = "Title and source document of the plan, its numbered work tasks (section, number, title, text, "
                    + "lead and responsible units) and its implementation measures." + READ_RULE)
    @APIResponse(responseCode = "200", description = "The plan")
    @APIResponse(responseCode = "404", description = "Unknown region, or a region without a plan")
    public PlanView plan(@Parameter(description = "region code", example = "140829") @PathParam("code") String code) {
        access.requireRead(code);
        return views.plan(code).orElseThrow(() -> ProblemException.notFound("region " + code + " has no plan")
                .chinese("地区 " + code + " 没有创建方案"));
    }

    @GET
    @Path("/leadership-group")
    @Operation(summary = "The creation leadership group of a region",
            description = "Members by role (组长, 副组长, 成员) with position and department, and the group's office "
                    + "(平陆县 附件1)." + READ_RULE)
    @APIResponse(responseCode = "200", description = "The leadership group")
    @APIResponse(responseCode = "404", description = "Unknown region, or a region whose plan names no group")
    public LeadershipGroup leadership(@Parameter(description = "region code", example = "140829") @PathParam("code") String code) {
        access.requireRead(code);
        return views.leadership(code)
                .orElseThrow(() -> ProblemException.notFound("region " + code + " has no leadership group")
                        .chinese("地区 " + code + " 没有领导小组"));
    }

    @GET
    @Path("/decomposition.xlsx")
    @Produces(XLSX)
    @Operation(summary = "The 任务分解表 of a region as an Excel workbook",
            description = "The seeds' column layout (一级指标, 二级指标, 编号, 变量性质, 三级指标, 指标说明及打分标准, "
                    + "涉及方案中具体工作任务, 牵头单位, 责任单位), one row per indicator, first- and second-level cells "
                    + "merged. Tasks one per line as '<number>.<title>' (measures by their heading, e.g. '(二)加强机制保障'), "
                    + "units by name separated by 、. Importing it unchanged gives back the same decomposition." + READ_RULE)
    @APIResponse(responseCode = "200", description = "The workbook",
            content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "Unknown region")
    public Response exportSheet(@Parameter(description = "region code", example = "500118") @PathParam("code") String code) {
        access.requireRead(code);
        byte[] workbook = sheets.exportSheet(code);
        return Response.ok(workbook, XLSX)
                .header("Content-Disposition", "attachment; filename=\"decomposition-" + code + ".xlsx\"")
                .build();
    }

    @POST
    @Path("/decomposition.xlsx")
    @Consumes(XLSX)
    @RolesAllowed({"catalogue-admin", "creation-office"})
    @Operation(operationId = "importDecompositionXlsx", summary = SHEET_IMPORT_SUMMARY, description = SHEET_IMPORT_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The decomposition now stored")
    @APIResponse(responseCode = "400", description = "No body")
    @APIResponse(responseCode = "404", description = "Unknown region")
    @APIResponse(responseCode = "422", description = "Every problem by row and column; nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown unit", value = """
                            {"type": "urn:nmsdz:problem:rule:decomposition", "title": "Invalid 任务分解表", "status": 422,
                             "detail": "1 problem(s) found; nothing was imported",
                             "errors": [{"field": "/rows/7/牵头单位", "message": "row 7: '区商务局' is no department of region 500118 (use a department's name, alias or code)"}]}""")))
    public DecompositionView importSheet(@PathParam("code") String code, byte[] workbook) {
        access.requireWrite(code);
        if (workbook == null || workbook.length == 0) {
            throw ProblemException.missingBody("an .xlsx body").chinese("缺少请求体：需要 .xlsx 工作簿");
        }
        sheets.importSheet(code, new java.io.ByteArrayInputStream(workbook));
        return views.decomposition(code);
    }

    @POST
    @Path("/decomposition.xlsx")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({"catalogue-admin", "creation-office"})
    @Operation(operationId = "uploadDecompositionXlsx", summary = SHEET_IMPORT_SUMMARY, description = SHEET_IMPORT_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The decomposition now stored")
    @APIResponse(responseCode = "400", description = "No file")
    @APIResponse(responseCode = "404", description = "Unknown region")
    @APIResponse(responseCode = "422", description = "Every problem by row and column; nothing stored")
    public DecompositionView uploadSheet(@PathParam("code") String code,
            @RestForm("file") @Schema(type = SchemaType.STRING, format = "binary") FileUpload file) {
        access.requireWrite(code);
        if (file == null) {
            throw ProblemException.badRequest("form field 'file' is required", List.of(new Problem.FieldError("file", "required")))
                    .typed(ProblemType.INVALID_FIELD).chinese("缺少表单字段 file");
        }
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file.uploadedFile())) {
            sheets.importSheet(code, in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return views.decomposition(code);
    }
}
