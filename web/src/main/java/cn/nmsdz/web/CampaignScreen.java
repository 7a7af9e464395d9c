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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 创建进度: the creation office watches every department's progress and sets each indicator's 时间节点 (due date and
 * stage) and 责任人 (one person per lead or responsible unit), and sends the reminders now. Progress comes from
 * scoring-service's board, the schedule from indicator-service's campaign (where it is written: a change shows here at
 * once, and on the board as soon as its event has arrived).
 */
@Path("/")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class CampaignScreen extends Screen {

    @Inject
    Viewer viewer;

    @Inject
    Api api;

    @Inject
    @Location("campaign.html")
    Template campaign;

    @Inject
    @Location("department.html")
    Template department;

    @Override
    Viewer viewer() {
        return viewer;
    }

    @GET
    @Path("campaign")
    public TemplateInstance campaign(@QueryParam("year") String yearParam, @QueryParam("done") String done,
            @QueryParam("indicator") String indicator, @QueryParam("count") String count,
            @QueryParam("task") String task) {
        require(viewer.applies());
        CampaignText t = Lang.bundle(CampaignText.class);
        String shown = indicator != null && indicator.matches("[0-9]{1,3}") ? indicator : "";
        Integer sent = number(count);
        TaskKey saved = TaskKey.of(task);
        String notice = "task".equals(done) && saved != null ? t.task_saved(saved.label(t))
                : "schedule".equals(done) ? t.schedule_saved(shown)
                : "stages".equals(done) ? t.stages_saved()
                : "reminders".equals(done) ? (sent != null && sent > 0 ? t.reminders_sent(sent) : t.no_reminders())
                : null;
        return page(year(yearParam), notice, null);
    }

    private TemplateInstance page(int year, String notice, String error) {
        CampaignText t = Lang.bundle(CampaignText.class);
        String region = viewer.region();
        TemplateInstance page = page(campaign, "campaign").data("year", year).data("region", region)
                .data("years", years(year)).data("regionName", api.regionName(region))
                .data("reportQuery", "region=" + region + "&year=" + year);
        if (notice != null) {
            page.data("notice", notice);
        }
        if (error != null) {
            page.data("error", error);
        }
        JsonNode board = api.get("/api/v1/regions/" + region + "/progress?year=" + year);
        JsonNode plan = api.get("/api/v1/regions/" + region + "/campaign");
        Map<String, String> stageNames = new LinkedHashMap<>();
        List<Map<String, Object>> stages = each(plan.path("stages"), s -> {
            stageNames.put(s.path("code").asText(), s.path("name").asText());
            return row("code", s.path("code").asText(), "name", s.path("name").asText(),
                    "from", Words.date(s.path("startsOn").asText()), "to", Words.date(s.path("endsOn").asText()),
                    "fromIso", s.path("startsOn").asText(), "toIso", s.path("endsOn").asText());
        });
        List<Map<String, Object>> stageRows = new ArrayList<>(stages);
        for (int k = 0; k < NEW_STAGES; k++) {
            stageRows.add(row("code", "", "name", "", "fromIso", "", "toIso", ""));
        }
        page.data("stageRows", stageRows).data("stageSpans", stages.stream()
                .map(s -> t.stage_span((String) s.get("name"), (String) s.get("from"), (String) s.get("to"))).toList());
        Map<String, JsonNode> schedules = new HashMap<>();
        plan.path("schedules").forEach(s -> {
            if (s.path("item").isNull() || s.path("item").isMissingNode()) {
                schedules.put(s.path("indicator").asText(), s);
            }
        });
        List<Map<String, Object>> indicators = each(board.path("indicators"), i -> scheduleRow(t, i,
                schedules.getOrDefault(i.path("code").asText(), Api.JSON.createObjectNode()), stageNames));
        List<Map<String, Object>> departments = each(board.path("departments"), d -> departmentRow(t, d));
        Map<String, JsonNode> taskProgress = new HashMap<>();
        board.path("tasks").forEach(k -> taskProgress.put(k.path("kind").asText() + "-" + k.path("number").asInt(), k));
        List<Map<String, Object>> tasks = each(plan.path("tasks"), k -> taskRow(t, k,
                taskProgress.getOrDefault(k.path("kind").asText() + "-" + k.path("number").asInt(),
                        Api.JSON.createObjectNode()), stageNames));
        page.data("tasks", tasks);
        return page.data("stages", stages).data("indicators", indicators).data("departments", departments)
                .data("overdueCount", indicators.stream().filter(r -> (Boolean) r.get("overdue")).count())
                .data("asOf", Words.date(board.path("asOf").asText("")));
    }

    /**
     * An indicator's row of 时间节点和责任人: its progress (board) beside its schedule (campaign), with one person per
     * lead or responsible unit for the form.
     */
    private static Map<String, Object> scheduleRow(CampaignText t, JsonNode i, JsonNode schedule,
            Map<String, String> stageNames) {
        Map<String, JsonNode> personOf = new HashMap<>();
        schedule.path("persons").forEach(p -> personOf.putIfAbsent(p.path("department").asText(), p));
        List<Map<String, Object>> units = new ArrayList<>();
        List<JsonNode> owners = new ArrayList<>();
        i.path("leadUnits").forEach(owners::add);
        i.path("responsibleUnits").forEach(owners::add);
        for (JsonNode u : owners) {
            JsonNode p = personOf.getOrDefault(u.path("code").asText(), Api.JSON.createObjectNode());
            units.add(row("code", u.path("code").asText(), "name", u.path("name").asText(),
                    "person", p.path("name").asText(""), "phone", p.path("phone").asText("")));
        }
        String stage = schedule.path("stage").asText("");
        return row("code", i.path("code").asText(), "name", i.path("name").asText(),
                "status", Words.indicatorState(i.path("status").asText()), "statusCode", i.path("status").asText(),
                "points", i.path("points").isNumber() ? Words.points(i.path("points").asDouble()) : "—",
                "max", Words.points(i.path("maxPoints").asDouble()),
                "lead", Views.joined(each(i.path("leadUnits"), u -> u.path("name").asText(u.path("code").asText()))),
                "due", Words.date(schedule.path("dueDate").asText("")), "dueIso", schedule.path("dueDate").asText(""),
                "stage", stage, "stageName", stageNames.getOrDefault(stage, stage),
                "overdue", i.path("overdue").asBoolean(),
                "persons", persons(t, schedule.path("persons")),
                "units", units);
    }

    /** A task or measure of the plan, named in links and forms as TASK-3 or MEASURE-2. */
    record TaskKey(String kind, int number) {
        static TaskKey of(String text) {
            if (text == null || !text.matches("(TASK|MEASURE)-[0-9]{1,3}")) {
                return null;
            }
            String[] parts = text.split("-");
            return new TaskKey(parts[0], Integer.parseInt(parts[1]));
        }

        String label(CampaignText t) {
            return "MEASURE".equals(kind) ? t.measure_label(number) : t.task_label(number);
        }

        /** Its path in the API: …/plan/tasks/3, …/plan/measures/2. */
        String path() {
            return ("MEASURE".equals(kind) ? "measures/" : "tasks/") + number;
        }

        @Override
        public String toString() {
            return kind + "-" + number;
        }
    }

    /**
     * A row of 实施方案任务: the task as indicator-service holds it (so a saved change shows at once) beside its
     * progress on the board (done, on track, overdue).
     */
    private static Map<String, Object> taskRow(CampaignText t, JsonNode k, JsonNode progress,
            Map<String, String> stageNames) {
        TaskKey key = new TaskKey(k.path("kind").asText(), k.path("number").asInt());
        String title = k.path("title").asText("");
        if (title.isBlank()) {
            String text = k.path("text").asText("");
            title = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        }
        String stage = k.path("stage").asText("");
        String state = progress.path("state").asText("");
        return row("key", key.toString(), "label", key.label(t), "title", title,
                "due", Words.date(k.path("dueDate").asText("")), "dueIso", k.path("dueDate").asText(""),
                "stage", stage, "stageName", stageNames.getOrDefault(stage, stage),
                "target", k.path("targetValue").isNumber() ? t.target_progress(
                        k.path("currentValue").isNumber() ? k.path("currentValue").decimalValue().stripTrailingZeros()
                                .toPlainString() : "—",
                        k.path("targetValue").decimalValue().stripTrailingZeros().toPlainString(),
                        k.path("targetUnit").asText("")) : "",
                "currentIso", k.path("currentValue").isNumber()
                        ? k.path("currentValue").decimalValue().stripTrailingZeros().toPlainString() : "",
                "targetIso", k.path("targetValue").isNumber()
                        ? k.path("targetValue").decimalValue().stripTrailingZeros().toPlainString() : "",
                "unit", k.path("targetUnit").asText(""),
                "stateCode", state,
                "state", switch (state) {
                    case "DONE" -> t.task_done();
                    case "OVERDUE" -> t.task_overdue();
                    case "ON_TRACK" -> t.task_on_track();
                    default -> "";
                },
                "persons", persons(t, k.path("persons")));
    }

    /** Responsible persons in a line: 张伟（023-49881234）、李娜. */
    private static String persons(CampaignText t, JsonNode persons) {
        return Views.joined(each(persons, p -> p.path("phone").asText("").isBlank() ? p.path("name").asText()
                : t.person_phone(p.path("name").asText(), p.path("phone").asText())));
    }

    /** A department's progress as 部门进展 shows it. */
    static Map<String, Object> departmentRow(CampaignText t, JsonNode d) {
        return row("code", d.path("code").asText(), "name", d.path("name").asText(d.path("code").asText()),
                "link", "/web/campaign/departments/" + java.net.URLEncoder.encode(d.path("code").asText(),
                        java.nio.charset.StandardCharsets.UTF_8),
                "owned", d.path("indicatorsOwned").asInt(),
                "possible", Words.points(d.path("pointsPossible").asDouble()),
                "confirmed", Words.points(d.path("pointsConfirmed").asDouble()),
                "lost", Words.points(d.path("pointsLost").asDouble()),
                "overdue", d.path("overdue").asInt(), "awaiting", d.path("awaitingReview").asInt(),
                "redo", d.path("rejectedToRedo").asInt(),
                "last", d.path("lastActivity").isTextual() ? Words.dateTime(d.path("lastActivity").asText())
                        : t.nothing_submitted());
    }

    // ------------------------------------------------------------------ one department

    /** A department of the region: what it owns and must still deliver, by when, and its liaisons (联络员). */
    @GET
    @Path("campaign/departments/{department}")
    public TemplateInstance department(@PathParam("department") String code, @QueryParam("year") String yearParam,
            @QueryParam("done") String done) {
        require(viewer.applies());
        return departmentPage(departmentCode(code), year(yearParam),
                "liaisons".equals(done) ? Lang.bundle(CampaignText.class).liaisons_saved() : null, null);
    }

    /** A department code as a link gives it (letters, digits and hyphens); anything else is no page. */
    private static String departmentCode(String code) {
        if (code == null || !code.matches("[0-9A-Za-z][0-9A-Za-z-]{0,63}")) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return code;
    }

    private TemplateInstance departmentPage(String code, int year, String notice, String error) {
        CampaignText t = Lang.bundle(CampaignText.class);
        String region = viewer.region();
        JsonNode list = api.get("/api/v1/regions/" + region + "/progress/departments/" + code + "?year=" + year);
        TemplateInstance page = page(department, "campaign").data("year", year).data("region", region)
                .data("years", years(year)).data("department", departmentRow(t, list.path("department")))
                .data("asOf", Words.date(list.path("asOf").asText("")));
        if (notice != null) {
            page.data("notice", notice);
        }
        if (error != null) {
            page.data("error", error);
        }
        java.util.function.Function<JsonNode, Map<String, Object>> indicator = i -> row("code", i.path("code").asText(),
                "name", i.path("name").asText(), "status", Words.indicatorState(i.path("status").asText()),
                "statusCode", i.path("status").asText(),
                "points", i.path("points").isNumber() ? Words.points(i.path("points").asDouble()) : "—",
                "max", Words.points(i.path("maxPoints").asDouble()), "due", Words.date(i.path("dueDate").asText("")),
                "overdue", i.path("overdue").asBoolean());
        List<Map<String, Object>> liaisons = each(api.get("/api/v1/regions/" + region + "/departments/" + code
                + "/liaisons"), l -> row("name", l.path("name").asText(""), "phone", l.path("phone").asText(""),
                "contact", l.path("contact").asText("")));
        List<Map<String, Object>> rows = new ArrayList<>(liaisons);
        rows.add(row("name", "", "phone", "", "contact", ""));
        return page.data("toDeliver", each(list.path("toDeliver"), indicator::apply))
                .data("indicators", each(list.path("indicators"), indicator::apply))
                .data("liaisons", liaisons).data("liaisonRows", rows);
    }

    /** The department's liaisons, all at once: a row left blank is left out (so clearing a row removes its liaison). */
    @POST
    @Path("campaign/departments/{department}/liaisons")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object liaisons(@PathParam("department") String code, @FormParam("year") String yearParam,
            @FormParam("name") List<String> names, @FormParam("phone") List<String> phones,
            @FormParam("contact") List<String> contacts) {
        require(viewer.applies());
        CampaignText t = Lang.bundle(CampaignText.class);
        String department = departmentCode(code);
        int year = year(yearParam);
        List<Map<String, Object>> liaisons = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k).strip();
            String phone = k < phones.size() ? phones.get(k).strip() : "";
            String contact = k < contacts.size() ? contacts.get(k).strip() : "";
            if (name.isEmpty() && phone.isEmpty() && contact.isEmpty()) {
                continue;
            }
            if (name.isEmpty() || phone.isEmpty() && contact.isEmpty()) {
                return departmentPage(department, year, null, name.isEmpty() ? t.liaison_without_name(k + 1)
                        : t.liaison_without_contact(name));
            }
            Map<String, Object> liaison = new LinkedHashMap<>();
            liaison.put("name", name);
            liaison.put("phone", phone.isEmpty() ? null : phone);
            liaison.put("contact", contact.isEmpty() ? null : contact);
            liaisons.add(liaison);
        }
        Api.Answer answer = api.put("/api/v1/regions/" + viewer.region() + "/departments/" + department + "/liaisons",
                liaisons);
        if (!answer.ok()) {
            return departmentPage(department, year, null, t.liaisons_not_saved(answer.explained()));
        }
        return Screen.redirect("/web/campaign/departments/" + department + "?year=" + year + "&done=liaisons");
    }

    // ------------------------------------------------------------------ schedules, stages, reminders

    /**
     * An indicator's 时间节点 and 责任人: the due date and stage, and for each of its units the person named (a unit
     * left blank has none). The API checks the date against the stages and the units against the region.
     */
    @POST
    @Path("campaign/schedule")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object schedule(@FormParam("year") String yearParam, @FormParam("indicator") String indicator,
            @FormParam("dueDate") String dueDate, @FormParam("stage") String stage,
            @FormParam("department") List<String> departments, @FormParam("person") List<String> names,
            @FormParam("phone") List<String> phones) {
        require(viewer.applies());
        CampaignText t = Lang.bundle(CampaignText.class);
        int year = year(yearParam);
        if (indicator == null || !indicator.matches("[0-9]{1,3}")) {
            return page(year, null, t.bad_indicator());
        }
        String due = dueDate == null ? "" : dueDate.strip();
        if (!due.isEmpty() && !due.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return page(year, null, t.due_not_a_date(indicator, (Words.defaultYear() + 1) + "-06-30"));
        }
        List<Map<String, Object>> persons = new ArrayList<>();
        int n = departments == null ? 0 : departments.size();
        for (int k = 0; k < n; k++) {
            String name = k < names.size() ? names.get(k).strip() : "";
            String phone = k < phones.size() ? phones.get(k).strip() : "";
            if (name.isEmpty() && !phone.isEmpty()) {
                return page(year, null, t.phone_without_person(indicator));
            }
            if (!name.isEmpty()) {
                Map<String, Object> person = new LinkedHashMap<>();
                person.put("department", departments.get(k));
                person.put("name", name);
                person.put("phone", phone.isEmpty() ? null : phone);
                persons.add(person);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dueDate", due.isEmpty() ? null : due);
        body.put("stage", stage == null || stage.isBlank() ? null : stage.strip());
        body.put("persons", persons);
        Api.Answer answer = api.put("/api/v1/regions/" + viewer.region() + "/decomposition/" + indicator + "/schedule", body);
        if (!answer.ok()) {
            return page(year, null, t.schedule_not_saved(indicator, answer.explained()));
        }
        return Screen.redirect("/web/campaign?year=" + year + "&done=schedule&indicator=" + indicator + "#i" + indicator);
    }

    /**
     * A task's or measure's 时间节点, stage and target (当前值 / 目标值 and its unit). Its responsible persons stay as
     * they are (the API replaces them with what it is sent, so they are read and sent back); a target left blank
     * stays as it is.
     */
    @POST
    @Path("campaign/tasks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object task(@FormParam("year") String yearParam, @FormParam("task") String task,
            @FormParam("dueDate") String dueDate, @FormParam("stage") String stage,
            @FormParam("currentValue") String currentValue, @FormParam("targetValue") String targetValue,
            @FormParam("targetUnit") String targetUnit) {
        require(viewer.applies());
        CampaignText t = Lang.bundle(CampaignText.class);
        int year = year(yearParam);
        TaskKey key = TaskKey.of(task);
        if (key == null) {
            return page(year, null, t.bad_task());
        }
        String due = dueDate == null ? "" : dueDate.strip();
        if (!due.isEmpty() && !due.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return page(year, null, t.task_due_not_a_date(key.label(t), (Words.defaultYear() + 1) + "-06-30"));
        }
        java.math.BigDecimal current;
        java.math.BigDecimal target;
        try {
            current = decimal(currentValue);
        } catch (NumberFormatException e) {
            return page(year, null, t.task_not_a_number(key.label(t), t.current_value()));
        }
        try {
            target = decimal(targetValue);
        } catch (NumberFormatException e) {
            return page(year, null, t.task_not_a_number(key.label(t), t.target_value()));
        }
        JsonNode stored = null;
        for (JsonNode k : api.get("/api/v1/regions/" + viewer.region() + "/campaign").path("tasks")) {
            if (key.kind().equals(k.path("kind").asText()) && key.number() == k.path("number").asInt()) {
                stored = k;
            }
        }
        if (stored == null) {
            return page(year, null, t.bad_task());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dueDate", due.isEmpty() ? null : due);
        body.put("stage", stage == null || stage.isBlank() ? null : stage.strip());
        body.put("persons", stored.path("persons"));
        body.put("currentValue", current);
        body.put("targetValue", target);
        body.put("targetUnit", target == null ? stored.path("targetUnit").asText(null)
                : targetUnit == null || targetUnit.isBlank() ? null : targetUnit.strip());
        Api.Answer answer = api.put("/api/v1/regions/" + viewer.region() + "/plan/" + key.path(), body);
        if (!answer.ok()) {
            return page(year, null, t.task_not_saved(key.label(t), answer.explained()));
        }
        return Screen.redirect("/web/campaign?year=" + year + "&done=task&task=" + key + "#task-" + key);
    }

    /** A number typed into a form (blank: none); anything else, or longer than a number is, is no number. */
    static java.math.BigDecimal decimal(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.length() > 30) {
            throw new NumberFormatException("too long");
        }
        return typed.isEmpty() ? null : new java.math.BigDecimal(typed);
    }

    /** Blank rows the stages' form offers for new stages. */
    static final int NEW_STAGES = 2;

    /**
     * The creation's stages (启动部署, 全面推进, 申报验收 …), all at once: a row without a name is left out (so a stage
     * is removed by clearing its name), a new one gets the next free code stage-N. The API checks the dates.
     */
    @POST
    @Path("campaign/stages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object stages(@FormParam("year") String yearParam, @FormParam("code") List<String> codes,
            @FormParam("name") List<String> names, @FormParam("startsOn") List<String> starts,
            @FormParam("endsOn") List<String> ends) {
        require(viewer.applies());
        CampaignText t = Lang.bundle(CampaignText.class);
        int year = year(yearParam);
        java.util.Set<String> taken = new java.util.HashSet<>(codes);
        List<Map<String, Object>> stages = new ArrayList<>();
        int next = 1;
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k).strip();
            String from = k < starts.size() ? starts.get(k).strip() : "";
            String to = k < ends.size() ? ends.get(k).strip() : "";
            if (name.isEmpty()) {
                if (!from.isEmpty() || !to.isEmpty()) {
                    return page(year, null, t.stage_without_name(k + 1));
                }
                continue;
            }
            if (!from.matches("\\d{4}-\\d{2}-\\d{2}") || !to.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return page(year, null, t.stage_without_dates(name));
            }
            if (to.compareTo(from) < 0) { // ISO dates sort as they fall
                return page(year, null, t.stage_ends_before_start(name));
            }
            String code = k < codes.size() && codes.get(k).matches("[a-z0-9]+(-[a-z0-9]+)*") ? codes.get(k) : null;
            while (code == null) {
                String candidate = "stage-" + next++;
                if (taken.add(candidate)) {
                    code = candidate;
                }
            }
            stages.add(row("code", code, "name", name, "startsOn", from, "endsOn", to));
        }
        Api.Answer answer = api.put("/api/v1/regions/" + viewer.region() + "/stages", stages);
        if (!answer.ok()) {
            return page(year, null, t.stages_not_saved(answer.explained()));
        }
        return Screen.redirect("/web/campaign?year=" + year + "&done=stages");
    }

    /** The reminders of what is overdue or falls due soon, now rather than at 08:00 tomorrow. */
    @POST
    @Path("campaign/reminders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object reminders(@FormParam("year") String yearParam) {
        require(viewer.applies());
        int year = year(yearParam);
        Api.Answer answer = api.post("/api/v1/regions/" + viewer.region() + "/reminders?year=" + year, null);
        if (!answer.ok()) {
            return page(year, null, Lang.bundle(CampaignText.class).reminders_not_sent(answer.explained()));
        }
        return Screen.redirect("/web/campaign?year=" + year + "&done=reminders&count=" + answer.body().path("notified").asInt());
    }
}
