package cn.nmsdz.support.access;

import cn.nmsdz.support.tokens.TokenCache;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A service's first authentication mechanism: a bearer token verified before, by this instance, is answered from
 * {@link TokenCache} without a new signature check (issue 12: the token check was 12–14 % of evidence-service's CPU per
 * POST, and every request through the gateway carries a token the same service saw a moment before). Any other token,
 * and every challenge, goes on to Quarkus' OIDC mechanism, which decides as before.
 */
@ApplicationScoped
public class VerifiedTokenMechanism implements HttpAuthenticationMechanism {
    /** Above OIDC's default (1001), so a known token is answered here first. */
    static final int PRIORITY = 2000;

    @Inject
    TokenCache tokens;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().item(tokens.cached(context));
    }

    /** None: OIDC's challenge (401 with {@code WWW-Authenticate: Bearer}) stays the services' one. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return Uni.createFrom().item(Boolean.FALSE);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
