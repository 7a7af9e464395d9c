package cn.nmsdz.support.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    /** Wall clock and ticker move together: now is 1,000,000 s after the epoch plus the ticker. */
    private final VerifiedTokens tokens = new VerifiedTokens(3, Duration.ofSeconds(60),
            () -> 1_000_000_000L + nanos.get() / 1_000_000, nanos::get, Runnable::run);

    private static long nowSeconds(AtomicLong nanos) {
        return (1_000_000_000L + nanos.get() / 1_000_000) / 1000;
    }

    private static SecurityIdentity identity(String subject, long exp, Object requestBound) {
        JsonWebToken jwt = new JsonWebToken() {
            @Override
            public String getName() {
                return subject;
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("sub", "exp");
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String name) {
                return (T) Map.of("sub", subject, "exp", exp).get(name);
            }
        };
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder().setPrincipal(jwt).addRole("score-reader");
        if (requestBound != null) {
            b.addAttribute("quarkus.http.routing.context", requestBound);
        }
        return b.build();
    }

    private static RoutingContext request() {
        return (RoutingContext) Proxy.newProxyInstance(RoutingContext.class.getClassLoader(),
                new Class<?>[] {RoutingContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    @Test
    void aVerifiedTokenIsFoundWithItsRolesUntilItsExpiry() {
        long exp = nowSeconds(nanos) + 30;
        tokens.remember("token-a", identity("alice", exp, null));
        SecurityIdentity found = tokens.find("token-a", null);
        assertNotNull(found);
        assertEquals("alice", found.getPrincipal().getName());
        assertEquals(Set.of("score-reader"), found.getRoles());
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertNotNull(tokens.find("token-a", null), "one second before exp");
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertNull(tokens.find("token-a", null), "at exp the token gets the full check again (and is refused there)");
    }

    @Test
    void onlyTheExactTokenStringFindsAnEntry() {
        tokens.remember("header.payload.signature", identity("alice", nowSeconds(nanos) + 30, null));
        assertNull(tokens.find("header.payload.signaturX", null));
        assertNull(tokens.find("header.payload.signature ", null));
        assertNull(tokens.find("other", null));
    }

    @Test
    void noEntryOutlivesTheMaximumAgeWhateverItsExpiry() {
        tokens.remember("long-lived", identity("alice", nowSeconds(nanos) + 3600, null));
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertNotNull(tokens.find("long-lived", null));
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertNull(tokens.find("long-lived", null));
    }

    @Test
    void anExpiredOrAnonymousIdentityIsNotKept() {
        tokens.remember("expired", identity("alice", nowSeconds(nanos) - 1, null));
        tokens.remember("anonymous", QuarkusSecurityIdentity.builder().setAnonymous(true).build());
        assertNull(tokens.find("expired", null));
        assertNull(tokens.find("anonymous", null));
        assertEquals(0, tokens.size());
    }

    @Test
    void theCacheIsBounded() {
        for (int i = 0; i < 10; i++) {
            tokens.remember("token-" + i, identity("user" + i, nowSeconds(nanos) + 30, null));
        }
        assertEquals(3, tokens.size());
    }

    @Test
    void anEntryHoldsNoRequestAndAHitIsBoundToTheRequestThatUsesIt() {
        RoutingContext first = request();
        RoutingContext second = request();
        tokens.remember("token-a", identity("alice", nowSeconds(nanos) + 30, first));
        SecurityIdentity hit = tokens.find("token-a", second);
        assertSame(second, hit.getAttribute("quarkus.http.routing.context"));
        assertNotNull(hit.getAttribute(VerifiedTokens.FROM_CACHE));
        assertNull(tokens.find("token-a", null).getAttribute("quarkus.http.routing.context"),
                "the verifying request is not kept in the entry");
        // a hit is not stored again (it would keep the request that used it)
        tokens.remember("token-a", hit);
        assertNull(tokens.find("token-a", null).getAttribute("quarkus.http.routing.context"));
    }
}
