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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 申报 (a county's creation office applies for a year and follows its application) and 申报审核 (a city, a province or
 * the nation works through the applications that wait for its decision: 推荐, 退回, 命名, 复核). The API decides who
 * may do what ({@code …/applications}, {@code …/transitions}); a refusal is shown in its words, in the page's
 * language.
 */
@Path("/")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ApplicationScreens extends Screen {
    /** A decision's reason, as the API keeps it. */
    static final int MAX_REASON = 2000;

    @Inject
    Viewer viewer;

    @Inject
    Api api;

    @Inject
    @Location("applications.html")
    Template applications;

    @Inject
    @Location("decisions.html")
    Template decisions;

    @Override
    Viewer viewer() {
        return viewer;
    }

    /** Its own county (the creation office), or a county under an authority or a reader above it. */
    private String regionShown(String region) {
        String code = region(region, viewer.region());
        require(viewer.opensApplicationOf(code));
        return code;
    }

    // ------------------------------------------------------------------ 申报

    @GET
    @Path("applications")
    public TemplateInstance applications(@QueryParam("region") String region, @QueryParam("year") String yearParam,
            @QueryParam("done") String done) {
        String code = regionShown(region);
        int year = year(yearParam);
        CampaignText t = Lang.bundle(CampaignText.class);
        String notice = "apply".equals(done) ? t.applied()
                : done != null && done.matches("[A-Z_]{1,40}") ? t.decided(Words.applicationState(done)) : null;
        return applicationPage(code, year, notice, null, "");
    }

    private TemplateInstance applicationPage(String code, int year, String notice, String error, String reason) {
        CampaignText t = Lang.bundle(CampaignText.class);
        boolean own = code.equals(viewer.region());
        TemplateInstance page = page(applications, own ? "applications" : viewer.decides() ? "decisions" : "board")
                .data("region", code).data("year", year).data("years", years(year)).data("regionName", api.regionName(code))
                .data("reason", reason);
        if (notice != null) {
            page.data("notice", notice);
        }
        if (error != null) {
            page.data("error", error);
        }
        JsonNode app = null;
        for (JsonNode a : api.get("/api/v1/regions/" + code + "/applications?year=" + year)) {
            app = a;
        }
        Api.Answer latest = api.tryGet("/api/v1/regions/" + code + "/scores/latest?year=" + year + "&view=summary");
        if (!latest.ok() && latest.status() != 404) {
            throw new Api.ApiException(latest);
        }
        Map<String, Object> score = latest.ok() ? row("number", latest.body().path("number").asLong(),
                "total", Words.points(latest.body().path("confirmed").path("total").asDouble()),
                "passed", latest.body().path("confirmed").path("verdict").path("passed").asBoolean()) : null;
        page.data("latest", score);
        page.data("canApply", own && viewer.applies() && (app == null || "RETURNED".equals(app.path("state").asText())));
        if (app == null) {
            return page.data("app", null);
        }
        JsonNode frozen = app.path("frozen");
        page.data("app", row("id", app.path("id").asText(), "state", app.path("state").asText(),
                "stateName", app.path("stateName").asText(), "number", frozen.path("number").asLong(),
                "total", Words.points(frozen.path("confirmedTotal").asDouble()),
                "passed", frozen.path("confirmedPassed").asBoolean(), "anyway", app.path("forReviewAnyway").asBoolean(),
                "createdAt", Words.dateTime(app.path("createdAt").asText()),
                "changed", score != null && (Long) score.get("number") != frozen.path("number").asLong()));
        Map<String, String> names = new java.util.HashMap<>(); // each deciding region's name read once
        page.data("history", each(app.path("history"), h -> row("at", Words.dateTime(h.path("at").asText()),
                "level", Words.level(h.path("level").asText()),
                "region", names.computeIfAbsent(h.path("decidingRegion").asText(), api::regionName),
                "by", h.path("decidedBy").asText(), "to", Words.applicationState(h.path("to").asText()),
                "snapshot", h.path("snapshotNumber").asLong(), "reason", h.path("reason").asText(""))));
        // the steps this user takes (an authority's turn); otherwise who the application waits for
        List<Map<String, Object>> mine = new ArrayList<>();
        Map<String, String> waiting = new LinkedHashMap<>();
        for (JsonNode n : app.path("next")) {
            String decider = n.path("decidingRegion").asText();
            String to = n.path("to").asText();
            if (viewer.decides() && decider.equals(viewer.region()) && !"COUNTY".equals(n.path("level").asText())) {
                mine.add(row("to", to, "label", Words.decision(to), "style", "RETURNED".equals(to) || "NOT_NAMED".equals(to)
                        || "REVOKED".equals(to) ? "danger" : "accept"));
            } else if (app.path("awaitingDecision").asBoolean() && !"COUNTY".equals(n.path("level").asText())) {
                waiting.put(n.path("level").asText(), t.level_region(Words.level(n.path("level").asText()),
                        names.computeIfAbsent(decider, api::regionName)));
            }
        }
        return page.data("decisions", mine).data("waiting", mine.isEmpty() ? Views.joined(List.copyOf(waiting.values())) : "");
    }

    /** Applies for the year (or applies again after a return) with the latest snapshot; refusals in the API's words. */
    @POST
    @Path("applications/apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object apply(@FormParam("year") String yearParam, @FormParam("anyway") String anyway,
            @FormParam("reason") String reason) {
        require(viewer.applies());
        String region = viewer.region();
        int year = year(yearParam);
        String why = reason == null ? "" : reason.strip();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", year);
        body.put("forReviewAnyway", "yes".equals(anyway));
        if (!why.isEmpty()) {
            body.put("reason", why);
        }
        Api.Answer answer = notWhileRescoring(() -> api.post("/api/v1/regions/" + region + "/applications", body));
        if (!answer.ok()) {
            return applicationPage(region, year, null,
                    Lang.bundle(CampaignText.class).apply_failed(answer.explained()), why);
        }
        return Screen.redirect("/web/applications?year=" + year + "&done=apply");
    }

    /** An authority's decision on an application of a region under it: the state it moves to, and why. */
    @POST
    @Path("applications/{id}/decide")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object decide(@PathParam("id") String id, @FormParam("region") String region, @FormParam("year") String yearParam,
            @FormParam("to") String to, @FormParam("reason") String reason) {
        require(viewer.decides());
        CampaignText t = Lang.bundle(CampaignText.class);
        String code = regionShown(region);
        int year = year(yearParam);
        String why = reason == null ? "" : reason.strip();
        if (!id.matches("[0-9a-fA-F-]{36}") || to == null || !to.matches("[A-Z_]{1,40}")) {
            return applicationPage(code, year, null, t.bad_decision(), why);
        }
        if (why.isEmpty() || why.length() > MAX_REASON) {
            return applicationPage(code, year, null, t.reason_required(MAX_REASON), why);
        }
        Api.Answer answer = api.post("/api/v1/regions/" + code + "/applications/" + id + "/transitions",
                Map.of("to", to, "reason", why));
        if (!answer.ok()) {
            return applicationPage(code, year, null, t.decision_failed(Words.decision(to), answer.explained()), why);
        }
        return Screen.redirect("/web/applications?region=" + code + "&year=" + year + "&done=" + to);
    }

    /**
     * A call the API may refuse for a moment only, while the year's score is being recomputed (409 "not arrived yet"):
     * tried again for a few seconds, so the office does not have to.
     */
    private static Api.Answer notWhileRescoring(java.util.function.Supplier<Api.Answer> call) {
        Api.Answer answer = call.get();
        for (int i = 0; i < 10 && answer.status() == 409
                && answer.body().path("type").asText().endsWith(":not-arrived-yet"); i++) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
            answer = call.get();
        }
        return answer;
    }

    // ------------------------------------------------------------------ 申报审核

    /** The applications under this authority that wait for its decision, every year, newest first. */
    @GET
    @Path("decisions")
    public TemplateInstance decisions() {
        require(viewer.decides());
        String own = viewer.region();
        CampaignText t = Lang.bundle(CampaignText.class);
        Map<String, String> names = new java.util.HashMap<>();
        List<Map<String, Object>> rows = each(api.get("/api/v1/regions/" + own + "/applications/awaiting"), a -> {
            String code = a.path("region").asText();
            JsonNode frozen = a.path("frozen");
            return row("region", code, "name", names.computeIfAbsent(code, api::regionName),
                    "year", a.path("year").asInt(), "state", a.path("stateName").asText(),
                    "total", Words.points(frozen.path("confirmedTotal").asDouble()),
                    "passed", frozen.path("confirmedPassed").asBoolean(),
                    "at", Words.dateTime(a.path("updatedAt").asText()),
                    "decisions", Views.joined(each(a.path("next"), n -> Words.decision(n.path("to").asText()))),
                    "link", "/web/applications?region=" + code + "&year=" + a.path("year").asInt());
        });
        return page(decisions, "decisions").data("rows", rows).data("regionName", api.regionName(own));
    }
}
