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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 领导小组 of a county's creation office: who leads the creation (组长, 副组长, 成员, each with position and unit) and
 * the group's office, as the 自评报告 names them; officials change, so the office keeps it current here.
 */
@Path("/")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class LeadershipScreen extends Screen {
    /** The roles of a member, as the plan's documents write them (stored as written). */
    static final List<String> ROLES = List.of("组长", "副组长", "成员");
    /** Blank rows the form offers for new members. */
    static final int NEW_MEMBERS = 3;

    @Inject
    Viewer viewer;

    @Inject
    Api api;

    @Inject
    @Location("leadership.html")
    Template leadership;

    @Override
    Viewer viewer() {
        return viewer;
    }

    @GET
    @Path("campaign/leadership")
    public TemplateInstance leadership(@QueryParam("done") String done) {
        require(viewer.applies());
        return groupPage("leadership".equals(done) ? Lang.bundle(CampaignText.class).leadership_saved() : null, null);
    }

    private TemplateInstance groupPage(String notice, String error) {
        CampaignText t = Lang.bundle(CampaignText.class);
        String region = viewer.region();
        TemplateInstance page = page(leadership, "campaign").data("regionName", api.regionName(region));
        if (notice != null) {
            page.data("notice", notice);
        }
        if (error != null) {
            page.data("error", error);
        }
        Map<String, String> departments = new LinkedHashMap<>();
        api.get("/api/v1/regions/" + region + "/departments")
                .forEach(d -> departments.put(d.path("code").asText(), d.path("name").asText(d.path("code").asText())));
        Api.Answer answer = api.tryGet("/api/v1/regions/" + region + "/leadership-group");
        if (!answer.ok() && answer.status() != 404) {
            throw new Api.ApiException(answer);
        }
        JsonNode group = answer.ok() ? answer.body() : Api.JSON.createObjectNode();
        List<Map<String, Object>> members = each(group.path("members"), m -> row(
                "role", m.path("role").asText(""), "roleName", role(t, m.path("role").asText("")),
                "person", m.path("person").asText(""), "position", m.path("position").asText(""),
                "department", m.path("department").asText(""),
                "departmentName", departments.getOrDefault(m.path("department").asText(""), m.path("department").asText(""))));
        List<Map<String, Object>> rows = new ArrayList<>(members);
        for (int k = 0; k < NEW_MEMBERS; k++) {
            rows.add(row("role", "成员", "person", "", "position", "", "department", ""));
        }
        JsonNode office = group.path("office");
        return page.data("hasGroup", answer.ok()).data("title", group.path("title").asText(""))
                .data("members", members).data("memberRows", rows)
                .data("roles", ROLES.stream().map(r -> row("value", r, "name", role(t, r))).toList())
                .data("departments", departments.entrySet().stream()
                        .map(d -> row("code", d.getKey(), "name", d.getValue())).toList())
                .data("officeText", office.path("text").asText(""))
                .data("officeDepartment", office.path("department").asText(""))
                .data("officeDepartmentName", departments.getOrDefault(office.path("department").asText(""), ""))
                .data("officeDirector", office.path("director").asText(""))
                .data("officeLiaison", office.path("liaison").asText(""));
    }

    /** 组长, 副组长, 成员 in the page's language; another role as written. */
    static String role(CampaignText t, String role) {
        return switch (role) {
            case "组长" -> t.role_head();
            case "副组长" -> t.role_deputy();
            case "成员" -> t.role_member();
            default -> role;
        };
    }

    /**
     * The whole group at once, as the form shows it: a member row without a name is left out (so clearing a name
     * removes the member); a row with a position or unit but no name is refused, naming the row. The API checks the
     * units against the region.
     */
    @POST
    @Path("campaign/leadership")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object save(@FormParam("title") String title, @FormParam("role") List<String> roles,
            @FormParam("person") List<String> persons, @FormParam("position") List<String> positions,
            @FormParam("department") List<String> units, @FormParam("officeText") String officeText,
            @FormParam("officeDepartment") String officeDepartment, @FormParam("officeDirector") String officeDirector,
            @FormParam("officeLiaison") String officeLiaison) {
        require(viewer.applies());
        CampaignText t = Lang.bundle(CampaignText.class);
        if (title == null || title.isBlank()) {
            return groupPage(null, t.leadership_without_title());
        }
        List<Map<String, Object>> members = new ArrayList<>();
        for (int k = 0; k < persons.size(); k++) {
            String person = persons.get(k).strip();
            String position = k < positions.size() ? positions.get(k).strip() : "";
            String unit = k < units.size() ? units.get(k).strip() : "";
            String role = k < roles.size() && ROLES.contains(roles.get(k)) ? roles.get(k) : "成员";
            if (person.isEmpty()) {
                if (!position.isEmpty() || !unit.isEmpty()) {
                    return groupPage(null, t.member_without_name(k + 1));
                }
                continue;
            }
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("role", role);
            member.put("person", person);
            member.put("position", position.isEmpty() ? null : position);
            member.put("department", unit.isEmpty() ? null : unit);
            members.add(member);
        }
        Map<String, Object> office = new LinkedHashMap<>();
        office.put("text", blankToNull(officeText));
        office.put("department", blankToNull(officeDepartment));
        office.put("director", blankToNull(officeDirector));
        office.put("liaison", blankToNull(officeLiaison));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title.strip());
        body.put("members", members);
        body.put("office", office);
        Api.Answer answer = api.put("/api/v1/regions/" + viewer.region() + "/leadership-group", body);
        if (!answer.ok()) {
            return groupPage(null, t.leadership_not_saved(answer.explained()));
        }
        return Screen.redirect("/web/campaign/leadership?done=leadership");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
