package cn.nmsdz.support.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves a service as application/problem+json; nothing leaves as a bare 500. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, ContainerRequestContext request) {
        if (e.status() == 403) {
            LOG.warnf("denied user=%s resource=%s: %s", user(request), uri.getPath(), e.getMessage());
        }
        return respond(e.status(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? pointer(m) : null;
        String detail = e instanceof InvalidFormatException f
                ? "value " + f.getValue() + " is not a valid " + f.getTargetType().getSimpleName()
                : e instanceof MismatchedInputException ? "the body does not have the expected shape: " + e.getOriginalMessage()
                : "the body is not valid JSON: " + e.getOriginalMessage();
        List<Problem.FieldError> errors = field == null ? List.of() : List.of(new Problem.FieldError(field, detail));
        return respond(400, "Malformed request body", detail, uri, errors);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(401, "Unauthorized", "a valid bearer token from the nmsdz realm is required", uri, List.of());
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return respond(401, "Unauthorized", "the bearer token was refused (signature, issuer, audience or expiry)",
                uri, List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, ContainerRequestContext request) {
        LOG.warnf("denied user=%s resource=%s: by role rule", user(request), uri.getPath());
        return respond(403, "Forbidden", "your roles do not allow this operation", uri, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = e.getMessage() == null ? title : e.getMessage();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        return respond(status, title, detail, uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("unexpected error on " + uri.getPath(), e);
        return respond(500, "Internal error", "an unexpected error occurred; quote the request id to the operators", uri,
                List.of());
    }

    private static String user(ContainerRequestContext request) {
        SecurityContext security = request == null ? null : request.getSecurityContext();
        return security == null || security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
    }

    static String pointer(JsonMappingException e) {
        if (e.getPath() == null || e.getPath().isEmpty()) {
            return null;
        }
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("/", "/", ""));
    }

    public static Response respond(int status, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        Object requestId = MDC.get(RequestIdFilter.MDC_KEY);
        Problem body = new Problem("about:blank", title, status, detail, uri == null ? null : uri.getPath(),
                requestId == null ? null : requestId.toString(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
