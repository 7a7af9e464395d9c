package cn.nmsdz.support.rest;

import cn.nmsdz.support.json.StrictJsonReading;
import cn.nmsdz.support.json.StrictUtf8Input;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/** Every error leaves a service as application/problem+json; nothing leaves as a bare 500. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, ContainerRequestContext request) {
        if (e.status() == 403) {
            LOG.warnf("denied user=%s resource=%s: %s", user(request), uri.getPath(), e.getMessage());
        }
        boolean chinese = ProblemText.current() == Language.ZH;
        return respond(type(e), e.status(), e.title(), chinese && e.chineseDetail() != null ? e.chineseDetail()
                : e.getMessage(), uri, chinese && e.chineseErrors() != null ? e.chineseErrors() : e.errors());
    }

    /** The type of a refusal: the rule its detail names, else the type it was given, else its status's. */
    static String type(ProblemException e) {
        return RefusalRule.namedIn(e.getMessage()).map(RefusalRule::type)
                .orElseGet(() -> e.type() != null ? e.type() : typeOf(e.status()));
    }

    /** The type of a problem that says what its status says (a 403 without a named rule is the role rule's). */
    static String typeOf(int status) {
        return status == 403 ? RefusalRule.ROLE.type() : ProblemType.forStatus(status).type();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        Optional<RequestReading.BodyTooLarge> tooLarge = cause(e, RequestReading.BodyTooLarge.class);
        if (tooLarge.isPresent()) {
            return bodyTooLarge(tooLarge.get(), uri);
        }
        ProblemException problem = unreadable(e);
        // the library's own words stay in the log, with the request id; the client gets them in its own terms
        LOG.infof("unreadable body on %s: %s", uri == null ? "?" : uri.getPath(), firstLine(e.getOriginalMessage()));
        return respond(problem.type(), problem.status(), problem.title(), problem.getMessage(), uri, problem.errors());
    }

    /**
     * The problem of a body that cannot be read, for resources that read a tree into a record themselves: the same
     * problem as a body bound by the framework.
     */
    public static ProblemException unreadable(JsonProcessingException e) {
        String field = field(e);
        String detail = jsonDetail(e, field);
        return new ProblemException(400, "Malformed request body", detail,
                field == null ? List.of() : List.of(new Problem.FieldError(field, detail))).typed(ProblemType.MALFORMED_BODY);
    }

    /**
     * quarkus-rest-jackson maps this family itself, more specifically than {@link #unreadableJson}, to a 400
     * without a body; this mapper of the same type takes precedence so a wrong JSON type is a problem too.
     */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    /**
     * The field an unreadable body is wrong at, as a JSON pointer ("/value", "/observations/3/year"), or null when
     * the body as a whole is wrong: the same for every endpoint, whether the body is bound to a record or read as a tree.
     */
    public static String field(JsonProcessingException e) {
        String pointer = e instanceof JsonMappingException m ? pointer(m) : null;
        if (pointer == null && (isDuplicate(e) || e instanceof StrictJsonReading.NumberOutOfRange)
                && e.getProcessor() instanceof JsonParser p) {
            // the parser stands at the duplicate name or the number
            String at = p.getParsingContext().pathAsPointer().toString();
            pointer = at.isEmpty() ? null : at;
        }
        return pointer;
    }

    /**
     * What is wrong with an unreadable body, in the client's terms (JSON types, the field), never the library's
     * message (which names Java classes and Jackson's internals).
     */
    public static String jsonDetail(JsonProcessingException e, String field) {
        String at = field == null ? ProblemText.text("json.theBody") : field;
        if (e instanceof StrictUtf8Input.MalformedUtf8) {
            return e.getOriginalMessage();
        }
        if (e instanceof StrictJsonReading.RefusedText) {
            return ProblemText.text("json.refusedText", field == null ? ProblemText.text("json.aString") : field,
                    e.getOriginalMessage());
        }
        if (e instanceof StrictJsonReading.NumberOutOfRange || hasCause(e, NumberFormatException.class)
                || hasCause(e, ArithmeticException.class)) {
            return ProblemText.text("json.outOfRange", at);
        }
        if (isDuplicate(e)) {
            return ProblemText.text("json.duplicate", field == null ? ProblemText.text("json.aKey") : field);
        }
        if (e instanceof MismatchedInputException && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            return ProblemText.text("json.trailing", where(e));
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return ProblemText.text("json.notOneOf", at, String.valueOf(f.getValue()), expected(f.getTargetType()));
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return ProblemText.text("json.wrongType", at, expected(m.getTargetType()));
        }
        if (e instanceof ValueInstantiationException) {
            // a record's constructor refused the value, e.g. List.copyOf on an array holding null
            return ProblemText.text("json.nullInArray", at);
        }
        if (e instanceof StreamConstraintsException) {
            return constraint(e.getOriginalMessage());
        }
        String message = String.valueOf(e.getOriginalMessage());
        if (e instanceof MismatchedInputException && message.startsWith("No content to map")) {
            return ProblemText.text("json.required");
        }
        if (e instanceof JsonEOFException) {
            return ProblemText.text("json.incomplete");
        }
        if (e instanceof MismatchedInputException || e instanceof JsonMappingException) {
            return ProblemText.text("json.shape", at);
        }
        return ProblemText.text("json.invalid", where(e));
    }

    /** Jackson's STRICT_DUPLICATE_DETECTION (a parse error) and FAIL_ON_READING_DUP_TREE_KEY (a mapping error). */
    static boolean isDuplicate(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return message != null && (message.startsWith("Duplicate field '") || message.startsWith("Duplicate Object property"));
    }

    /** A limit of StreamReadConstraints, said without its Java names. */
    static String constraint(String message) {
        StreamReadConstraints limits = StreamReadConstraints.defaults();
        String m = String.valueOf(message);
        if (m.contains("nesting depth")) {
            return ProblemText.text("json.nesting", String.valueOf(limits.getMaxNestingDepth()));
        }
        if (m.startsWith("Number")) {
            return ProblemText.text("json.numberLength", String.valueOf(limits.getMaxNumberLength()));
        }
        if (m.startsWith("String") || m.startsWith("Name")) {
            return ProblemText.text("json.stringLength", String.valueOf(limits.getMaxStringLength()));
        }
        return ProblemText.text("json.limit");
    }

    private static String where(JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        return l == null || l.getLineNr() < 1 ? "" : ProblemText.text("json.where", String.valueOf(l.getLineNr()),
                String.valueOf(l.getColumnNr()));
    }

    static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type).isPresent();
    }

    static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        return Causes.find(e, type);
    }

    static String expected(Class<?> type) {
        if (type.isEnum()) {
            return ProblemText.text("type.oneOf", java.util.Arrays.toString(type.getEnumConstants()));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return ProblemText.text("type.array");
        }
        if (type == Boolean.class || type == boolean.class) {
            return ProblemText.text("type.boolean");
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || java.math.BigInteger.class == type) {
            return ProblemText.text(type == Integer.class || type == int.class ? "type.int" : "type.wholeNumber");
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return ProblemText.text("type.number");
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return ProblemText.text("type.string");
        }
        return ProblemText.text("type.object");
    }

    /** A JSON body that passed its limit while it streamed (see {@link RequestReading}). */
    @ServerExceptionMapper
    public Response bodyTooLarge(RequestReading.BodyTooLarge e, UriInfo uri) {
        return respond(413, "Content Too Large", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(401, "Unauthorized", ProblemText.text("unauthorized"), uri, List.of());
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return respond(401, "Unauthorized", ProblemText.text("tokenRefused"), uri, List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, ContainerRequestContext request) {
        LOG.warnf("denied user=%s resource=%s: by role rule", user(request), uri.getPath());
        return respond(RefusalRule.ROLE.type(), 403, "Forbidden", ProblemText.text("forbiddenByRole"), uri, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, SimpleResourceInfo resource, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = e.getMessage() == null ? title : e.getMessage();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        Optional<RequestReading.BodyTooLarge> tooLarge = cause(e, RequestReading.BodyTooLarge.class);
        if (tooLarge.isPresent()) {
            return bodyTooLarge(tooLarge.get(), uri);
        }
        if (status == 405) {
            // say which methods the resource has, in the Allow header and the detail
            String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
            if ((allow == null || allow.isBlank()) && uri != null) {
                allow = AllowedMethods.of(uri.getPath());
            }
            Response problem = respond(405, "Method Not Allowed", allow == null || allow.isBlank()
                    ? ProblemText.text("methodNotAllowed")
                    : ProblemText.text("methodAllowsOnly", allow.replace(",", ", ").replaceAll(" +", " ")), uri, List.of());
            return allow == null || allow.isBlank() ? problem
                    : Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build();
        }
        // RESTEasy answers a path or query parameter it cannot convert with a bare 404 (path, query) or 400:
        // name the parameter and what it must be instead
        if ((e instanceof NotFoundException || e instanceof BadRequestException) && e.getCause() != null) {
            Optional<Problem.FieldError> bad = unconvertibleParameter(resource, uri);
            if (bad.isPresent()) {
                // the same mistake as a number parameter's constraint (WholeNumber): the same problem
                return respond(ProblemType.INVALID_FIELD.type(), 400, "Invalid request", bad.get().message(), uri,
                        List.of(bad.get()));
            }
        }
        if (e instanceof NotSupportedException) {
            String type = headers == null ? null : headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
            detail = type == null || type.isBlank()
                    ? ProblemText.text("contentTypeRequired")
                    : ProblemText.text("contentTypeRefused", type);
        } else if (status == 413) {
            detail = ProblemText.text("bodyTooLarge");
        }
        return respond(status, title, detail, uri, List.of());
    }

    /** The first {@code @PathParam}/{@code @QueryParam} of the matched method whose value its type cannot hold. */
    static Optional<Problem.FieldError> unconvertibleParameter(SimpleResourceInfo resource, UriInfo uri) {
        if (resource == null || uri == null) {
            return Optional.empty();
        }
        Method method;
        try {
            method = resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes());
        } catch (NoSuchMethodException | SecurityException e) {
            return Optional.empty();
        }
        for (Parameter p : method.getParameters()) {
            QueryParam query = p.getAnnotation(QueryParam.class);
            PathParam path = p.getAnnotation(PathParam.class);
            String kind = query != null ? "parameter.query" : "parameter.path";
            String name = query != null ? query.value() : path != null ? path.value() : null;
            String raw = query != null ? uri.getQueryParameters().getFirst(name)
                    : path != null ? uri.getPathParameters().getFirst(name) : null;
            Optional<String> problem = raw == null ? Optional.empty() : conversionProblem(raw, p.getType());
            if (problem.isPresent()) {
                return Optional.of(new Problem.FieldError(name, ProblemText.text(kind, name, problem.get())));
            }
        }
        return Optional.empty();
    }

    /** Why {@code raw} does not convert to {@code type}, for the numeric types the resources use. */
    static Optional<String> conversionProblem(String raw, Class<?> type) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(raw);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(raw);
            } else {
                return Optional.empty();
            }
            return Optional.empty();
        } catch (NumberFormatException e) {
            String shown = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
            return Optional.of(ProblemText.text(type == int.class || type == Integer.class ? "parameter.int"
                    : "parameter.wholeNumber", shown));
        }
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (clientGone(e, connectionClosed())) {
            // the client hung up (mid-body or before the answer): nobody is left to answer and nothing failed here;
            // one line, no stack trace, and a status that is no 5xx for the metrics (Vert.x also counts it as RESET)
            LOG.infof("client closed the connection on %s before the answer: %s", uri.getPath(),
                    firstLine(rootCause(e).toString()));
            return Response.status(CLIENT_CLOSED_REQUEST).build();
        }
        Optional<RequestReading.BodyTooLarge> tooLarge = cause(e, RequestReading.BodyTooLarge.class);
        if (tooLarge.isPresent()) {
            return bodyTooLarge(tooLarge.get(), uri);
        }
        Optional<SQLException> data = dataException(e);
        if (data.isPresent()) {
            // the database refused a value of the request (too long, out of range): the transaction is rolled back,
            // so nothing changed; the validation that should have caught it is missing. Its text (the statement,
            // the values) goes to the log with the request id, never to the client
            LOG.warnf("a value of the request on %s was refused by the database: %s", uri.getPath(), data.get().getMessage());
            return respond(ProblemType.VALUE_REFUSED.type(), 400, "Invalid request", ProblemText.text("databaseRefused"), uri,
                    List.of());
        }
        if (isMultipartParsing(e)) {
            LOG.infof("unreadable multipart body on %s: %s", uri.getPath(), e.getMessage());
            return respond(ProblemType.MALFORMED_BODY.type(), 400, "Malformed request body", ProblemText.text("multipart"),
                    uri, List.of());
        }
        if (identityProviderUnreachable(e)) {
            // Keycloak is down or out of reach: the token cannot be checked now, which is not the caller's fault
            // nor a fault of this service; the caller may retry (the same answer as the gateway's)
            LOG.warnf("token check impossible on %s: %s", uri.getPath(), e.getMessage());
            return Response.fromResponse(respond(503, "Service Unavailable", ProblemText.text("identityProvider"), uri,
                    List.of())).header("Retry-After", "10").build();
        }
        Optional<SQLException> noConnection = noDatabaseConnection(e);
        if (noConnection.isPresent()) {
            // every pooled connection busy for the acquisition timeout, or PostgreSQL out of reach: the transaction
            // never started or was rolled back, and the caller may retry; one line, no stack trace
            LOG.warnf("no database connection for %s: %s", uri.getPath(), firstLine(noConnection.get().getMessage()));
            return Response.fromResponse(respond(ProblemType.DATABASE_UNAVAILABLE.type(), 503, "Service Unavailable",
                    ProblemText.text("databaseUnavailable"), uri, List.of())).header("Retry-After", "5").build();
        }
        LOG.error("unexpected error on " + uri.getPath(), e);
        return respond(500, "Internal error", ProblemText.text("unexpected"), uri, List.of());
    }

    /**
     * The status of a request whose client closed its connection before the answer (nginx's 499, "client closed
     * request"): nobody reads it; it is what the HTTP metrics record instead of a 500.
     */
    public static final int CLIENT_CLOSED_REQUEST = 499;

    /**
     * Whether the error only says that the client went away: Vert.x's "Connection was closed" or a closed channel
     * anywhere in the causes, or any I/O error once the request's connection is closed (a multipart body cut off).
     */
    static boolean clientGone(Throwable e, boolean connectionClosed) {
        return hasCause(e, io.vertx.core.http.HttpClosedException.class)
                || hasCause(e, java.nio.channels.ClosedChannelException.class)
                || connectionClosed && hasCause(e, IOException.class);
    }

    /** Whether the connection of the request being answered is closed (false outside a request). */
    static boolean connectionClosed() {
        var request = org.jboss.resteasy.reactive.server.core.CurrentRequestManager.get();
        return request != null && request.serverResponse() != null && request.serverResponse().closed();
    }

    /** The innermost cause ({@link Causes#root}: a chain that loops ends where it loops). */
    static Throwable rootCause(Throwable e) {
        return Causes.root(e);
    }

    /** Whether the OIDC provider could not be reached (its discovery, keys or introspection) anywhere in the causes. */
    static boolean identityProviderUnreachable(Throwable e) {
        return cause(e, io.quarkus.oidc.OIDCException.class).isPresent();
    }

    /** An SQL "data exception" (SQLSTATE class 22) anywhere in the causes: a bad value, not a server fault. */
    static Optional<SQLException> dataException(Throwable e) {
        for (Throwable t : Causes.of(e)) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    /** Agroal's refusal when no pooled connection came free in time: a plain SQLException with this text. */
    static final String ACQUISITION_TIMEOUT = "Sorry, acquisition timeout!";

    /**
     * An SQL "connection exception" (SQLSTATE class 08: PostgreSQL out of reach) or the pool's acquisition timeout
     * anywhere in the causes: the database could not be used for this request, which the caller may retry.
     */
    static Optional<SQLException> noDatabaseConnection(Throwable e) {
        for (Throwable t : Causes.of(e)) {
            if (t instanceof SQLException sql && (sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    || ACQUISITION_TIMEOUT.equals(sql.getMessage()))) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    /** RESTEasy's multipart parser throws a plain IOException for a body that is truncated or has no boundary. */
    static boolean isMultipartParsing(Exception e) {
        return e instanceof IOException && e.getStackTrace().length > 0
                && e.getStackTrace()[0].getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart.");
    }

    static String firstLine(String message) {
        return message == null ? "" : message.split("\n")[0];
    }

    private static String user(ContainerRequestContext request) {
        SecurityContext security = request == null ? null : request.getSecurityContext();
        return security == null || security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
    }

    public static String pointer(JsonMappingException e) {
        if (e.getPath() == null || e.getPath().isEmpty()) {
            return null;
        }
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("/", "/", ""));
    }

    /** A problem of the type its status says ({@link #typeOf}). */
    public static Response respond(int status, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        return respond(typeOf(status), status, title, detail, uri, errors);
    }

    public static Response respond(String type, int status, String title, String detail, UriInfo uri,
            List<Problem.FieldError> errors) {
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        // the type stays the same in every language; the title is the status's, in the language of the request
        Problem body = new Problem(type, ProblemText.title(status, title), status, detail, uri == null ? null : uri.getPath(),
                requestId == null ? null : requestId.toString(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
