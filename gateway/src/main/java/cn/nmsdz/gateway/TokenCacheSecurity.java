package cn.nmsdz.gateway;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Puts {@link VerifiedTokens} in front of Quarkus' OIDC token check: {@link Lookup} answers a bearer token it has seen
 * verified (it runs before the OIDC identity provider and passes with null on a miss, which sends the
 * request on to the full check); {@link Store} keeps what the full check accepted. A refused token is never stored.
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

    @ApplicationScoped
    static class Lookup implements IdentityProvider<TokenAuthenticationRequest> {
        @Inject
        Holder holder;

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        /** Before the OIDC provider, which keeps the interface's default ({@code 1001}). */
        @Override
        public int priority() {
            return 2000;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            VerifiedTokens tokens = holder.tokens();
            if (tokens == null || !(request.getToken() instanceof AccessTokenCredential bearer)) {
                return Uni.createFrom().nullItem();
            }
            return Uni.createFrom().item(tokens.find(bearer.getToken(), HttpSecurityUtils.getRoutingContextAttribute(request)));
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
