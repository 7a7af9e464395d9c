package cn.nmsdz.gateway;

import cn.nmsdz.support.rest.RequestIds;
import cn.nmsdz.support.tokens.TokenCache;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * What the gateway refuses about a request's head before anything else looks at it, each as problem+json: a request
 * line or header block over the gateway's limits (414, 431), a bearer token that is not a JWT (401), more than one
 * Authorization header (which one would count?), and a Transfer-Encoding other than chunked (the proxy would answer a
 * bare 400).
 *
 * <p>The HTTP layer's own limits (quarkus.http.limits.max-initial-line-length and max-header-size) are set far above
 * these, so that requests between the two limits reach this check and get a problem body. Beyond the HTTP layer's
 * limits, and for heads it cannot parse (CR, LF or NUL in a header, two or a negative Content-Length), Vert.x answers
 * itself with an empty body: Quarkus does not let an application set the HTTP server's invalidRequestHandler.
 */
final class RequestChecks {
    private final long maxRequestLine;
    private final long maxHeaderBytes;

    RequestChecks(long maxRequestLine, long maxHeaderBytes) {
        this.maxRequestLine = maxRequestLine;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String refusal = null;
        int status = 400;
        String title = "Bad Request";
        boolean zh = GatewayWords.chinese(request.getHeader("Accept-Language")); // the query may be what is too long
        if (requestLineLength(request.method().name(), request.uri()) > maxRequestLine) {
            status = 414;
            title = "URI Too Long";
            refusal = GatewayWords.text(zh, "requestLine", "the request line is longer than " + maxRequestLine + " bytes",
                    String.valueOf(maxRequestLine));
        } else if (headerBytes(request.headers()) > maxHeaderBytes) {
            status = 431;
            title = "Request Header Fields Too Large";
            refusal = GatewayWords.text(zh, "headers", "the request headers are larger than " + maxHeaderBytes + " bytes",
                    String.valueOf(maxHeaderBytes));
        } else if (!bearerShaped(request.headers().getAll("Authorization"))) {
            // never reaches the token check: Quarkus' OIDC answers some such values (Bearer ..) with a 500
            status = 401;
            title = "Unauthorized";
            refusal = GatewayWords.text(zh, "notAJwt", "the bearer token is not a JWT of the nmsdz realm");
            request.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        } else {
            refusal = malformed(request.headers());
        }
        if (refusal == null) {
            ctx.next();
            return;
        }
        request.response().putHeader("Connection", "close");
        // the instance of a 414 would repeat the too long target
        Problems.send(request.response(), status, GatewayWords.title(zh, status, title), refusal,
                status == 414 ? null : request.path(),
                ctx.get(RequestIds.MDC_KEY));
    }

    static long requestLineLength(String method, String uri) {
        // "GET /path HTTP/1.1": the request target as sent, two spaces
        return (long) method.length() + uri.length() + "HTTP/1.1".length() + 2;
    }

    static long headerBytes(MultiMap headers) {
        long bytes = 0;
        for (Map.Entry<String, String> h : headers) {
            bytes += h.getKey().length() + h.getValue().length() + 4; // ": " and CRLF
        }
        return bytes;
    }

    /**
     * False for a single bearer token that cannot be a JWT (three base64url segments, header and claims not empty):
     * the realm issues nothing else, so it is refused here and never sent to Keycloak's introspection endpoint. The
     * services apply the same rule (support-http BearerShape).
     */
    static boolean bearerShaped(List<String> authorization) {
        if (authorization.size() != 1) {
            return true; // none: the token check decides; several: refused by malformed()
        }
        String token = TokenCache.bearerToken(authorization.get(0));
        return token == null || compactJws(token);
    }

    /** The characters of base64url ({@code [A-Za-z0-9_-]}), by code. */
    private static final boolean[] BASE64URL = new boolean[128];

    static {
        for (char c = 0; c < BASE64URL.length; c++) {
            BASE64URL[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        }
    }

    /**
     * Whether a token has the compact JWS shape {@code [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*}: one pass over
     * its characters, not a regular expression (the regex was 7 % of the gateway's CPU per request, issue 12).
     */
    static boolean compactJws(String token) {
        // a table, not five ranges: a token is ~1,300 characters, and the ranges were 6 % of the gateway's CPU
        int dots = 0;
        int segment = 0; // characters in the current segment
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                if (segment == 0 || ++dots > 2) {
                    return false;
                }
                segment = 0;
            } else if (c < BASE64URL.length && BASE64URL[c]) {
                segment++;
            } else {
                return false;
            }
        }
        return dots == 2;
    }

    /** The refusal of a head the gateway will not forward, or null. */
    static String malformed(MultiMap headers) {
        if (headers.getAll("Authorization").size() > 1) {
            return "more than one Authorization header: send exactly one bearer token";
        }
        List<String> transferEncoding = headers.getAll("Transfer-Encoding");
        for (String te : transferEncoding) {
            if (!"chunked".equals(te)) {
                return "Transfer-Encoding '" + te + "' is not supported: send Content-Length or 'chunked'";
            }
        }
        return null;
    }
}
