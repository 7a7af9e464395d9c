package cn.nmsdz.web;

import static cn.nmsdz.web.Views.each;
import static cn.nmsdz.web.Views.lines;
import static cn.nmsdz.web.Views.row;
import static cn.nmsdz.web.Views.units;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** 创建总览 and 指标详情: the latest snapshot of a region and year, its trend, gaps and what falls due. */
@Path("/")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class OverviewScreen extends Screen {
    static final double PASS_TOTAL = 85;
    static final double PASS_RATE = 75;

    @Inject
    Viewer viewer;

    @Inject
    Api api;

    @Inject
    @Location("overview.html")
    Template overview;

    @Inject
    @Location("indicators.html")
    Template indicators;

    @Override
    Viewer viewer() {
        return viewer;
    }

    /** Its own county, or (from the board) a region under a province or city user. */
    private String regionShown(String region) {
        return regionShown(region, viewer.overview(), viewer.readsScoresUnder());
    }

    private String screenOf(String code) {
        return code.equals(viewer.region()) ? "overview" : "board";
    }

    /**
     * The reports of the region and year shown, as the API writes them (评分表, 失分项清单, 自评报告, 督查通报): whoever
     * may open the overview may read all four.
     */
    static final Map<String, String> REPORTS = Map.of(
            "scorecard", "/scores/latest.xlsx",
            "gaps", "/gaps.xlsx",
            "self-evaluation", "/self-evaluation.docx",
            "progress", "/progress.xlsx");

    @GET
    @Path("reports/{report}")
    @Produces(MediaType.WILDCARD)
    public Response report(@PathParam("report") String report, @QueryParam("region") String region,
            @QueryParam("year") String yearParam) {
        String path = REPORTS.get(report);
        if (path == null) {
            throw new NotFoundException();
        }
        String code = regionShown(region);
        Api.Bytes file = api.bytes("/api/v1/regions/" + code + path + "?year=" + year(yearParam));
        if (file.status() != 200) {
            throw new Api.ApiException(Api.problemOf(file));
        }
        return file.download();
    }

    @GET
    @Path("overview")
    public TemplateInstance overview(@QueryParam("region") String region, @QueryParam("year") String yearParam) {
        String code = regionShown(region);
        int year = year(yearParam);
        ScoreText t = Lang.bundle(ScoreText.class);
        TemplateInstance page = page(overview, screenOf(code)).data("region", code).data("year", year)
                .data("years", years(year)).data("charts", true).data("reportQuery", "region=" + code + "&year=" + year);
        Api.Answer latest = api.tryGet("/api/v1/regions/" + code + "/scores/latest?year=" + year);
        if (latest.status() == 404) {
            return page.data("snapshot", null).data("regionName", api.regionName(code));
        }
        if (!latest.ok()) {
            throw new Api.ApiException(latest);
        }
        JsonNode s = latest.body();
        JsonNode confirmed = s.path("confirmed");
        JsonNode projected = s.path("projected");
        double total = confirmed.path("total").asDouble();
        List<String> labels = each(confirmed.path("firstLevel"), f -> f.path("code").asText() + " " + f.path("name").asText());
        List<Double> rates = each(confirmed.path("firstLevel"), f -> Views.pct(f.path("rate")));
        List<Map<String, Object>> firstLevel = each(confirmed.path("firstLevel"), f -> row(
                "code", f.path("code").asText(), "name", f.path("name").asText(),
                "points", Words.points(f.path("points").asDouble()), "max", Words.points(f.path("maxPoints").asDouble()),
                "rate", Words.percent(Views.pct(f.path("rate"))), "passed", Views.pct(f.path("rate")) >= PASS_RATE));
        page.data("snapshot", s).data("regionName", s.path("regionName").asText(code))
                .data("number", s.path("number").asLong())
                .data("createdAt", Words.dateTime(s.path("createdAt").asText()))
                .data("confirmedTotal", Words.points(total))
                .data("projectedTotal", Words.points(projected.path("total").asDouble()))
                .data("gapTo85", total >= PASS_TOTAL ? "" : Words.points(PASS_TOTAL - total))
                .data("passed", confirmed.path("verdict").path("passed").asBoolean())
                .data("reasons", each(confirmed.path("verdict").path("reasons"), JsonNode::asText))
                .data("firstLevel", firstLevel)
                .data("ratesChart", Views.json(Map.of("labels", labels, "values", rates, "unit", "%", "max", 100,
                        "line", PASS_RATE, "lineLabel", t.rate_line())));
        page.data("trendChart", trend(code, year, t));
        page.data("gaps", gaps(code, year));
        page.data("due", due(code, year));
        application(page, code, year);
        return page;
    }

    /**
     * The year's application in a line (未申报, 已申报, 市级已推荐 …), linked to 申报 for a user who may open it: the
     * creation office at home, an authority or reader above the county.
     */
    private void application(TemplateInstance page, String code, int year) {
        Api.Answer applications = api.tryGet("/api/v1/regions/" + code + "/applications?year=" + year);
        String state = "";
        if (applications.ok()) {
            for (JsonNode a : applications.body()) {
                state = a.path("state").asText();
            }
        }
        page.data("application", applications.ok() ? Words.applicationState(state) : "")
                .data("notApplied", state.isEmpty())
                .data("applicationLink", viewer.applicationLink(code, year));
    }

    /**
     * The totals of the year's snapshots, oldest first (summaries: 1 KB each), with the chart's words: its legend, the
     * unit of its tooltips and its pass line; a scoring's label (第3次 2026年11月27日, No. 3, 27 Nov 2026) is drawn in
     * two lines, broken at {@code labelBreak}.
     */
    private String trend(String code, int year, ScoreText t) {
        Api.Answer history = api.tryGet("/api/v1/regions/" + code + "/scores?year=" + year + "&view=summary&limit=100");
        List<String> labels = new ArrayList<>();
        List<Double> confirmed = new ArrayList<>();
        List<Double> projected = new ArrayList<>();
        if (history.ok()) {
            List<JsonNode> snapshots = each(history.body(), n -> n);
            java.util.Collections.reverse(snapshots);
            for (JsonNode s : snapshots) {
                labels.add(t.trend_label(s.path("number").asLong(), Words.date(s.path("createdAt").asText())));
                confirmed.add(s.path("confirmed").path("total").asDouble());
                projected.add(s.path("projected").path("total").asDouble());
            }
        }
        return Views.json(Map.of("labels", labels, "confirmed", confirmed, "projected", projected,
                "confirmedLabel", t.confirmed_points(), "projectedLabel", t.projected_points(),
                "pointsUnit", pointsUnit(), "lineLabel", t.chart_pass_line(),
                "labelBreak", Lang.current() == Lang.Language.EN ? ", " : " "));
    }

    /** The unit Words.points writes after a number: 分 in Chinese, " pts" in English (for the charts). */
    static String pointsUnit() {
        return Words.points(0).substring("0.0".length());
    }

    /** The ten indicators losing the most points, with their lead units. */
    private List<Map<String, Object>> gaps(String code, int year) {
        Api.Answer gaps = api.tryGet("/api/v1/regions/" + code + "/gaps?year=" + year);
        if (!gaps.ok()) {
            return List.of();
        }
        return each(gaps.body().path("gaps"), g -> row("code", g.path("code").asText(), "name", g.path("name").asText(),
                "lost", Words.points(g.path("lost").asDouble()),
                "points", Words.points(g.path("points").asDouble()) + " / " + Words.points(g.path("maxPoints").asDouble()),
                "status", Words.indicatorState(g.path("status").asText()),
                "lead", units(g.path("leadUnits")))).stream().limit(10).toList();
    }

    /** What the creation campaign has due or overdue (the progress board; empty when the user may not read it). */
    private List<Map<String, Object>> due(String code, int year) {
        Api.Answer board = api.tryGet("/api/v1/regions/" + code + "/progress?year=" + year);
        if (!board.ok()) {
            return List.of();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode i : board.body().path("indicators")) {
            if (i.path("dueDate").isMissingNode() || i.path("dueDate").isNull()) {
                continue;
            }
            rows.add(row("code", i.path("code").asText(), "name", i.path("name").asText(),
                    "due", Words.date(i.path("dueDate").asText()), "overdue", i.path("overdue").asBoolean(),
                    "lead", units(i.path("leadUnits"))));
        }
        rows.sort(java.util.Comparator.comparing((Map<String, Object> r) -> !(Boolean) r.get("overdue")));
        return rows.stream().limit(15).toList();
    }


    @GET
    @Path("indicators")
    public TemplateInstance indicators(@QueryParam("region") String region, @QueryParam("year") String yearParam,
            @QueryParam("indicator") String indicator) {
        String code = regionShown(region);
        int year = year(yearParam);
        TemplateInstance page = page(indicators, code.equals(viewer.region()) ? "indicators" : "board")
                .data("region", code).data("year", year).data("years", years(year));
        Api.Answer latest = api.tryGet("/api/v1/regions/" + code + "/scores/latest?year=" + year);
        if (latest.status() == 404) {
            return page.data("tree", List.of()).data("regionName", api.regionName(code)).data("evidence", null);
        }
        if (!latest.ok()) {
            throw new Api.ApiException(latest);
        }
        JsonNode s = latest.body();
        Map<String, JsonNode> projected = new java.util.HashMap<>();
        s.path("projected").path("indicators").forEach(i -> projected.put(i.path("code").asText(), i));
        Map<String, Map<String, Object>> owners = owners(code, year);
        Map<String, JsonNode> byCode = new java.util.HashMap<>();
        s.path("confirmed").path("indicators").forEach(i -> byCode.put(i.path("code").asText(), i));
        // the 5/10/41 tree: the catalogue version the snapshot was scored with gives second levels their indicators
        JsonNode system = api.get("/api/v1/systems/" + s.path("systemCode").asText() + "?version="
                + s.path("systemVersion").asInt());
        List<Map<String, Object>> tree = new ArrayList<>();
        Map<String, JsonNode> firstScores = new java.util.HashMap<>();
        s.path("confirmed").path("firstLevel").forEach(f -> {
            firstScores.put(f.path("code").asText(), f);
            f.path("children").forEach(c -> firstScores.put(c.path("code").asText(), c));
        });
        for (JsonNode first : system.path("firstLevel")) {
            List<Map<String, Object>> seconds = new ArrayList<>();
            for (JsonNode second : first.path("children")) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (JsonNode def : second.path("indicators")) {
                    String c = def.path("code").asText();
                    JsonNode i = byCode.getOrDefault(c, Api.JSON.createObjectNode());
                    Map<String, Object> owner = owners.getOrDefault(c, Map.of());
                    rows.add(row("code", c, "name", def.path("name").asText(),
                            "points", Words.points(i.path("points").asDouble()),
                            "max", Words.points(def.path("maxPoints").asDouble()),
                            "projected", Words.points(projected.getOrDefault(c, i).path("points").asDouble()),
                            "status", Words.indicatorState(i.path("status").asText()),
                            "statusCode", i.path("status").asText(),
                            "explanation", lines(i.path("explanation")),
                            "missing", lines(i.path("missingText")),
                            "standard", def.path("standard").asText(),
                            "lead", dash(owner.get("lead")), "responsible", dash(owner.get("responsible"))));
                }
                JsonNode sc = firstScores.getOrDefault(second.path("code").asText(), Api.JSON.createObjectNode());
                seconds.add(row("code", second.path("code").asText(), "name", second.path("name").asText(),
                        "points", Words.points(sc.path("points").asDouble()),
                        "max", Words.points(second.path("maxPoints").asDouble()), "indicators", rows));
            }
            JsonNode fc = firstScores.getOrDefault(first.path("code").asText(), Api.JSON.createObjectNode());
            tree.add(row("code", first.path("code").asText(), "name", first.path("name").asText(),
                    "points", Words.points(fc.path("points").asDouble()),
                    "max", Words.points(first.path("maxPoints").asDouble()),
                    "rate", Words.percent(Views.pct(fc.path("rate"))), "children", seconds));
        }
        page.data("tree", tree).data("regionName", s.path("regionName").asText(code))
                .data("number", s.path("number").asLong())
                .data("confirmedTotal", Words.points(s.path("confirmed").path("total").asDouble()));
        page.data("indicator", indicator == null ? "" : indicator);
        page.data("evidence", indicator == null || !indicator.matches("[0-9A-Za-z.]{1,10}") ? null
                : EvidenceRows.of(api, code, "indicator=" + indicator));
        return page;
    }

    /** A unit's names, or — for none. */
    private static String dash(Object names) {
        return names == null || names.toString().isEmpty() ? "—" : names.toString();
    }

    /** Lead and responsible units per indicator (the gaps and progress answers carry them by name). */
    private Map<String, Map<String, Object>> owners(String code, int year) {
        Map<String, Map<String, Object>> owners = new java.util.HashMap<>();
        Api.Answer board = api.tryGet("/api/v1/regions/" + code + "/progress?year=" + year);
        if (board.ok()) {
            board.body().path("indicators").forEach(i -> owners.put(i.path("code").asText(),
                    row("lead", units(i.path("leadUnits")), "responsible", units(i.path("responsibleUnits")))));
        }
        return owners;
    }
}
