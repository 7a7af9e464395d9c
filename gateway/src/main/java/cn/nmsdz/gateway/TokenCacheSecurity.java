package cn.nmsdz.gateway;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Puts {@link VerifiedTokens} in front of Quarkus' OIDC token check: {@link Lookup} answers a bearer token it has seen
 * verified (asked before the OIDC mechanism; a miss sends the request on to the full check); {@link Store} keeps what
 * the full check accepted. A refused token is never stored.
 */
final class TokenCacheSecurity {
    private TokenCacheSecurity() {
    }

    /** The cache, or null when nmsdz.gateway.token-cache.enabled=false. */
    @ApplicationScoped
    static class Holder {
        private final VerifiedTokens tokens;

        @Inject
        Holder(GatewayConfig config) {
            GatewayConfig.TokenCache c = config.gateway().tokenCache();
            tokens = c.enabled() ? new VerifiedTokens(c.maxTokens(), c.maxAge()) : null;
        }

        Holder() {
            // for the client proxy
            tokens = null;
        }

        /** A method, not the field: the injected holder is a client proxy, whose own fields stay empty. */
        VerifiedTokens tokens() {
            return tokens;
        }
    }

    /**
     * Answers a request whose bearer token the cache holds, before any authentication mechanism looks at it: asked by
     * the highest-priority mechanism ({@link ProblemChallenge}), so Quarkus' OIDC mechanism, which decodes a token's
     * payload only to build its credential (≈ 12 % of the gateway's CPU per request, docs/BENCHMARKS.md §12), runs on
     * a miss only. A token whose Authorization header is not exactly one {@code Bearer} value is never looked up.
     */
    @ApplicationScoped
    static class Lookup {
        @Inject
        Holder holder;

        /** The identity the cache holds for the request's bearer token, or null (then the OIDC check decides). */
        SecurityIdentity cached(RoutingContext context) {
            VerifiedTokens tokens = holder.tokens();
            if (tokens == null) {
                return null;
            }
            List<String> authorization = context.request().headers().getAll("Authorization");
            String token = authorization.size() == 1 ? RequestChecks.bearerToken(authorization.get(0)) : null;
            return token == null ? null : tokens.find(token, context);
        }
    }

    @ApplicationScoped
    static class Store implements SecurityIdentityAugmentor {
        @Inject
        Holder holder;

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            VerifiedTokens tokens = holder.tokens();
            AccessTokenCredential bearer = identity.getCredential(AccessTokenCredential.class);
            if (tokens != null && bearer != null) {
                tokens.remember(bearer.getToken(), identity);
            }
            return Uni.createFrom().item(identity);
        }
    }
}
