package cn.nmsdz.support.tokens;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;

/**
 * The first authentication mechanism of the gateway and of each service: a bearer token this process verified before
 * is answered from {@link TokenCache} without a new signature check (issue 12); any other token goes on to Quarkus'
 * OIDC mechanism, which decides as before. Being the highest-priority mechanism it is also the one Quarkus asks for
 * the challenge of an anonymous request: each subclass says how that is answered (the gateway's problem+json, the
 * services' OIDC default).
 */
public abstract class CachedTokenMechanism implements HttpAuthenticationMechanism {
    /** Above OIDC's default (1001): a known token, and an anonymous request's challenge, are answered here first. */
    public static final int PRIORITY = 2000;

    @Inject
    TokenCache tokens;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().item(tokens.cached(context));
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
