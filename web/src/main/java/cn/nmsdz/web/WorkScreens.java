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
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The screens where people act: 部门工作台 (a submitter's figures and its submissions), 审核 (a reviewer's queue) and
 * 专家评审 (an expert's verdicts). Every form posts here; the web app calls the API with the user's token and shows
 * the API's own answer (a refusal in the page's language). After a successful post the browser is redirected
 * (post/redirect/get), so a reload never submits twice. The pages' texts are the bundle {@link WorkText}.
 */
@Path("/")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class WorkScreens extends Screen {

    @Inject
    Viewer viewer;

    @Inject
    Api api;

    @Inject
    @Location("workbench.html")
    Template workbench;

    @Inject
    @Location("review.html")
    Template review;

    @Inject
    @Location("expert.html")
    Template expert;

    @Override
    Viewer viewer() {
        return viewer;
    }

    // ------------------------------------------------------------------ 部门工作台

    @GET
    @Path("workbench")
    public TemplateInstance workbench(@QueryParam("year") String yearParam, @QueryParam("done") String done,
            @QueryParam("count") String countParam) {
        require(viewer.workbench());
        WorkText t = Lang.bundle(WorkText.class);
        Integer count = number(countParam);
        return workbenchPage(year(yearParam), done == null ? null
                : "template".equals(done) ? t.done_template(count == null ? 0 : count)
                : "document".equals(done) ? t.done_document()
                : "claim".equals(done) ? t.done_claim() : t.done_figure(), null, Map.of());
    }

    private TemplateInstance workbenchPage(int year, String notice, String error, Map<String, String> form) {
        String region = viewer.region();
        TemplateInstance page = page(workbench, "workbench").data("year", year).data("region", region)
                .data("years", years(year)).data("metrics", MetricNames.all(api))
                .data("form", form).data("thisYear", Words.defaultYear())
                // the workbook's own column headings (Chinese, as the file has them), named by the page's hint
                .data("valueColumn", FigureTemplate.COLUMNS.get(FigureTemplate.VALUE))
                .data("sourceColumn", FigureTemplate.COLUMNS.get(FigureTemplate.SOURCE));
        if (notice != null) {
            page.data("notice", notice);
        }
        if (error != null) {
            page.data("error", error);
        }
        String department = viewer.department();
        Api.Answer mine = api.tryGet("/api/v1/regions/" + region + "/progress/departments/"
                + URLEncoder.encode(department, StandardCharsets.UTF_8) + "?year=" + year);
        List<Map<String, Object>> toDeliver = new ArrayList<>();
        String departmentName = department;
        if (mine.ok()) {
            departmentName = mine.body().path("department").path("name").asText(department);
            for (JsonNode i : mine.body().path("indicators")) {
                // the board's one rule of delivered (evidence submitted or accepted, or the region's own figures read)
                boolean delivered = !"NO_EVIDENCE".equals(i.path("status").asText());
                toDeliver.add(row("code", i.path("code").asText(), "name", i.path("name").asText(),
                        "points", i.path("points").isNumber() ? Words.points(i.path("points").asDouble()) : "—",
                        "max", Words.points(i.path("maxPoints").asDouble()),
                        "due", Words.date(i.path("dueDate").asText("")), "overdue", i.path("overdue").asBoolean(),
                        "delivered", delivered, "rejected", i.path("rejected").asInt()));
            }
        }
        page.data("departmentName", departmentName).data("owned", toDeliver);
        page.data("submissions", EvidenceRows.of(api, region, "department="
                + URLEncoder.encode(department, StandardCharsets.UTF_8) + "&size=50"));
        return page;
    }

    @POST
    @Path("workbench/observations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object submitFigure(@FormParam("metric") String metric, @FormParam("year") String year,
            @FormParam("value") String value, @FormParam("source") String source) {
        require(viewer.workbench());
        WorkText t = Lang.bundle(WorkText.class);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("metric", metric == null ? "" : metric);
        form.put("year", year == null ? "" : year);
        form.put("value", value == null ? "" : value);
        form.put("source", source == null ? "" : source);
        List<String> wrong = new ArrayList<>();
        Integer y = null;
        BigDecimal v = null;
        try {
            y = Integer.valueOf(form.get("year").strip());
        } catch (NumberFormatException e) {
            wrong.add(t.year_whole_number(Words.defaultYear()));
        }
        try {
            v = new BigDecimal(form.get("value").strip());
        } catch (NumberFormatException e) {
            wrong.add(t.value_not_number());
        }
        if (form.get("metric").isBlank()) {
            wrong.add(t.choose_metric());
        }
        if (form.get("source").isBlank()) {
            wrong.add(t.source_required());
        }
        int shown = y == null ? Words.defaultYear() : year(y);
        if (!wrong.isEmpty()) {
            return workbenchPage(shown, null, t.joined(wrong), form);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("metric", form.get("metric"));
        body.put("year", y);
        body.put("value", v);
        body.put("source", form.get("source").strip());
        Api.Answer answer = api.post("/api/v1/regions/" + viewer.region() + "/observations", body);
        if (!answer.ok()) {
            return workbenchPage(shown, null, t.not_submitted(answer.explained()), form);
        }
        return Screen.redirect("/web/workbench?done=1");
    }

    /**
     * The 数据填报 template of the user's department: a row for each metric its indicators read (all metrics when the
     * region has no decomposition yet), for the statistical years Y−1 and Y.
     */
    @GET
    @Path("workbench/template.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    public Response template(@QueryParam("year") String yearParam) {
        require(viewer.workbench());
        int year = year(yearParam);
        String region = viewer.region();
        String department = viewer.department();
        Api.Answer mine = api.tryGet("/api/v1/regions/" + region + "/progress/departments/"
                + URLEncoder.encode(department, StandardCharsets.UTF_8) + "?year=" + year);
        java.util.Set<String> owned = new java.util.HashSet<>();
        if (mine.ok()) {
            mine.body().path("indicators").forEach(i -> owned.add(i.path("code").asText()));
        }
        List<MetricNames.Metric> all = MetricNames.all(api);
        java.util.Set<String> reads = new java.util.TreeSet<>();
        if (!owned.isEmpty()) {
            try {
                cn.nmsdz.events.catalogue.IndicatorSystemDocument system = cn.nmsdz.events.envelope.EventEnvelope.JSON
                        .treeToValue(api.get("/api/v1/systems/NMSDZ"), cn.nmsdz.events.catalogue.IndicatorSystemDocument.class);
                system.firstLevel().forEach(f -> f.children().forEach(s -> s.indicators().stream()
                        .filter(i -> owned.contains(i.code()))
                        .forEach(i -> reads.addAll(cn.nmsdz.events.catalogue.RuleMetrics.of(i)))));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("the catalogue cannot be read", e);
            }
        }
        List<FigureTemplate.Line> lines = new ArrayList<>();
        for (MetricNames.Metric m : all) {
            if (reads.isEmpty() || reads.contains(m.code())) {
                for (int y : List.of(year - 1, year)) {
                    lines.add(new FigureTemplate.Line(m.code(), m.name(), m.unit(), y));
                }
            }
        }
        // the workbook is an official document: its file name and title stay Chinese in either language
        String name = "数据填报模板-" + region + "-" + department + "-" + year + ".xlsx";
        return Response.ok(FigureTemplate.write(region + " " + department + " " + year + "年度数据填报", lines))
                .header("Content-Disposition", "attachment; filename=\"template.xlsx\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Cache-Control", "no-store").build();
    }

    /** The filled-in template: all its figures in one batch, or none, with every wrong cell named. */
    @POST
    @Path("workbench/template")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Object uploadTemplate(@org.jboss.resteasy.reactive.RestForm("file")
            org.jboss.resteasy.reactive.multipart.FileUpload file) {
        require(viewer.workbench());
        WorkText t = Lang.bundle(WorkText.class);
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return workbenchPage(Words.defaultYear(), null, t.choose_template(), Map.of());
        }
        FigureTemplate.Read read;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file.uploadedFile())) {
            read = FigureTemplate.read(in);
        } catch (java.io.IOException e) {
            read = new FigureTemplate.Read(List.of(), List.of(t.file_unreadable()));
        }
        if (!read.errors().isEmpty()) {
            return workbenchPage(Words.defaultYear(), null, t.nothing_reported(t.joined(read.errors())), Map.of());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FigureTemplate.Figure f : read.figures()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("metric", f.metric());
            row.put("year", f.year());
            row.put("value", f.value());
            row.put("source", f.source());
            rows.add(row);
        }
        Api.Answer answer = api.post("/api/v1/regions/" + viewer.region() + "/observations", rows);
        if (!answer.ok()) {
            List<String> cells = new ArrayList<>();
            for (JsonNode e : answer.body().path("errors")) {
                String at = FigureTemplate.cellOf(e.path("field").asText(null), read.figures());
                String message = e.path("message").asText("");
                cells.add(at == null ? message : t.at_cell(at, message));
            }
            return workbenchPage(Words.defaultYear(), null, cells.isEmpty() ? t.nothing_reported(answer.problem())
                    : t.nothing_reported_at(answer.problem(), t.joined(cells)), Map.of());
        }
        return Screen.redirect("/web/workbench?done=template&count=" + rows.size());
    }

    /** A self-assessment claim (自评): an item or a whole indicator of the department is satisfied, or not. */
    @POST
    @Path("workbench/claims")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object claim(@FormParam("indicator") String indicator, @FormParam("item") String item,
            @FormParam("year") String year, @FormParam("satisfied") String satisfied, @FormParam("comment") String comment) {
        require(viewer.workbench());
        WorkText t = Lang.bundle(WorkText.class);
        Integer y = null;
        try {
            y = Integer.valueOf(year == null ? "" : year.strip());
        } catch (NumberFormatException e) {
            return workbenchPage(Words.defaultYear(), null, t.assessment_year_whole_number(), Map.of());
        }
        if (indicator == null || !indicator.strip().matches("[0-9]{1,3}")) {
            return workbenchPage(year(y), null, t.choose_claim_indicator(), Map.of());
        }
        if (!"yes".equals(satisfied) && !"no".equals(satisfied)) {
            return workbenchPage(year(y), null, t.choose_claim_result(), Map.of());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("indicator", indicator.strip());
        if (item != null && !item.isBlank()) {
            body.put("item", item.strip());
        }
        body.put("year", y);
        body.put("satisfied", "yes".equals(satisfied));
        if (comment != null && !comment.isBlank()) {
            body.put("comment", comment.strip());
        }
        Api.Answer answer = api.post("/api/v1/regions/" + viewer.region() + "/claims", body);
        if (!answer.ok()) {
            return workbenchPage(year(y), null, t.claim_not_submitted(answer.explained()), Map.of());
        }
        return Screen.redirect("/web/workbench?done=claim");
    }

    /** A document for one of the department's indicators (PDF, image, Word, Excel or text; the API checks it). */
    @POST
    @Path("workbench/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Object uploadDocument(@org.jboss.resteasy.reactive.RestForm("indicator") String indicator,
            @org.jboss.resteasy.reactive.RestForm("item") String item,
            @org.jboss.resteasy.reactive.RestForm("years") String years,
            @org.jboss.resteasy.reactive.RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file) {
        require(viewer.workbench());
        WorkText t = Lang.bundle(WorkText.class);
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return workbenchPage(Words.defaultYear(), null, t.choose_document(), Map.of());
        }
        if (indicator == null || !indicator.strip().matches("[0-9]{1,3}")) {
            return workbenchPage(Words.defaultYear(), null, t.choose_document_indicator(), Map.of());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("indicator", indicator.strip());
        if (item != null && !item.isBlank()) {
            fields.put("item", item.strip());
        }
        if (years != null && !years.isBlank()) {
            fields.put("years", years.strip().replace('，', ','));
        }
        Api.Answer answer = api.postFile("/api/v1/regions/" + viewer.region() + "/documents", fields,
                file.fileName(), file.contentType() == null ? "application/octet-stream" : file.contentType(),
                file.uploadedFile());
        if (!answer.ok()) {
            return workbenchPage(Words.defaultYear(), null, t.not_uploaded(answer.explained()), Map.of());
        }
        return Screen.redirect("/web/workbench?done=document");
    }

    // ------------------------------------------------------------------ 审核

    @GET
    @Path("review")
    public TemplateInstance review(@QueryParam("done") String done) {
        require(viewer.review());
        WorkText t = Lang.bundle(WorkText.class);
        return reviewPage(done == null ? null : "ACCEPT".equals(done) ? t.done_accepted() : t.done_returned(), null);
    }

    private TemplateInstance reviewPage(String notice, String error) {
        TemplateInstance page = page(review, "review");
        List<Map<String, Object>> queue = EvidenceRows.of(api, viewer.region(), "state=SUBMITTED&size=100");
        // four eyes: one's own submissions are decided by another reviewer, so they get no buttons here
        queue.forEach(r -> r.put("own", viewer.username().equals(r.get("submittedBy"))));
        // departments by their Chinese names (the organisation data of one's own region is readable to a reviewer)
        Api.Answer departments = api.tryGet("/api/v1/regions/" + viewer.region() + "/departments");
        if (departments.ok()) {
            Map<String, String> names = new java.util.HashMap<>();
            departments.body().forEach(d -> names.put(d.path("code").asText(), d.path("name").asText()));
            queue.forEach(r -> r.put("department", names.getOrDefault((String) r.get("department"), (String) r.get("department"))));
        }
        page.data("queue", queue);
        if (notice != null) {
            page.data("notice", notice);
        }
        if (error != null) {
            page.data("error", error);
        }
        return page;
    }

    @POST
    @Path("review/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object decide(@PathParam("id") String id, @FormParam("decision") String decision,
            @FormParam("reason") String reason) {
        require(viewer.review());
        WorkText t = Lang.bundle(WorkText.class);
        if (!id.matches("[0-9a-fA-F-]{36}") || !("ACCEPT".equals(decision) || "REJECT".equals(decision))) {
            return reviewPage(null, t.invalid_review());
        }
        if ("REJECT".equals(decision) && (reason == null || reason.isBlank())) {
            return reviewPage(null, t.return_reason_required());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason.strip());
        }
        Api.Answer answer = api.post("/api/v1/evidence/" + id + "/review", body);
        if (!answer.ok()) {
            return reviewPage(null, t.not_reviewed(answer.problem()));
        }
        return Screen.redirect("/web/review?done=" + decision);
    }

    // ------------------------------------------------------------------ 专家评审

    @GET
    @Path("expert")
    public TemplateInstance expert(@QueryParam("region") String regionParam, @QueryParam("year") String yearParam,
            @QueryParam("done") String done) {
        require(viewer.expert());
        return expertPage(regionParam, year(yearParam), done == null ? null : Lang.bundle(WorkText.class).done_verdict(),
                null);
    }

    private TemplateInstance expertPage(String regionParam, int year, String notice, String error) {
        WorkText t = Lang.bundle(WorkText.class);
        List<String> assigned = viewer.assignedRegions();
        String region = assigned.contains(regionParam) ? regionParam : assigned.get(0);
        TemplateInstance page = page(expert, "expert").data("region", region).data("year", year)
                .data("years", years(year)).data("assigned", each(Api.JSON.valueToTree(assigned),
                        r -> row("code", r.asText(), "name", api.regionName(r.asText()))));
        if (notice != null) {
            page.data("notice", notice);
        }
        if (error != null) {
            page.data("error", error);
        }
        // what awaits this expert's verdict: every item the catalogue in force leaves to an expert, and every
        // indicator it scores by expert points, that this expert has not judged for the year yet
        java.util.Set<String> judged = new java.util.HashSet<>();
        JsonNode given = api.get("/api/v1/regions/" + region + "/evidence?kind=ASSESSMENT&year=" + year + "&size=500");
        for (JsonNode e : given) {
            if (viewer.username().equals(e.path("submittedBy").asText()) && !"WITHDRAWN".equals(e.path("state").asText())) {
                judged.add(e.path("indicator").asText() + "/" + e.path("item").asText(""));
            }
        }
        List<Map<String, Object>> awaiting = new ArrayList<>();
        JsonNode system = api.get("/api/v1/systems/NMSDZ");
        for (JsonNode first : system.path("firstLevel")) {
            for (JsonNode second : first.path("children")) {
                for (JsonNode i : second.path("indicators")) {
                    String code = i.path("code").asText();
                    if ("expert_points".equals(i.path("rule").path("kind").asText()) && !judged.contains(code + "/")) {
                        awaiting.add(row("indicator", code, "name", i.path("name").asText(), "item", "", "whole", true,
                                "max", i.path("maxPoints").asText(), "text", i.path("standard").asText(),
                                "label", t.whole_indicator(Words.points(i.path("maxPoints").asDouble()))));
                    }
                    for (JsonNode item : i.path("items")) {
                        String itemCode = item.path("code").asText();
                        if (item.path("expert").asBoolean() && !judged.contains(code + "/" + itemCode)) {
                            awaiting.add(row("indicator", code, "name", i.path("name").asText(), "item", itemCode,
                                    "whole", false, "max", "", "text", item.path("text").asText(),
                                    "label", t.item_label(itemCode, item.path("text").asText())));
                        }
                    }
                }
            }
        }
        page.data("awaiting", awaiting);
        page.data("given", EvidenceRows.of(api, region, "kind=ASSESSMENT&year=" + year + "&size=50"));
        return page;
    }

    @POST
    @Path("expert/assessments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object assess(@FormParam("region") String region, @FormParam("year") String year,
            @FormParam("indicator") String indicator, @FormParam("item") String item,
            @FormParam("verdict") String verdict, @FormParam("points") String points,
            @FormParam("comment") String comment) {
        require(viewer.expert());
        WorkText t = Lang.bundle(WorkText.class);
        int y;
        try {
            y = Integer.parseInt(year);
        } catch (NumberFormatException e) {
            return expertPage(region, Words.defaultYear(), null, t.year_not_whole_number());
        }
        if (!viewer.assignedRegions().contains(region)) {
            return expertPage(region, y, null, t.not_assigned());
        }
        if (comment == null || comment.isBlank()) {
            return expertPage(region, y, null, t.comment_required());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("indicator", indicator);
        if (item != null && !item.isBlank()) {
            body.put("item", item);
        }
        body.put("year", y);
        if (points != null && !points.isBlank()) {
            try {
                body.put("points", new BigDecimal(points.strip()));
            } catch (NumberFormatException e) {
                return expertPage(region, y, null, t.points_not_number());
            }
        } else if ("yes".equals(verdict) || "no".equals(verdict)) {
            body.put("satisfied", "yes".equals(verdict));
        } else {
            return expertPage(region, y, null, t.choose_verdict());
        }
        body.put("comment", comment.strip());
        Api.Answer answer = api.post("/api/v1/regions/" + region + "/assessments", body);
        if (!answer.ok()) {
            return expertPage(region, y, null, t.not_submitted(answer.explained()));
        }
        return Screen.redirect("/web/expert?region=" + region + "&year=" + y + "&done=1");
    }

    @Inject
    @Location("evidence-fragment.html")
    Template evidenceFragment;

    @Inject
    @Location("evidence-page.html")
    Template evidencePage;

    /** The evidence of one indicator of an assigned region (htmx swaps it under the row; without script a page). */
    @GET
    @Path("expert/evidence")
    public TemplateInstance expertEvidence(@QueryParam("region") String region, @QueryParam("indicator") String indicator,
            @jakarta.ws.rs.HeaderParam("HX-Request") String htmx) {
        require(viewer.expert() && viewer.assignedRegions().contains(region)
                && indicator != null && indicator.matches("[0-9]{1,3}"));
        List<Map<String, Object>> rows = EvidenceRows.of(api, region, "indicator=" + indicator + "&size=50");
        if ("true".equals(htmx)) {
            return localized(evidenceFragment.data("rows", rows));
        }
        return page(evidencePage, "expert").data("rows", rows)
                .data("title", Lang.bundle(WorkText.class).evidence_title(api.regionName(region), indicator));
    }

    // ------------------------------------------------------------------ documents

    /** A document's content, fetched with the user's token (the API decides whether it may be read). */
    @GET
    @Path("documents/{id}")
    @Produces(MediaType.WILDCARD)
    public Response document(@PathParam("id") String id) {
        if (!id.matches("[0-9a-fA-F-]{36}")) {
            return Response.status(404).build();
        }
        Api.Bytes content = api.bytes("/api/v1/documents/" + id + "/content");
        if (content.status() != 200) {
            return Response.status(content.status() == 403 ? 403 : 404).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity(Lang.bundle(WorkText.class).document_unreadable()).build();
        }
        return content.download();
    }
}
