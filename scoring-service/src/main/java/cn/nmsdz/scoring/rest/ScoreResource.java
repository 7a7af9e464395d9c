package cn.nmsdz.scoring.rest;

import cn.nmsdz.scoring.security.RegionAccess;
import cn.nmsdz.scoring.snapshot.SnapshotCalculator;
import cn.nmsdz.scoring.snapshot.SnapshotStore;
import jakarta.ws.rs.DefaultValue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import cn.nmsdz.scoring.explain.SnapshotRenderer;
import cn.nmsdz.scoring.projection.RegionEntity;
import cn.nmsdz.scoring.report.Reports;
import cn.nmsdz.scoring.snapshot.Snapshot;
import cn.nmsdz.scoring.snapshot.SnapshotEntity;
import cn.nmsdz.support.rest.Language;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.ProblemType;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import cn.nmsdz.scoring.domain.model.ScoreResult;
import cn.nmsdz.scoring.domain.model.Verdict;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scores", description = "Explainable score snapshots and the provincial pull feed")
@Authenticated
public class ScoreResource {

    /** A page of the provincial pull feed; pass {@code next} as {@code after} to continue. */
    public record FeedPage(
            @Schema(description = "Snapshots in creation order (ascending id)") List<Snapshot> snapshots,
            @Schema(description = "The cursor for the next page: the last id of this page, or `after` when empty") long next) {
    }

    /** The outcome of recomputing a stored snapshot; nothing is stored. */
    public record RecomputeResult(
            @Schema(description = "Whether the recomputed totals, indicator points, statuses, explanations and verdicts equal the stored ones") boolean identical,
            Snapshot stored,
            @Schema(description = "The snapshot recomputed from the stored snapshot's catalogue version and evidence position (id and number 0)") Snapshot recomputed) {
    }

    @Inject
    SnapshotCalculator calculator;

    @Inject
    RegionAccess access;

    @Inject
    SnapshotRenderer renderer;

    @Inject
    Reports reports;

    @Inject
    SnapshotFeed feed;

    /** The documented {@code lang} parameter of every operation that returns explanations. */
    /** The forms of a snapshot a list serves; another word is the standard invalid-field problem naming `view`. */
    static final String VIEWS = "full|summary";
    static final String VIEW = "`full` (default) or `summary` (no indicator scores or explanations)";
    static final String LANG = "Language of explanations, missing inputs and verdict reasons: `zh` (简体中文, the default) "
            + "or `en`; without it, `Accept-Language` decides (English only when it prefers en to zh)";

    /** A stored snapshot in the language asked for (an old one is recomputed only when read in Chinese). */
    Snapshot shown(SnapshotEntity entity, Language language) {
        return renderer.render(SnapshotStore.readToRender(entity), language, () -> calculator.recompute(entity).recomputed());
    }

