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
                    "failing", String.join("、", each(e.path("failing"), f -> "total".equals(f.asText()) ? "总分" : f.asText())),
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
                .data("chart", Views.json(Map.of("labels", names, "values", totals, "unit", "分", "max", 100,
                        "line", OverviewScreen.PASS_TOTAL, "lineLabel", "达标线 85分", "links", links)));
    }


    // ------------------------------------------------------------------ 指标体系

    @GET
    @Path("catalogue")
    public TemplateInstance catalogue(@QueryParam("from") String fromParam, @QueryParam("to") String toParam,
            @QueryParam("done") String done) {
        require(viewer.catalogue());
        Integer from = number(fromParam);
        Integer to = number(toParam);
        JsonNode systems = api.get("/api/v1/systems");
        List<Map<String, Object>> versions = each(systems, s -> row("code", s.path("code").asText(),
                "version", s.path("version").asInt(), "name", s.path("name").asText(),
                "status", status(s.path("status").asText()), "statusCode", s.path("status").asText(),
                "publishedAt", Words.dateTime(s.path("publishedAt").asText(""))));
        TemplateInstance page = page(catalogue, "catalogue").data("versions", versions).data("from", from)
                .data("to", to);
        if (done != null) {
            page.data("notice", "publish".equals(done) ? "已发布。" : "已停用。");
        }
        List<Map<String, Object>> diff = List.of();
        if (from != null && to != null) {
            Api.Answer answer = api.tryGet("/api/v1/systems/NMSDZ/diff?from=" + from + "&to=" + to);
            if (answer.ok()) {
                diff = diffRows(answer.body());
            } else {
                page.data("error", "无法比较：" + answer.problem());
            }
        }
        return page.data("diff", diff);
    }

    private static final Map<String, String> DIFF_PARTS = new java.util.LinkedHashMap<>(Map.of(
            "system", "体系", "passStandard", "合格标准", "nodes", "指标", "items", "分项", "rules", "评分规则",
            "metrics", "数据项"));
    private static final Map<String, String> CHANGES = Map.of("ADDED", "新增", "REMOVED", "删除", "CHANGED", "修改");

    /** The diff as lines: which part, what changed (新增/删除/修改), before → after. */
    private static List<Map<String, Object>> diffRows(JsonNode diff) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, String> part : DIFF_PARTS.entrySet()) {
            for (JsonNode c : diff.path(part.getKey())) {
                String field = c.path("field").asText("");
                rows.add(row("what", part.getValue() + " " + c.path("code").asText("") + (field.isEmpty() ? "" : " · " + field),
                        "kind", CHANGES.getOrDefault(c.path("change").asText(), c.path("change").asText()),
                        "detail", text(c.path("before")) + " → " + text(c.path("after"))));
            }
        }
        return rows;
    }

    private static String text(JsonNode v) {
        return v.isMissingNode() || v.isNull() ? "—" : v.isTextual() ? v.asText() : v.toString();
    }

    static String status(String status) {
        return switch (status) {
            case "DRAFT" -> "草稿";
            case "PUBLISHED" -> "已发布";
            case "RETIRED" -> "已停用";
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
        String verb = "publish".equals(action) ? "发布" : "停用";
        if (!"yes".equals(confirmed)) {
            return page(confirm, "catalogue").data("action", action).data("version", version).data("verb", verb);
        }
        Api.Answer answer = api.post("/api/v1/systems/NMSDZ/" + action + "?version=" + version, null);
        if (!answer.ok()) {
            return catalogue(null, null, null).data("error", "未能" + verb + "：" + answer.problem());
        }
        return Screen.redirect("/web/catalogue?done=" + action);
    }
}
