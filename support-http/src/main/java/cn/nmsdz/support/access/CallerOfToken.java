package cn.nmsdz.support.access;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/**
 * Reads the {@link Caller} of a verified token once and keeps it in the identity, so {@link Caller#of} does not read
 * the claims again on every request. Runs before the token cache's augmentor (priority 0), so an identity answered
 * from the cache carries it too.
 */
@Singleton
public class CallerOfToken implements SecurityIdentityAugmentor {
    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getAttribute(Caller.ATTRIBUTE) != null) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addAttribute(Caller.ATTRIBUTE, Caller.read(identity)).build());
    }
}
