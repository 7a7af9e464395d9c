package cn.nmsdz.web;

import static cn.nmsdz.web.Views.each;
import static cn.nmsdz.web.Views.row;

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
import java.util.List;
import java.util.Map;

/**
 * 消息: the user's inbox (reminders of what is overdue or due soon, a rejection, what awaits review or a verdict), as
 * {@code GET /notifications} scopes it by the token; each is marked read here, one or all at once.
 */
@Path("/")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class MessageScreen extends Screen {
    /** How many messages the page lists, newest first. */
    static final int SHOWN = 200;

    @Inject
    Viewer viewer;

    @Inject
    Api api;

    @Inject
    @Location("messages.html")
    Template messages;

    @Override
    Viewer viewer() {
        return viewer;
    }

    @GET
    @Path("messages")
    public TemplateInstance messages(@QueryParam("unread") String unread, @QueryParam("done") String done) {
        require(viewer.inbox());
        boolean unreadOnly = "true".equals(unread);
        List<Map<String, Object>> rows = each(api.get("/api/v1/notifications?limit=" + SHOWN
                + (unreadOnly ? "&unread=true" : "")), n -> row("id", n.path("id").asLong(),
                "at", Words.dateTime(n.path("createdAt").asText()), "region", n.path("region").asText(),
                "kind", Words.notification(n.path("type").asText()), "message", Words.ours(n.path("message").asText()),
                "read", n.path("read").asBoolean()));
        TemplateInstance page = page(messages, "messages").data("rows", rows).data("unreadOnly", unreadOnly)
                .data("unread", rows.stream().filter(r -> !(Boolean) r.get("read")).count());
        return "read".equals(done) ? page.data("notice", Lang.bundle(CampaignText.class).marked_read()) : page;
    }

    /** Marks one message read, or (id "all") every unread one the page lists. */
    @POST
    @Path("messages/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object read(@FormParam("id") String id) {
        require(viewer.inbox());
        List<Long> ids = "all".equals(id)
                ? each(api.get("/api/v1/notifications?unread=true&limit=" + SHOWN), n -> n.path("id").asLong())
                : number(id) == null ? List.of() : List.of(number(id).longValue());
        for (long one : ids) {
            Api.Answer answer = api.post("/api/v1/notifications/" + one + "/read", null);
            if (!answer.ok()) {
                throw new Api.ApiException(answer);
            }
        }
        return Screen.redirect("/web/messages?done=read");
    }
}
