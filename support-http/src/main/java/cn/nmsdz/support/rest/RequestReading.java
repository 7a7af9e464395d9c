package cn.nmsdz.support.rest;

import cn.nmsdz.support.json.StrictJsonReading;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * What every service checks of a request before it reads the body, the same on every endpoint:
 * <ul>
 * <li>a JSON body has its own size limit ({@code nmsdz.json.max-body-size}, 8M: a batch of 10,000 observations is
 * about 2 MB), far below the upload limit of documents: refused from its Content-Length before a byte is read, and
 * cut off while it streams when it has none (a 34 MB batch once took evidence-service's heap);</li>
 * <li>a body sent to an operation that reads JSON must say it is JSON: no Content-Type, or a wildcard one, is a 415
 * (it was read as JSON anyway);</li>
 * <li>a query parameter or path holding a NUL or half a surrogate pair is refused here, in the client's terms, not by
 * the database with its own text.</li>
 * </ul>
 */
@Provider
public class RequestReading implements ReaderInterceptor {
    public static final String LIMIT_PROPERTY = "nmsdz.json.max-body-size";

    @Inject
    @ConfigProperty(name = LIMIT_PROPERTY, defaultValue = "8M")
    MemorySize limit;

    /** After the request id is assigned ({@link RequestIdFilter}), so the problem carries it. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 10)
    public Optional<Response> beforeMatching(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                String problem = StrictJsonReading.textProblem(parameter.getKey() + value);
                if (problem != null) {
                    String detail = "query parameter '" + safe(parameter.getKey()) + "' " + problem;
                    return Optional.of(ProblemMappers.respond(ProblemType.INVALID_FIELD.type(), 400, "Invalid request",
                            detail, request.getUriInfo(),
                            List.of(new Problem.FieldError(safe(parameter.getKey()), detail))));
                }
            }
        }
        String pathProblem = StrictJsonReading.textProblem(request.getUriInfo().getPath());
        if (pathProblem != null) {
            return Optional.of(ProblemMappers.respond(400, "Invalid request", "the path " + pathProblem,
                    request.getUriInfo(), List.of()));
        }
        if (isJson(request.getMediaType()) && request.getLength() > limit.asLongValue()) {
            return Optional.of(tooLarge(request));
        }
        return Optional.empty();
    }

    /** Knows the matched operation: a body for an operation that reads only JSON must be declared JSON. */
    @ServerRequestFilter
    public Optional<Response> afterMatching(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (!hasBody(request) || !readsOnlyJson(resource)) {
            return Optional.empty();
        }
        MediaType type = request.getMediaType();
        if (type == null || type.isWildcardType() || type.isWildcardSubtype()) {
            String sent = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
            String detail = (sent == null || sent.isBlank() ? "a Content-Type header is required"
                    : "the Content-Type '" + sent + "' does not say what the body is") + ": send application/json";
            return Optional.of(ProblemMappers.respond(415, "Unsupported Media Type", detail, request.getUriInfo(),
                    List.of(new Problem.FieldError(HttpHeaders.CONTENT_TYPE, detail))));
        }
        return Optional.empty();
    }

    /** A JSON body without a Content-Length (chunked) is cut off once it passes the limit. */
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (isJson(context.getMediaType())) {
            context.setInputStream(limited(context.getInputStream()));
        }
        return context.proceed();
    }

    /** The body stream of an operation that streams JSON itself, cut off at the same limit. */
    public InputStream limited(InputStream body) {
        return body instanceof Limited ? body : new Limited(body, limit.asLongValue());
    }

    public long limit() {
        return limit.asLongValue();
    }

    Response tooLarge(ContainerRequestContext request) {
        return ProblemMappers.respond(413, "Content Too Large", tooLargeDetail(limit.asLongValue()), request.getUriInfo(),
                List.of());
    }

    static String tooLargeDetail(long limit) {
        // the byte count in the gateway's words too: a client sees the same limit whichever of the two refused it
        return "a JSON body may have at most " + (limit >= 1 << 20 ? limit / (1 << 20) + " MiB (" + limit + " bytes)"
                : limit + " bytes") + "; send a larger batch as several requests";
    }

    static boolean isJson(MediaType type) {
        return type != null && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase().endsWith("+json"));
    }

    static boolean hasBody(ContainerRequestContext request) {
        return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
    }

    /** Whether the matched method takes a body and @Consumes only JSON (on the method or its class). */
    static boolean readsOnlyJson(SimpleResourceInfo resource) {
        if (resource == null) {
            return false;
        }
        Method method;
        try {
            method = resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes());
        } catch (NoSuchMethodException | SecurityException e) {
            return false;
        }
        Consumes consumes = method.getAnnotation(Consumes.class) != null ? method.getAnnotation(Consumes.class)
                : resource.getResourceClass().getAnnotation(Consumes.class);
        if (consumes == null || consumes.value().length == 0) {
            return false;
        }
        return Arrays.stream(consumes.value()).flatMap(v -> Arrays.stream(v.split(",")))
                .map(v -> MediaType.valueOf(v.trim())).allMatch(RequestReading::isJson);
    }

    private static String safe(String text) {
        return text.replace('\u0000', '\ufffd');
    }

    /** Raised when a streamed JSON body passes the limit; answered 413 by {@link ProblemMappers}. */
    public static final class BodyTooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        final long limit;

        BodyTooLarge(long limit) {
            super(tooLargeDetail(limit));
            this.limit = limit;
        }
    }

    static final class Limited extends FilterInputStream {
        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }
    }
}
