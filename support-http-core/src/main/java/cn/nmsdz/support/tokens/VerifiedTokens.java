package cn.nmsdz.support.tokens;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens whose signature, issuer, audience and expiry the OIDC check has accepted, keyed by the token itself, so
 * the next request with the same token skips that check (issue 12: it was about a third of the gateway's CPU per
 * request). Only the exact token string finds an entry, so a forged or altered token always gets the full check; an
 * entry expires at its token's {@code exp} (checked again against the clock on every hit) or after {@code maxAge},
 * whichever comes first; at most {@code maxTokens} are kept. A token the realm would refuse today but accepted a moment
 * ago is taken until then, exactly as before: the check was local (no introspection) and never asked Keycloak about
 * revocation either.
 */
public final class VerifiedTokens {
    /** Marks an identity served from here, so it is not stored again. */
    static final String FROM_CACHE = "nmsdz.token-cache.hit";

    /** {@code requestBound}: the attributes that held the verifying request's routing context (emptied here). */
    private record Entry(SecurityIdentity identity, long expiresAtMillis, List<String> requestBound) {
    }

    private final Cache<String, Entry> cache;
    private final long maxAgeNanos;
    private final LongSupplier epochMillis;
    private final LongAdder hits = new LongAdder();

    public VerifiedTokens(long maxTokens, Duration maxAge) {
        this(maxTokens, maxAge, System::currentTimeMillis, Ticker.systemTicker(), null);
    }

    /** For tests: a wall clock and a ticker of their own, and maintenance on the calling thread. */
    VerifiedTokens(long maxTokens, Duration maxAge, LongSupplier epochMillis, Ticker ticker, Executor executor) {
        this.maxAgeNanos = maxAge.toNanos();
        this.epochMillis = epochMillis;
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(maxTokens).ticker(ticker);
        if (executor != null) {
            builder.executor(executor);
        }
        this.cache = builder.expireAfter(new Expiry<String, Entry>() {
            @Override
            public long expireAfterCreate(String token, Entry entry, long currentTime) {
                return lifetimeNanos(entry);
            }

            @Override
            public long expireAfterUpdate(String token, Entry entry, long currentTime, long currentDuration) {
                return lifetimeNanos(entry);
            }

            @Override
            public long expireAfterRead(String token, Entry entry, long currentTime, long currentDuration) {
                return currentDuration;
            }
        }).build();
    }

    private long lifetimeNanos(Entry entry) {
        long left = entry.expiresAtMillis() - epochMillis.getAsLong();
        return Math.max(0, Math.min(maxAgeNanos, Math.multiplyExact(Math.max(0, left), 1_000_000L)));
    }

    /**
     * The identity {@code token} was given when last verified, bound to the current request's routing context; null
     * when the token is unknown or has expired since.
     */
    public SecurityIdentity find(String token, RoutingContext current) {
        Entry entry = cache.getIfPresent(token);
        if (entry == null) {
            return null;
        }
        if (entry.expiresAtMillis() <= epochMillis.getAsLong()) {
            cache.invalidate(token);
            return null;
        }
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder(entry.identity()).addAttribute(FROM_CACHE, true);
        for (String key : entry.requestBound()) {
            copy.addAttribute(key, current);
        }
        hits.increment();
        return copy.build();
    }

    /**
     * Keeps an identity just verified from {@code token}, unless it came from here or its token has no expiry. Its
     * request-bound attributes (the routing context) are emptied, so an entry holds no request; {@link #find} fills
     * them with the request that uses it.
     */
    public void remember(String token, SecurityIdentity identity) {
        if (identity.isAnonymous() || identity.getAttribute(FROM_CACHE) != null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        long expiresAtMillis = Math.multiplyExact(jwt.getExpirationTime(), 1000L);
        if (expiresAtMillis <= epochMillis.getAsLong()) {
            return;
        }
        QuarkusSecurityIdentity.Builder kept = QuarkusSecurityIdentity.builder(identity);
        List<String> requestBound = new ArrayList<>(1);
        for (Map.Entry<String, Object> attribute : identity.getAttributes().entrySet()) {
            if (attribute.getValue() instanceof RoutingContext) {
                requestBound.add(attribute.getKey());
                kept.addAttribute(attribute.getKey(), null);
            }
        }
        cache.put(token, new Entry(kept.build(), expiresAtMillis, List.copyOf(requestBound)));
    }

    /** Requests answered from here so far. */
    public long hits() {
        return hits.sum();
    }

    /** Tokens held now (after pending expiries). */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
