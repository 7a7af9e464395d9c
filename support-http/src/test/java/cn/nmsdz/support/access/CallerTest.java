package cn.nmsdz.support.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.support.tokens.TokenCache;
import cn.nmsdz.support.tokens.TokenCacheConfig;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void assignedRegionsAreReadFromAJsonArrayAListOrASingleString() {
        assertEquals(Set.of("500118", "140829"),
                Caller.strings(Json.createArrayBuilder().add("500118").add("140829").build()));
        assertEquals(Set.of("500118"), Caller.strings(List.of("500118")));
        assertEquals(Set.of("500118"), Caller.strings(Json.createValue("500118")));
        assertEquals(Set.of("500118"), Caller.strings("500118"));
        assertEquals(Set.of(), Caller.strings(null));
        assertEquals(Set.of(), Caller.strings(Json.createArrayBuilder().add(" ").build()));
    }

    @Test
    void anExpertIsAssignedExactlyToItsRegionsNotToTheRegionsUnderThem() {
        Caller expert = new Caller("expert2", null, null, Set.of("500118", "140829"), Set.of(Caller.EXPERT));
        assertTrue(expert.assignedTo("140829"));
        assertFalse(expert.assignedTo("140800"));
        assertFalse(expert.assignedTo("500000"));
        Caller notExpert = new Caller("yc-market", "500118", "500118-market-supervision", Set.of("500118"),
                Set.of(Caller.SUBMITTER));
        assertFalse(notExpert.assignedTo("500118"), "the claim means nothing without the expert role");
    }

    static SecurityIdentity expertToken() {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("expert2");
        claims.setClaim("preferred_username", "expert2");
        claims.setClaim("region", "500118");
        claims.setClaim("department", "500118-market-supervision");
        claims.setStringListClaim(Caller.ASSIGNED_REGIONS_CLAIM, List.of("500118", "140829"));
        return QuarkusSecurityIdentity.builder().setPrincipal(new DefaultJWTCallerPrincipal(claims))
                .addRole(Caller.EXPERT).build();
    }

    @Test
    void theCallerOfATokenIsReadOnceAndKeptInItsIdentity() {
        SecurityIdentity token = expertToken();
        assertNull(token.getAttribute(Caller.ATTRIBUTE));
        Caller read = Caller.of(token);
        assertEquals(new Caller("expert2", "500118", "500118-market-supervision", Set.of("500118", "140829"),
                Set.of(Caller.EXPERT)), read, "the claims as the token has them");

        SecurityIdentity augmented = new CallerOfToken().augment(token, null).await().indefinitely();
        assertEquals(read, augmented.getAttribute(Caller.ATTRIBUTE));
        assertSame(augmented.getAttribute(Caller.ATTRIBUTE), Caller.of(augmented), "taken from the identity, not read again");
        assertEquals(token.getPrincipal(), augmented.getPrincipal());
        assertEquals(token.getRoles(), augmented.getRoles());
        assertSame(augmented, new CallerOfToken().augment(augmented, null).await().indefinitely(), "kept once");
    }

    @Test
    void theCallerIsKeptBeforeTheTokenCacheKeepsTheIdentity() {
        TokenCache cache = new TokenCache(new TokenCacheConfig() {
            public boolean enabled() {
                return false;
            }

            public long maxTokens() {
                return 1;
            }

            public Duration maxAge() {
                return Duration.ofSeconds(1);
            }
        });
        assertTrue(new CallerOfToken().priority() > cache.priority(), "Quarkus runs augmentors of higher priority first");
    }
}
