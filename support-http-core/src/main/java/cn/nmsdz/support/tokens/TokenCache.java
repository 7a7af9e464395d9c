package cn.nmsdz.support.tokens;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Puts {@link VerifiedTokens} in front of Quarkus' OIDC token check, in the gateway and in the services alike:
 * {@link #cached} answers a bearer token it has seen verified (asked by {@link CachedTokenMechanism}, of higher
 * priority than OIDC's; a miss sends the request on to the full check); as an augmentor it keeps what the full check
 * accepted. A refused token is never stored. A singleton, not application-scoped: no client proxy, so the
 * constructor's cache is the one used.
 */
@Singleton
public class TokenCache implements SecurityIdentityAugmentor {
    private static final String BEARER = "Bearer ";

    /** Null when nmsdz.token-cache.enabled=false. */
    private final VerifiedTokens tokens;

    @Inject
    public TokenCache(TokenCacheConfig config) {
        tokens = config.enabled() ? new VerifiedTokens(config.maxTokens(), config.maxAge()) : null;
    }

    /**
     * The identity the cache holds for the request's bearer token, or null (then the OIDC check decides). A request
     * whose Authorization header is not exactly one {@code Bearer} value is never looked up.
     */
    public SecurityIdentity cached(RoutingContext context) {
        if (tokens == null) {
            return null;
        }
        List<String> authorization = context.request().headers().getAll("Authorization");
        String token = authorization.size() == 1 ? bearerToken(authorization.get(0)) : null;
        return token == null ? null : tokens.find(token, context);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        AccessTokenCredential bearer = identity.getCredential(AccessTokenCredential.class);
        if (tokens != null && bearer != null) {
            tokens.remember(bearer.getToken(), identity);
        }
        return Uni.createFrom().item(identity);
    }

    /** Requests answered from the cache so far (0 when it is off). */
    public long hits() {
        return tokens == null ? 0 : tokens.hits();
    }

    /** Tokens held now (0 when the cache is off). */
    public long size() {
        return tokens == null ? 0 : tokens.size();
    }

    /** The token of an Authorization value {@code Bearer <token>} (the scheme in any case), or null for another scheme. */
    public static String bearerToken(String authorization) {
        return authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).trim() : null;
    }
}
