package cn.nmsdz.gateway;

import cn.nmsdz.support.tokens.CachedTokenMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The 401 of a request that carries no token: when an HTTP permission ({@code authenticated} on /api/*) denies an
 * anonymous request, Quarkus asks the highest-priority mechanism for a challenge and then ends the response with an
 * empty body. This mechanism answers that challenge with problem+json. A token that OIDC refuses takes the other path:
 * OIDC's own challenge, then the router failure handler in {@link GatewayRoutes}. Being the first mechanism asked, it
 * also answers a token the gateway has verified before ({@link CachedTokenMechanism}); any other goes on to OIDC.
 */
@ApplicationScoped
public class ProblemChallenge extends CachedTokenMechanism {

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!context.response().ended()) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            boolean zh = GatewayWords.chinese(context.request());
            Problems.send(context.response(), 401, GatewayWords.title(zh, 401, "Unauthorized"),
                    GatewayWords.text(zh, "tokenRequired", "a valid bearer token from the nmsdz realm is required"),
                    context.normalizedPath(), GatewayRoutes.requestId(context));
        }
        return Uni.createFrom().item(Boolean.TRUE);
    }
}