    @GET
    @Path("/regions/{code}/scores/latest")
    @RolesAllowed({"score-reader", "catalogue-admin", "evidence-reviewer"})
    @Operation(summary = "The latest snapshot of a region for an assessment year",
            description = "Confirmed and projected totals, every indicator's points, status and explanation, and the verdict. "
                    + "The ETag is the snapshot id: send it as If-None-Match to get 304 Not Modified until a newer snapshot exists.")
    @APIResponse(responseCode = "200", description = "The latest snapshot",
            headers = @Header(name = "ETag", description = "The snapshot id, quoted"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Snapshot.class)))
    @APIResponse(responseCode = "304", description = "The snapshot named by If-None-Match is still the latest")
    @APIResponse(responseCode = "400", description = "Missing or impossible year")
    @APIResponse(responseCode = "404", description = "No snapshot yet")
    public Response latest(@PathParam("code") String region,
                           @Parameter(description = "Assessment year Y", example = "2026") @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer yearParam,
                           @Context Request request,
                           @Parameter(in = ParameterIn.HEADER, name = "If-None-Match",
                                   description = "The ETag of the snapshot the client has") @jakarta.ws.rs.HeaderParam("If-None-Match") String ifNoneMatch,
                           @Parameter(description = LANG) @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Language language = Language.requested(lang, headers);
        access.checkReadable(region);
        int year = yearParam;
        SnapshotEntity entity = latestOf(region, year);
        EntityTag tag = new EntityTag(String.valueOf(entity.id));
        CacheControl revalidate = new CacheControl();
        revalidate.setNoCache(true);
        revalidate.setPrivate(true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(revalidate).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
        }
        return Response.ok(shown(entity, language)).tag(tag).cacheControl(revalidate)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    /** A snapshot without its 41 indicator scores and their explanations: totals, first levels and the verdict. */
    @Schema(description = "A snapshot in summary form (view=summary): totals, first-level rates and the verdict, "
            + "without the indicator scores and their explanations")
    public record SnapshotSummary(long id, String region, String regionName, int year, long number, String systemCode,
            int systemVersion, long evidencePosition, Totals confirmed, Totals projected, OffsetDateTime createdAt) {

        static SnapshotSummary of(Snapshot s) {
            return new SnapshotSummary(s.id(), s.region(), s.regionName(), s.year(), s.number(), s.systemCode(),
                    s.systemVersion(), s.evidencePosition(), Totals.of(s.confirmed()), Totals.of(s.projected()), s.createdAt());
        }
    }

    public record Totals(BigDecimal total, BigDecimal maxTotal, List<FirstLevelTotal> firstLevel, Verdict verdict) {
        static Totals of(ScoreResult r) {
            return r == null ? null : new Totals(r.total(), r.maxTotal(), r.firstLevel() == null ? List.of()
                    : r.firstLevel().stream().map(f -> new FirstLevelTotal(f.code(), f.name(), f.points(), f.maxPoints(),
                            f.rate())).toList(), r.verdict());
        }
    }

    public record FirstLevelTotal(String code, String name, BigDecimal points, BigDecimal maxPoints, BigDecimal rate) {
    }

    @GET
    @Path("/regions/{code}/scores")
    @RolesAllowed({"score-reader", "catalogue-admin", "evidence-reviewer"})
    @Operation(summary = "Snapshot history of a region for an assessment year, newest first, in pages",
            description = "At most `limit` snapshots (default 100, 1..1000), newest first. When the page is full, the "
                    + "`Link` header (rel=\"next\") and `X-Next-After` give the cursor of the next page: pass it as "
                    + "`after` to get the snapshots numbered below it. `view=summary` leaves out the indicator scores "
                    + "and their explanations (a full snapshot is about 50 KB, a summary about 1 KB).")
    @APIResponse(responseCode = "200", description = "A page of snapshots (full or summary)",
            headers = {@Header(name = "Link", description = "<…?year=Y&limit=L&after=N>; rel=\"next\" when the page is full"),
                    @Header(name = "X-Next-After", description = "the cursor of the next page, when the page is full")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    oneOf = {Snapshot.class, SnapshotSummary.class})))
    @APIResponse(responseCode = "400", description = "Missing or impossible year; `limit`, `after` or `view` out of range")
    @APIResponse(responseCode = "403", description = "The region is outside the token's region")
    public Response history(@PathParam("code") String region,
                            @Parameter(description = "Assessment year Y", example = "2026") @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer yearParam,
                            @Parameter(description = "Page size, default 100") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
                            @Parameter(description = "Cursor: `X-Next-After` of the previous page; snapshots numbered below it")
                            @QueryParam("after") @DefaultValue("9223372036854775807") @Min(1) long after,
                            @Parameter(description = VIEW, schema = @Schema(type = SchemaType.STRING, enumeration = {"full", "summary"}))
                            @QueryParam("view") @Pattern(regexp = VIEWS) String view,
                            @Parameter(description = LANG) @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Language language = Language.requested(lang, headers);
        access.checkReadable(region);
        int year = yearParam;
        boolean summary = "summary".equals(view);
        List<Long> numbers = feed.historyNumbers(region, year, after, limit);
        // streamed as rendered (SnapshotFeed): a page of up to 1,000 full snapshots is never held whole
        StreamingOutput page = out -> feed.writeHistory(out, region, year, numbers, summary, language);
        Response.ResponseBuilder response = Response.ok(page, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        if (numbers.size() == limit) {
            long next = numbers.get(numbers.size() - 1);
            response.header("X-Next-After", next).header("Link", "</api/v1/regions/" + region + "/scores?year=" + year
                    + "&limit=" + limit + "&after=" + next + (summary ? "&view=summary" : "") + ">; rel=\"next\"");
        }
        return response.build();
    }

    @GET
    @Path("/regions/{code}/scores/{number}")
    @RolesAllowed({"score-reader", "catalogue-admin", "evidence-reviewer"})
    @Operation(summary = "One snapshot of a region by its number",
            description = "Snapshots are numbered 1, 2, … per region across all assessment years; a snapshot never changes.")
    @APIResponse(responseCode = "404", description = "No snapshot with this number")
    public Snapshot one(@PathParam("code") String region, @PathParam("number") long number,
                        @Parameter(description = LANG) @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Language language = Language.requested(lang, headers);
        access.checkReadable(region);
        return shown(find(region, number), language);
    }

    @GET
    @Path("/regions/{code}/scores/{number}.xlsx")
    @Produces(Reports.XLSX)
    @RolesAllowed({"score-reader", "catalogue-admin", "evidence-reviewer"})
    @Operation(summary = "The scorecard of one snapshot as an Excel workbook (评分表)",
            description = "Sheet 汇总: the verdict with its reasons, both totals and the first-level rates; sheet 评分表: the "
                    + "5/10/41 tree with maximum, confirmed and projected points, rate, status, the explanation and the lead "
                    + "and responsible units of each indicator. A4 landscape, the page header names region, year, snapshot "
                    + "number and time. Explanations in Chinese unless `lang=en` (or Accept-Language) asks for English.")
    @APIResponse(responseCode = "200", description = "The workbook",
            content = @Content(mediaType = Reports.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No snapshot with this number")
    public Response scorecard(@PathParam("code") String region, @PathParam("number") long number,
                              @Parameter(description = LANG) @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Language language = Language.requested(lang, headers);
        access.checkReadable(region);
        SnapshotEntity entity = find(region, number);
        String name = region + "-" + entity.year + "-" + number + ".xlsx";
        return Downloads.attachment(reports.scorecard(entity, language), Reports.XLSX, "评分表-" + name, "scorecard-" + name);
    }

    @GET
    @Path("/regions/{code}/scores/latest.xlsx")
    @Produces(Reports.XLSX)
    @RolesAllowed({"score-reader", "catalogue-admin", "evidence-reviewer"})
    @Operation(summary = "The scorecard of the latest snapshot of an assessment year as an Excel workbook",
            description = "As `GET …/scores/{number}.xlsx` for the latest snapshot of the year.")
    @APIResponse(responseCode = "200", description = "The workbook",
            content = @Content(mediaType = Reports.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No snapshot of that year yet")
    public Response latestScorecard(@PathParam("code") String region,
                                    @Parameter(description = "Assessment year Y", example = "2026") @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer yearParam,
                                    @Parameter(description = LANG) @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Language language = Language.requested(lang, headers);
        return latestFile(region, yearParam, entity -> reports.scorecard(entity, language), Reports.XLSX, "评分表", "scorecard",
                "xlsx");
    }

    @GET
    @Path("/regions/{code}/gaps.xlsx")
    @Produces(Reports.XLSX)
    @RolesAllowed({"score-reader", "catalogue-admin", "evidence-reviewer", "evidence-submitter"})
    @Operation(summary = "The gap view of an assessment year as an Excel workbook (失分项清单)",
            description = "The indicators losing points in the latest snapshot of the year, largest loss first: points, "
                    + "status, missing figures, unmet comparisons and conditions, items awaiting experts, lead and "
                    + "responsible units. A4 landscape.")
    @APIResponse(responseCode = "200", description = "The workbook",
            content = @Content(mediaType = Reports.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No snapshot of that year yet")
    public Response gapsWorkbook(@PathParam("code") String region,
                                 @Parameter(description = "Assessment year Y", example = "2026") @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer yearParam,
                                 @Parameter(description = LANG) @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Language language = Language.requested(lang, headers);
        access.checkReadable(region);
        int year = yearParam;
        RegionEntity r = RegionEntity.findById(region);
        String name = region + "-" + year + ".xlsx";
        return Downloads.attachment(reports.gaps(region, year, r == null || r.name == null ? region : r.name, language),
                Reports.XLSX, "失分项-" + name, "gaps-" + name);
    }

    @GET
    @Path("/regions/{code}/self-evaluation.docx")
    @Produces(Reports.DOCX)
    @RolesAllowed({"score-reader", "catalogue-admin", "evidence-reviewer"})
    @Operation(summary = "The 自评报告 draft of an assessment year as a Word document",
            description = "What a county submits with its application, for its office to edit in Word or WPS before "
                    + "signing, from the latest snapshot of the year: 一、基本情况 (the creation plan and the leadership "
                    + "group), 二、自评得分 (by first-level indicator, with the pass verdict in words), 三、各项指标自评情况 "
                    + "(each indicator's points, explanation, owning units and evidence: figures with their source, "
                    + "documents with file name and SHA-256, claims and expert verdicts), 四、存在差距及责任单位. A4, "
                    + "Simplified Chinese.")
    @APIResponse(responseCode = "200", description = "The document",
            content = @Content(mediaType = Reports.DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No snapshot of that year yet")
    public Response selfEvaluation(@PathParam("code") String region,
                                   @Parameter(description = "Assessment year Y", example = "2026") @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer yearParam) {
        return latestFile(region, yearParam, reports::selfEvaluation, Reports.DOCX, "自评报告", "self-evaluation",
                "docx");
    }

    /** A file of the latest snapshot of a year, named "<what>-<region>-<year>-<number>.<extension>". */
    private Response latestFile(String region, int yearParam, java.util.function.Function<SnapshotEntity, byte[]> write,
            String type, String what, String asciiWhat, String extension) {
        access.checkReadable(region);
        int year = yearParam;
        SnapshotEntity entity = latestOf(region, year);
        String name = region + "-" + year + "-" + entity.number + "." + extension;
        return Downloads.attachment(write.apply(entity), type, what + "-" + name, asciiWhat + "-" + name);
    }

    @POST
    @Path("/regions/{code}/scores/{number}/recompute")
    @RolesAllowed({"score-reader", "catalogue-admin", "evidence-reviewer"})
    @Transactional
    @Operation(summary = "Recompute a stored snapshot and compare",
            description = "Recomputes the snapshot from the catalogue version and the evidence position it names "
                    + "(every version of every piece of evidence is kept) and says whether the result is identical. "
                    + "Nothing is stored.")
    @APIResponse(responseCode = "200", description = "The comparison",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecomputeResult.class)))
    @APIResponse(responseCode = "404", description = "No snapshot with this number")
    @APIResponse(responseCode = "409", description = "The snapshot's catalogue version is not in the projection")
    public RecomputeResult recompute(@PathParam("code") String region, @PathParam("number") long number,
                                     @Parameter(description = LANG) @QueryParam("lang") String lang,
                                     @Context HttpHeaders headers) {
        Language language = Language.requested(lang, headers);
        access.checkReadable(region);
        SnapshotEntity entity = find(region, number);
        try {
            SnapshotCalculator.Recomputation r = calculator.recompute(entity);
            return new RecomputeResult(r.identical(), renderer.render(r.stored(), language, r::recomputed),
                    renderer.render(r.recomputed(), language, null));
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
    }

    @GET
    @Path("/snapshots")
    @RolesAllowed({"score-reader", "catalogue-admin"})
    @Operation(summary = "Provincial pull feed",
            description = "Every snapshot of every region under a code (and of that region), in creation order, after the "
                    + "cursor. Pass `next` as `after` to continue. Each snapshot is served exactly once across pages: "
                    + "snapshots are inserted under a transaction-scoped lock, so ids become visible in increasing "
                    + "order and no snapshot can appear later behind a cursor already passed. `view=summary` leaves out "
                    + "the indicator scores and their explanations (a full snapshot is about 50 KB, a summary about 1 KB); "
                    + "with `lang=en` full snapshots are served as stored, the fastest way to pull.")
    @APIResponse(responseCode = "200", description = "A page of snapshots (full or summary) and the next cursor",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedPage.class)))
    @APIResponse(responseCode = "400", description = "Missing `under`, or `limit`/`after`/`view` out of range")
    @APIResponse(responseCode = "403", description = "`under` is outside the token's region")
    public Response feed(@Parameter(description = "Region code: that region and every region below it", required = true)
                         @QueryParam("under") String under,
                         @Parameter(description = "Cursor: `next` of the previous page, 0 to start") @QueryParam("after") @DefaultValue("0") @Min(0) long after,
                         @Parameter(description = "Page size, default 100") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
                         @Parameter(description = VIEW, schema = @Schema(type = SchemaType.STRING, enumeration = {"full", "summary"}))
                         @QueryParam("view") @Pattern(regexp = VIEWS) String view,
                         @Parameter(description = LANG) @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Language language = Language.requested(lang, headers);
        if (under == null || under.isBlank()) {
            throw ProblemException.badRequest("query parameter 'under' (a region code) is required",
                    List.of(new Problem.FieldError("under", "required"))).typed(ProblemType.INVALID_FIELD);
        }
        boolean summary = "summary".equals(view);
        access.checkReadable(under);
        SnapshotFeed.Range range = feed.under(under);
        StreamingOutput page = out -> feed.write(out, range, after, (int) limit, summary, language);
        return Response.ok(page, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .build();
    }

    private static SnapshotEntity find(String region, long number) {
        SnapshotEntity entity = SnapshotEntity.find("region = ?1 and number = ?2", region, number).firstResult();
        if (entity == null) {
            throw ProblemException.notFound("region " + region + " has no snapshot number " + number);
        }
        return entity;
    }

    /** The latest snapshot of a region-year; 404 while there is none. */
    private static SnapshotEntity latestOf(String region, int year) {
        SnapshotEntity entity = SnapshotEntity.<SnapshotEntity>find("region = ?1 and year = ?2",
                Sort.descending("number"), region, year).firstResult();
        if (entity == null) {
            throw ProblemException.notFound("no snapshot of region " + region + " for year " + year + " yet")
                    .chinese("地区 " + region + " 尚无 " + year + " 年度的评分快照");
        }
        return entity;
    }
}
