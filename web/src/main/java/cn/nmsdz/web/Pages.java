package cn.nmsdz.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The workspace's entry: {@code /web/} leads to the first screen the user may use. */
@Path("/")
@Blocking
public class Pages {

    @Inject
    Viewer viewer;

    @Inject
    Lang lang;

    @Inject
    @Location("none.html")
    Template none;

    @Inject
    @Location("signed-out.html")
    Template signedOut;

    @GET
    public Response home() {
        return Screen.redirect(viewer.home());
    }

    /**
     * The header's language switch: remembers the language (the {@link LanguageChoice} filter sets its cookie) and
     * leads back to the page it was chosen on, as the browser's Referer names it (a page of the workspace only).
     */
    @GET
    @Path("language")
    public Response language(@jakarta.ws.rs.HeaderParam("Referer") String referer) {
        return Screen.redirect(LanguageChoice.back(referer));
    }

    @GET
    @Path("none")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance none() {
        return Screen.localized(none.data("viewer", viewer).data("screen", ""));
    }

    /** After logout (public): a link to log in again. */
    @GET
    @Path("signed-out")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signedOut() {
        return Screen.localized(signedOut.data("lang", lang));
    }
}
