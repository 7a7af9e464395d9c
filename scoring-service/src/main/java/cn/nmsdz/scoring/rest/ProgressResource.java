package cn.nmsdz.scoring.rest;

import cn.nmsdz.scoring.security.RegionAccess;
import cn.nmsdz.scoring.progress.ProgressService;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import cn.nmsdz.support.access.Caller;
import cn.nmsdz.scoring.progress.ProgressViews.Board;
import cn.nmsdz.scoring.progress.ProgressViews.DepartmentList;
import cn.nmsdz.scoring.progress.ProgressViews.DepartmentRow;
import cn.nmsdz.scoring.progress.ProgressViews.IndicatorProgress;
import cn.nmsdz.scoring.progress.ProgressViews.IndicatorRow;
import cn.nmsdz.scoring.projection.RegionEntity;
import cn.nmsdz.support.rest.PersonalData;
import cn.nmsdz.support.rest.ProblemException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The creation's progress, computed from evidence, the latest snapshot and the campaign; never typed in. */
@Path("/api/v1/regions/{code}/progress") // not …/{code}: ScoreResource owns /api/v1 and a longer class path would hide it
@Tag(name = "Creation progress", description = "Progress board, a department's own list and the 督查通报")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Board: creation-office, evidence-reviewer, score-reader or catalogue-admin "
        + "of the region or above (rule region-scope); a department's list also its own submitters (rule own-department)")
@Authenticated
@PersonalData // responsible persons by name
public class ProgressResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String RULES = " Delivered means submitted or accepted evidence; overdue means a due date (of the indicator or "
            + "a scheduled item) before today (Asia/Shanghai) with nothing delivered; status NO_EVIDENCE, AWAITING_REVIEW, "
            + "ACCEPTED, AWAITING_EXPERT, FULL_POINTS or POINTS_LOST from the evidence and the year's latest snapshot.";

    @Inject
    ProgressService progress;

    @Inject
    RegionAccess access;

    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"creation-office", "evidence-reviewer", "score-reader", "catalogue-admin"})
    @Operation(summary = "The progress board of a region's creation",
            description = "Per indicator its status, due date and whether it is overdue; per department (lead or responsible) "
                    + "indicators owned, points possible, earned (confirmed and projected), lost, overdue, awaiting review, "
                    + "rejected to redo and last activity, worst first; per plan task done / on track / overdue with target "
                    + "and current value." + RULES)
    @APIResponse(responseCode = "200", description = "The board")
    @APIResponse(responseCode = "400", description = "Missing or impossible year")
    public Board board(@PathParam("code") String code,
            @Parameter(description = "Assessment year Y", example = "2026") @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        access.checkReadable(code);
        return progress.board(code, year);
    }

    @GET
    @Path("/departments/{department}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"creation-office", "evidence-reviewer", "score-reader", "catalogue-admin", "evidence-submitter"})
    @Operation(summary = "One department's own list: what it must still deliver, by when",
            description = "Its row of the board, the owned indicators with nothing delivered (earliest due date first) and "
                    + "every owned indicator. A submitter reads its own department's list only." + RULES)
    @APIResponse(responseCode = "200", description = "The department's list")
    @APIResponse(responseCode = "400", description = "Missing or impossible year")
    @APIResponse(responseCode = "404", description = "The decomposition names no such department")
    public DepartmentList department(@PathParam("code") String code, @PathParam("department") String department,
            @Parameter(description = "Assessment year Y", example = "2026") @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        int y = year;
        boolean boardReader = identity.hasRole("creation-office") || identity.hasRole("evidence-reviewer")
                || identity.hasRole("score-reader") || identity.hasRole("catalogue-admin");
        if (boardReader) {
            access.checkReadable(code);
        } else {
            Caller caller = Caller.of(identity);
            String region = caller.region();
            String own = caller.department();
            if (RegionEntity.findById(code) == null) {
                access.checkReadable(code); // the same 404 / 409 "not yet" as everywhere
            }
            if (!code.equals(region) || !department.equals(own)) {
                throw ProblemException.forbidden("rule own-department: a submitter reads its own department's list ("
                        + own + " of region " + region + "), not " + department + " of region " + code)
                        .chinese("规则 own-department：报送人员只能查看本部门（地区 " + region + " 的 " + own + "）的清单，不能查看地区 "
                                + code + " 的 " + department);
            }
        }
        Board board = progress.board(code, y);
        DepartmentRow row = board.departments().stream().filter(d -> d.code().equals(department)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("the decomposition of region " + code
                        + " names no department " + department)
                        .chinese("地区 " + code + " 的任务分解表没有部门 " + department));
        List<IndicatorRow> owned = board.indicators().stream()
                .filter(i -> i.leadUnits().stream().anyMatch(u -> u.code().equals(department))
                        || i.responsibleUnits().stream().anyMatch(u -> u.code().equals(department)))
                .toList();
        List<IndicatorRow> toDeliver = owned.stream().filter(i -> i.status() == IndicatorProgress.NO_EVIDENCE)
                .sorted(Comparator.comparing(IndicatorRow::dueDate, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder())))
                .toList();
        return new DepartmentList(code, y, board.asOf(), row, toDeliver, owned);
    }
}
