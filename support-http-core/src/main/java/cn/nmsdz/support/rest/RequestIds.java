package cn.nmsdz.support.rest;

import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The request id every answer carries, the same at the gateway and in the services: the caller's
 * {@code X-Request-Id} when it is safe to log (letters, digits and {@code ._:-}, at most 100), otherwise a new one.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    /** The key of the request id in the logging MDC (the log format's {@code %X{requestId}}) and in a request's properties. */
    public static final String MDC_KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestIds() {
    }

    public static boolean isValid(String id) {
        return id != null && SAFE.matcher(id).matches();
    }

    /** {@code candidate} when valid, otherwise a fresh random UUID. */
    public static String accept(String candidate) {
        return accept(candidate, () -> UUID.randomUUID().toString());
    }

    /** {@code candidate} when valid, otherwise what {@code otherwise} makes. */
    public static String accept(String candidate, Supplier<String> otherwise) {
        return isValid(candidate) ? candidate : otherwise.get();
    }
}
