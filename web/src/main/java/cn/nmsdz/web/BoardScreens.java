package cn.nmsdz.web;

import static cn.nmsdz.web.Views.each;
import static cn.nmsdz.web.Views.row;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** 省级看板 (the regions under a province, city or CN) and 指标体系 (the catalogue admin's versions). */
@Path("/")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class BoardScreens extends Screen {
    static final Set<String> SORTS = Set.of("confirmedTotal", "projectedTotal", "region", "rate:A", "rate:B", "rate:C",
            "rate:D", "rate:E");

    @Inject
    Viewer viewer;

    @Inject
    Api api;

    @Inject
    @Location("board.html")
    Template board;

    @Inject
    @Location("catalogue.html")
    Template catalogue;

    @Inject
    @Location("confirm.html")
    Template confirm;

    @Override
    Viewer viewer() {
        return viewer;
    }

    // ------------------------------------------------------------------ 省级看板

    @GET
    @Path("board")
    public TemplateInstance board(@QueryParam("year") String yearParam, @QueryParam("level") String levelParam,
            @QueryParam("sort") String sortParam, @QueryParam("order") String orderParam) {
        require(viewer.board());
        ScoreText t = Lang.bundle(ScoreText.class);
        int year = year(yearParam);
        String region = viewer.region();
        String level = levelParam != null && levelParam.matches("county|city|province") ? levelParam : "county";
        String sort = sortParam != null && SORTS.contains(sortParam) ? sortParam : "confirmedTotal";
        String order = "asc".equals(orderParam) ? "asc" : "desc";
        JsonNode answer = api.get("/api/v1/regions/" + region + "/scoreboard?year=" + year + "&level=" + level
                + "&sort=" + sort + "&order=" + order + "&size=200");
        JsonNode entries = answer.path("rows");
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Double> totals = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (JsonNode e : entries) {
            String code = e.path("region").asText(e.path("code").asText());
            String name = e.path("name").asText(code);
            double total = e.path("confirmedTotal").asDouble();
            Map<String, Object> rates = new java.util.LinkedHashMap<>();
            e.path("firstLevel").forEach(f -> rates.put(f.path("code").asText(),
                    Words.percent(Views.pct(f.path("confirmedRate")))));
            String link = "/web/overview?region=" + code + "&year=" + year;
            rows.add(row("code", code, "name", name, "confirmed", Words.points(total),
                    "projected", Words.points(e.path("projectedTotal").asDouble()),
                    "rates", rates, "passed", e.path("confirmedPassed").asBoolean(),
                    "failing", Views.joined(each(e.path("failing"),
                            f -> "total".equals(f.asText()) ? t.total() : f.asText())),
                    "application", Words.applicationState(e.path("applicationState").asText("")),
                    "applicationLink", e.path("applicationState").asText("").isEmpty() ? ""
                            : viewer.applicationLink(code, year),
                    "scored", !e.path("snapshotNumber").isNull() && !e.path("snapshotNumber").isMissingNode(),
                    "link", link));
            names.add(name);
            totals.add(total);
            links.add(link);
        }
        String regionName = api.regionName(region);
        // an authority sees first how many applications wait for its decision
        Api.Answer awaiting = viewer.decides() ? api.tryGet("/api/v1/regions/" + region + "/applications/awaiting")
                : new Api.Answer(204, Api.JSON.createArrayNode());
        return page(board, "board").data("awaiting", awaiting.ok() ? awaiting.body().size() : 0)
                .data("year", year).data("years", years(year)).data("region", region)
                .data("regionName", regionName).data("level", level).data("sort", sort).data("order", order)
                .data("rows", rows).data("charts", true).data("codes", List.of("A", "B", "C", "D", "E"))
                .data("chart", Views.json(Map.of("labels", names, "values", totals, "unit", OverviewScreen.pointsUnit(),
                        "max", 100, "line", OverviewScreen.PASS_TOTAL, "lineLabel", t.chart_pass_line(), "links", links)));
    }


    // ------------------------------------------------------------------ 指标体系

    @GET
    @Path("catalogue")
    public TemplateInstance catalogue(@QueryParam("from") String fromParam, @QueryParam("to") String toParam,
            @QueryParam("done") String done) {
        require(viewer.catalogue());
        ScoreText t = Lang.bundle(ScoreText.class);
        Integer from = number(fromParam);
        Integer to = number(toParam);
        JsonNode systems = api.get("/api/v1/systems");
        List<Map<String, Object>> versions = each(systems, s -> row("code", s.path("code").asText(),
                "version", s.path("version").asInt(), "name", s.path("name").asText(),
                "status", status(t, s.path("status").asText()), "statusCode", s.path("status").asText(),
                "publishedAt", Words.dateTime(s.path("publishedAt").asText(""))));
        TemplateInstance page = page(catalogue, "catalogue").data("versions", versions).data("from", from)
                .data("to", to);
        if (done != null) {
            page.data("notice", "publish".equals(done) ? t.published() : t.retired());
        }
        List<Map<String, Object>> diff = List.of();
        if (from != null && to != null) {
            Api.Answer answer = api.tryGet("/api/v1/systems/NMSDZ/diff?from=" + from + "&to=" + to);
            if (answer.ok()) {
                diff = diffRows(t, answer.body());
            } else {
                page.data("error", t.cannot_compare(answer.problem()));
            }
        }
        return page.data("diff", diff);
    }

    /** The parts of a diff, in the order shown (体系, 合格标准, 指标, 分项, 评分规则, 数据项). */
    private static Map<String, String> diffParts(ScoreText t) {
        Map<String, String> parts = new java.util.LinkedHashMap<>();
        parts.put("system", t.part_system());
        parts.put("passStandard", t.part_pass_standard());
        parts.put("nodes", t.part_nodes());
        parts.put("items", t.part_items());
        parts.put("rules", t.part_rules());
        parts.put("metrics", t.part_metrics());
        return parts;
    }

    private static String change(ScoreText t, String change) {
        return switch (change) {
            case "ADDED" -> t.change_added();
            case "REMOVED" -> t.change_removed();
            case "CHANGED" -> t.change_changed();
            default -> change;
        };
    }

    /** The diff as lines: which part, what changed (新增/删除/修改), before → after. */
    private static List<Map<String, Object>> diffRows(ScoreText t, JsonNode diff) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, String> part : diffParts(t).entrySet()) {
            for (JsonNode c : diff.path(part.getKey())) {
                String field = c.path("field").asText("");
                rows.add(row("what", part.getValue() + " " + c.path("code").asText("") + (field.isEmpty() ? "" : " · " + field),
                        "kind", change(t, c.path("change").asText()),
                        "detail", text(c.path("before")) + " → " + text(c.path("after"))));
            }
        }
        return rows;
    }

    private static String text(JsonNode v) {
        return v.isMissingNode() || v.isNull() ? "—" : v.isTextual() ? v.asText() : v.toString();
    }

    static String status(ScoreText t, String status) {
        return switch (status) {
            case "DRAFT" -> t.status_draft();
            case "PUBLISHED" -> t.status_published();
            case "RETIRED" -> t.status_retired();
            default -> status;
        };
    }

    /** Publish or retire: first a confirmation page (works without script), then the call. */
    @POST
    @Path("catalogue/change")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object change(@FormParam("action") String action, @FormParam("version") Integer version,
            @FormParam("confirmed") String confirmed) {
        require(viewer.catalogue());
        if (version == null || !("publish".equals(action) || "retire".equals(action))) {
            return Screen.redirect("/web/catalogue");
        }
        boolean publish = "publish".equals(action);
        if (!"yes".equals(confirmed)) {
            return page(confirm, "catalogue").data("action", action).data("version", version);
        }
        Api.Answer answer = api.post("/api/v1/systems/NMSDZ/" + action + "?version=" + version, null);
        if (!answer.ok()) {
            ScoreText t = Lang.bundle(ScoreText.class);
            return catalogue(null, null, null).data("error",
                    publish ? t.publish_failed(answer.problem()) : t.retire_failed(answer.problem()));
        }
        return Screen.redirect("/web/catalogue?done=" + action);
    }
}
