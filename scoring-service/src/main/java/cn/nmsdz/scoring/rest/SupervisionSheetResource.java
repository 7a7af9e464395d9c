package cn.nmsdz.scoring.rest;

import cn.nmsdz.scoring.security.RegionAccess;
import cn.nmsdz.scoring.progress.ProgressService;
import cn.nmsdz.scoring.progress.SupervisionWorkbook;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import cn.nmsdz.scoring.progress.ProgressViews.Board;
import cn.nmsdz.scoring.projection.RegionEntity;
import cn.nmsdz.support.rest.PersonalData;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The 督查通报 of a region's creation as an Excel workbook. */
@Path("/api/v1/regions/{code}/progress.xlsx")
@Tag(name = "Creation progress")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "creation-office, evidence-reviewer, score-reader or catalogue-admin of the "
        + "region or above (rule region-scope)")
@Authenticated
@PersonalData // responsible persons by name
public class SupervisionSheetResource {
    static final String XLSX = ProgressResource.XLSX;

    @Inject
    ProgressService progress;

    @Inject
    RegionAccess access;

    @GET
    @Produces(XLSX)
    @RolesAllowed({"creation-office", "evidence-reviewer", "score-reader", "catalogue-admin"})
    @Operation(summary = "督查通报: the supervision sheet of the creation office",
            description = "Sheet 督查通报: one row per department (承担指标数, 应得分, 已确认得分, 预计得分, 失分, 逾期事项, "
                    + "待审核材料, 退回待重报, 最近报送), worst first (most overdue, then most points lost). Sheet 逾期事项: every "
                    + "overdue indicator or item with its units and responsible persons. Text cells never become formulas.")
    @APIResponse(responseCode = "200", description = "The workbook",
            content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "Missing or impossible year")
    public Response sheet(@PathParam("code") String code,
            @Parameter(description = "Assessment year Y", example = "2026") @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        access.checkReadable(code);
        Board board = progress.board(code, year);
        RegionEntity region = RegionEntity.findById(code);
        String name = code + "-" + board.year() + ".xlsx";
        return Downloads.attachment(SupervisionWorkbook.write(board, region == null ? null : region.name), XLSX,
                "督查通报-" + name, "progress-" + name);
    }
}
