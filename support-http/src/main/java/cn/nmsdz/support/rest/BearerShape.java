package cn.nmsdz.support.rest;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses, with a 401 problem, a bearer token that is not a JWT (three base64url segments, header and claims not
 * empty) before the token check sees it: the realm issues nothing else, Quarkus' OIDC answers some such values
 * (e.g. {@code Bearer ..}) with a 500, and none of them is sent to Keycloak's introspection endpoint (see also
 * quarkus.oidc.token.allow-opaque-token-introspection=false). The gateway applies the same rule (RequestChecks).
 */
@ApplicationScoped
public class BearerShape {
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final String SCHEME = "bearer ";

    /** True unless the Authorization header is a bearer token that cannot be a JWT. */
    public static boolean acceptable(String authorization) {
        if (authorization == null || authorization.length() < SCHEME.length()
                || !authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return true; // no bearer token: the token check decides (401 for a protected operation)
        }
        return COMPACT_JWS.matcher(authorization.substring(SCHEME.length()).trim()).matches();
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 100);
    }

    private void check(RoutingContext ctx) {
        List<String> authorization = ctx.request().headers().getAll("Authorization");
        if (!ctx.normalizedPath().startsWith("/api/") || authorization.size() == 0
                || (authorization.size() == 1 && acceptable(authorization.get(0)))) {
            ctx.next();
            return;
        }
        String detail = authorization.size() > 1
                ? "more than one Authorization header: send exactly one bearer token"
                : "the bearer token is not a JWT of the nmsdz realm";
        int status = authorization.size() > 1 ? 400 : 401;
        String id = RequestIds.accept(ctx.request().getHeader(RequestIds.HEADER));
        Problem problem = new Problem((status == 401 ? ProblemType.UNAUTHORIZED : ProblemType.INVALID_REQUEST).type(),
                status == 401 ? "Unauthorized" : "Bad Request", status, detail, ctx.request().path(), id, null);
        if (status == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .putHeader(RequestIds.HEADER, id)
                .end(Json.encode(problem));
    }
}
