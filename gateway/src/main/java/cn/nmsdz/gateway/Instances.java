package cn.nmsdz.gateway;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The instances of one service and the order in which a request tries them: each request starts at the next instance
 * (round robin), and an instance that refused a connection lately is tried last, for {@link #PAUSE_MILLIS}. Only a
 * refused or failed connection moves a request on to the next instance: nothing has been sent then, so trying the
 * next is safe for every method; a request that reached an instance is never sent twice. A pure class, tested without
 * a server.
 */
final class Instances {
    static final long PAUSE_MILLIS = 5_000;

    private final List<URI> all;
    private final AtomicInteger next = new AtomicInteger();
    private final Map<URI, Long> pausedUntil = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    Instances(List<URI> all, LongSupplier clock) {
        if (all == null || all.isEmpty()) {
            throw new IllegalArgumentException("a service needs at least one instance");
        }
        this.all = List.copyOf(all);
        this.clock = clock;
    }

    Instances(List<URI> all) {
        this(all, System::currentTimeMillis);
    }

    List<URI> all() {
        return all;
    }

    /** The instances in the order this request tries them: healthy ones in turn, then the paused ones. */
    List<URI> order() {
        if (all.size() == 1) {
            return all;
        }
        int start = Math.floorMod(next.getAndIncrement(), all.size());
        long now = clock.getAsLong();
        List<URI> healthy = new ArrayList<>(all.size());
        List<URI> paused = new ArrayList<>(1);
        for (int i = 0; i < all.size(); i++) {
            URI instance = all.get((start + i) % all.size());
            Long until = pausedUntil.get(instance);
            (until != null && until > now ? paused : healthy).add(instance);
        }
        healthy.addAll(paused);
        return healthy;
    }

    /** The instance refused a connection: try the others first for a while. */
    void refused(URI instance) {
        if (all.size() > 1) {
            pausedUntil.put(instance, clock.getAsLong() + PAUSE_MILLIS);
        }
    }

    /** The instance took a connection. */
    void connected(URI instance) {
        if (!pausedUntil.isEmpty()) {
            pausedUntil.remove(instance);
        }
    }
}
