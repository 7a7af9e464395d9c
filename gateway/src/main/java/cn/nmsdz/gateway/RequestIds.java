package cn.nmsdz.gateway;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.UUID;
import java.util.regex.Pattern;

/** The request id the gateway forwards and returns: the caller's, when it is safe to log, otherwise a new UUID. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    /** The key of the request id in the logging MDC and in the routing context. */
    public static final String KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestIds() {
    }

    public static boolean isValid(String id) {
        return id != null && SAFE.matcher(id).matches();
    }

    /**
     * {@code candidate} when valid, otherwise the trace id of the request's span (so a request id found in a problem
     * or a log line finds its trace), otherwise (tracing off) a fresh random UUID.
     */
    public static String accept(String candidate) {
        if (isValid(candidate)) {
            return candidate;
        }
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : UUID.randomUUID().toString();
    }
}
