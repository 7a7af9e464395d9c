package cn.nmsdz.gateway;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One token bucket (Bucket4j) per client: {@code requestsPerSecond} refilled continuously, up to {@code burst}. A pure
 * object with an injectable clock, so it is tested without a server and without sleeping.
 *
 * <p>Per-client state is bounded: a client idle for longer than a full refill ({@code burst / requestsPerSecond})
 * has a full bucket again, exactly like a new client, so {@link #evictIdle()} drops it without changing any answer.
 * Above {@code maxClients} entries the idle ones are dropped at once and, if that is not enough, a tenth of the rest
 * (those clients merely get a fresh burst): the map never grows without limit.
 */
public final class RateLimiter {

    /**
     * @param allowed    whether the request may pass
     * @param remaining  tokens left after this request (0 when refused)
     * @param retryAfter how long until one token is available again (zero when allowed)
     */
    public record Decision(boolean allowed, long remaining, Duration retryAfter) {
        /** The Retry-After header value: whole seconds, rounded up, at least 1. */
        public long retryAfterSeconds() {
            long nanos = retryAfter.toNanos();
            return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        }
    }

    private record Entry(Bucket bucket, AtomicLong lastSeen) {
    }

    private final long requestsPerSecond;
    private final long burst;
    private final int maxClients;
    private final TimeMeter clock;
    private final long idleNanos;
    private final Map<String, Entry> clients = new ConcurrentHashMap<>();

    public RateLimiter(long requestsPerSecond, long burst, int maxClients, TimeMeter clock) {
        if (requestsPerSecond < 1 || burst < 1 || maxClients < 1) {
            throw new IllegalArgumentException("requests-per-second, burst and max-clients must be positive");
        }
        this.requestsPerSecond = requestsPerSecond;
        this.burst = burst;
        this.maxClients = maxClients;
        this.clock = clock;
        // the time a drained bucket needs to be full again
        this.idleNanos = Math.max(1, Math.multiplyExact(burst, 1_000_000_000L) / requestsPerSecond);
    }

    public RateLimiter(long requestsPerSecond, long burst, int maxClients) {
        this(requestsPerSecond, burst, maxClients, TimeMeter.SYSTEM_NANOTIME);
    }

    /** Takes one token from {@code client}'s bucket. */
    public Decision tryAcquire(String client) {
        Entry entry = clients.get(client);
        if (entry == null) {
            if (clients.size() >= maxClients) {
                shrink();
            }
            entry = clients.computeIfAbsent(client, k -> new Entry(newBucket(), new AtomicLong()));
        }
        long now = clock.currentTimeNanos();
        entry.lastSeen().set(now);
        ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? new Decision(true, probe.getRemainingTokens(), Duration.ZERO)
                : new Decision(false, 0, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Drops the clients whose bucket has refilled completely since their last request; returns how many. */
    public int evictIdle() {
        long now = clock.currentTimeNanos();
        int evicted = 0;
        for (Iterator<Entry> it = clients.values().iterator(); it.hasNext(); ) {
            if (now - it.next().lastSeen().get() >= idleNanos) {
                it.remove();
                evicted++;
            }
        }
        return evicted;
    }

    /** The number of clients currently tracked. */
    public int size() {
        return clients.size();
    }

    private void shrink() {
        evictIdle();
        if (clients.size() < maxClients) {
            return;
        }
        int excess = clients.size() - (maxClients - Math.max(1, maxClients / 10));
        for (Iterator<String> it = clients.keySet().iterator(); excess > 0 && it.hasNext(); excess--) {
            it.next();
            it.remove();
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(requestsPerSecond, Duration.ofSeconds(1)))
                .withCustomTimePrecision(clock)
                .build();
    }

    /**
     * Who a request is counted against: the token's client and subject ({@code azp} + {@code sub}) when it carries a
     * verified token, otherwise its remote address.
     */
    public static String clientKey(String azp, String sub, String remoteAddress) {
        if (sub != null || azp != null) {
            return "token:" + (azp == null ? "" : azp) + "/" + (sub == null ? "" : sub);
        }
        return "address:" + (remoteAddress == null ? "unknown" : remoteAddress);
    }
}
