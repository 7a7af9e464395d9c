package cn.nmsdz.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The token buckets on a hand-driven clock: no sleeps, every refill is exact. */
class RateLimiterTest {

    /** A clock that moves only when the test says so. */
    static final class TestClock implements TimeMeter {
        long nanos = 1_000_000_000L;

        void advance(Duration d) {
            nanos += d.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    private final TestClock clock = new TestClock();

    @Test
    void allowsTheBurstThenRefusesWithRetryAfter() {
        RateLimiter limiter = new RateLimiter(2, 5, 100, clock);
        for (int i = 0; i < 5; i++) {
            RateLimiter.Decision d = limiter.tryAcquire("a");
            assertTrue(d.allowed(), "request " + i + " of the burst");
            assertEquals(4 - i, d.remaining());
        }
        RateLimiter.Decision refused = limiter.tryAcquire("a");
        assertFalse(refused.allowed());
        // 2 tokens per second: the next one is half a second away; the header rounds up to whole seconds
        assertEquals(Duration.ofMillis(500), refused.retryAfter());
        assertEquals(1, refused.retryAfterSeconds());
    }

    @Test
    void refillsAtTheConfiguredRate() {
        RateLimiter limiter = new RateLimiter(2, 5, 100, clock);
        drain(limiter, "a", 5);
        clock.advance(Duration.ofMillis(499));
        assertFalse(limiter.tryAcquire("a").allowed(), "not yet a whole token");
        clock.advance(Duration.ofMillis(1));
        assertTrue(limiter.tryAcquire("a").allowed(), "one token after 500 ms");
        assertFalse(limiter.tryAcquire("a").allowed());
        clock.advance(Duration.ofSeconds(60));
        drain(limiter, "a", 5); // refill stops at the burst
        assertFalse(limiter.tryAcquire("a").allowed());
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        RateLimiter limiter = new RateLimiter(1, 1, 100, clock);
        drain(limiter, "a", 1);
        clock.advance(Duration.ofMillis(100));
        RateLimiter.Decision refused = limiter.tryAcquire("a");
        assertEquals(Duration.ofMillis(900), refused.retryAfter());
        assertEquals(1, refused.retryAfterSeconds());
        assertEquals(3, new RateLimiter.Decision(false, 0, Duration.ofMillis(2001)).retryAfterSeconds());
    }

    @Test
    void clientsHaveSeparateBuckets() {
        RateLimiter limiter = new RateLimiter(1, 3, 100, clock);
        drain(limiter, "token:nmsdz-console/u1", 3);
        assertFalse(limiter.tryAcquire("token:nmsdz-console/u1").allowed());
        assertTrue(limiter.tryAcquire("token:nmsdz-console/u2").allowed());
        assertTrue(limiter.tryAcquire("address:127.0.0.1").allowed());
    }

    @Test
    void evictsOnlyClientsWhoseBucketHasRefilled() {
        RateLimiter limiter = new RateLimiter(10, 20, 100, clock); // a full refill takes 2 s
        drain(limiter, "a", 20);
        clock.advance(Duration.ofSeconds(1));
        limiter.tryAcquire("b");
        clock.advance(Duration.ofMillis(999));
        assertEquals(0, limiter.evictIdle(), "a is 1 ms short of a full bucket");
        clock.advance(Duration.ofMillis(1));
        assertEquals(1, limiter.evictIdle());
        assertEquals(1, limiter.size(), "b stays: it was seen only 1 s ago");
        // the evicted client is indistinguishable from one that was kept: a full burst
        drain(limiter, "a", 20);
        assertFalse(limiter.tryAcquire("a").allowed());
    }

    @Test
    void neverTracksMoreThanMaxClients() {
        RateLimiter limiter = new RateLimiter(1, 1, 50, clock);
        for (int i = 0; i < 1_000; i++) {
            limiter.tryAcquire("client-" + i); // none of them idle long enough to be evicted
            assertTrue(limiter.size() <= 50, "size " + limiter.size() + " after " + i);
        }
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, 1, 1, clock));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, 0, 1, clock));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, 1, 0, clock));
    }

    @Test
    void clientKeyIsTheTokenClientAndSubjectOrTheAddress() {
        assertEquals("token:nmsdz-console/abc", RateLimiter.clientKey("nmsdz-console", "abc", "10.0.0.1"));
        assertEquals("token:stats-bureau/", RateLimiter.clientKey("stats-bureau", null, "10.0.0.1"));
        assertEquals("address:10.0.0.1", RateLimiter.clientKey(null, null, "10.0.0.1"));
        assertEquals("address:unknown", RateLimiter.clientKey(null, null, null));
    }

    private static void drain(RateLimiter limiter, String client, int n) {
        for (int i = 0; i < n; i++) {
            assertTrue(limiter.tryAcquire(client).allowed(), client + " request " + i);
        }
    }
}
