package cn.nmsdz.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A refused screen or a failed API call is a page in the user's language that says why, with the menu; never a stack trace. */
public class ErrorPages {

    @Inject
    Viewer viewer;

    @Inject
    @Location("error.html")
    Template error;

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, Lang.msg().error_forbidden());
    }

    @ServerExceptionMapper
    public Response api(Api.ApiException e) {
        int status = e.answer().status();
        return page(status == 403 || status == 404 ? status : 502, e.answer().problem());
    }

    /** Anything unexpected: logged with its cause, shown as a plain message (never a stack trace). */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException w && w.getResponse().getStatus() < 500) {
            int status = w.getResponse().getStatus();
            return page(status, status == 404 ? Lang.msg().error_not_found() : Lang.msg().error_bad_request());
        }
        LOG.error("page failed", e);
        return page(500, Lang.msg().error_unexpected());
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ErrorPages.class);

    private Response page(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Screen.localized(error.data("viewer", viewer).data("screen", "").data("message", message)).render())
                .build();
    }
}
