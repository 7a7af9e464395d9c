package cn.nmsdz.scoring.rest;

import cn.nmsdz.scoring.security.RegionAccess;
import cn.nmsdz.scoring.scoreboard.Scoreboard;
import cn.nmsdz.scoring.scoreboard.ScoreboardService;
import cn.nmsdz.scoring.scoreboard.ScoreboardWorkbook;
import jakarta.ws.rs.DefaultValue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import cn.nmsdz.scoring.projection.RegionEntity;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.ProblemType;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The scoreboard of the regions under a region (评估排行), as JSON pages and as a Chinese sheet. */
@Path("/api/v1") // not /regions/{code}: a class path that long would take every /regions/{code}/… request from the others
@Tag(name = "Scores")
@Authenticated
public class ScoreboardResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    ScoreboardService scoreboard;

    @Inject
    RegionAccess access;

    @GET
    @Path("/regions/{code}/scoreboard")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"score-reader", "assessment-authority", "catalogue-admin"})
    @Transactional
    @Operation(summary = "Every region at a level under this region, with its latest snapshot of the year",
            description = "Regions with no snapshot (no evidence yet) are listed with 0 points, not left out. Confirmed and "
                    + "projected totals, every first-level rate, pass or the failing levels, the application state and the "
                    + "date of the latest evidence. Sorted by confirmedTotal (default), projectedTotal, region or "
                    + "rate:<first-level code>; pages of size (50, at most 500) from page 0.")
    @APIResponse(responseCode = "400", description = "A missing or wrong year, level, sort, order, page or size")
    @APIResponse(responseCode = "403", description = "The region is outside the token's region")
    public Scoreboard board(@PathParam("code") String code,
            @Parameter(description = "assessment year") @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @Parameter(description = "county (default), city or province") @QueryParam("level") String level,
            @Parameter(description = "confirmedTotal (default), projectedTotal, region, rate:A … rate:E") @QueryParam("sort") String sort,
            @Parameter(description = "desc (default; asc for region) or asc") @QueryParam("order") String order,
            @Parameter(description = "0-based page") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int p,
            @Parameter(description = "page size") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int s) {
        Query q = query(code, year, level, sort, order);
        List<Scoreboard.Row> rows = scoreboard.rows(code, q.year, q.level, q.sort, q.descending);
        int from = (int) Math.min(rows.size(), p * s);
        int to = (int) Math.min(rows.size(), from + s);
        return new Scoreboard(code, q.year, q.level.toLowerCase(Locale.ROOT), q.sort, q.descending ? "desc" : "asc",
                rows.size(), (int) p, (int) s, rows.subList(from, to));
    }

    @GET
    @Path("/regions/{code}/scoreboard.xlsx")
    @Produces(XLSX)
    @RolesAllowed({"score-reader", "assessment-authority", "catalogue-admin"})
    @Transactional
    @Operation(summary = "The scoreboard as an .xlsx sheet in Chinese (every region, one sheet)")
    @APIResponse(responseCode = "200", description = "评估排行 sheet")
    public Response workbook(@PathParam("code") String code, @Parameter(description = "Assessment year Y") @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @QueryParam("level") String level, @QueryParam("sort") String sort, @QueryParam("order") String order) {
        Query q = query(code, year, level, sort, order);
        List<Scoreboard.Row> rows = scoreboard.rows(code, q.year, q.level, q.sort, q.descending);
        RegionEntity region = RegionEntity.findById(code);
        String name = region == null ? code : region.name;
        String levelName = switch (q.level) {
            case "PROVINCE" -> "省级";
            case "CITY" -> "市级";
            default -> "县级";
        };
        byte[] sheet = ScoreboardWorkbook.write(name + " " + q.year + "年度 " + levelName + "地区评估排行", rows);
        String file = name + "-" + q.year + "-评估排行.xlsx";
        return Downloads.attachment(sheet, XLSX, file, "scoreboard-" + code + "-" + q.year + ".xlsx");
    }

    private record Query(int year, String level, String sort, boolean descending) {
    }

    private Query query(String code, int y, String level, String sort, String order) {
        access.checkReadable(code);
        String l = ScoreboardService.level(level);
        String s = ScoreboardService.sort(sort);
        if (order != null && !order.equals("asc") && !order.equals("desc")) {
            throw ProblemException.badRequest("query parameter 'order' must be asc or desc, not '" + order + "'",
                    List.of(new Problem.FieldError("order", "asc or desc"))).typed(ProblemType.INVALID_FIELD);
        }
        boolean descending = order == null ? !"region".equals(s) : order.equals("desc");
        return new Query(y, l, s, descending);
    }
}
