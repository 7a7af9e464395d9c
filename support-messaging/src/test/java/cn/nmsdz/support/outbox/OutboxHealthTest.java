package cn.nmsdz.support.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The thresholds of the outbox readiness check, without a database or Kafka. */
class OutboxHealthTest {
    static final Duration IDLE = Duration.ofSeconds(20);
    static final Duration STALLED = Duration.ofSeconds(10);
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    static List<String> problems(long pending, double oldest, double runAge, double sentAge) {
        return OutboxHealth.problems(pending, oldest, runAge, sentAge, IDLE, STALLED, MAX_AGE, null);
    }

    @Test
    void anEmptyOutboxWithARunningRelayIsReadyHoweverLongAgoItLastSent() {
        assertEquals(List.of(), problems(0, 0, 0.5, 3600));
    }

    @Test
    void rowsWaitingLongerThanTheLimitWhileNothingIsPublishedAreNotReady() {
        assertEquals(List.of(), problems(3, 9.9, 1, 3600));   // not yet past the limit
        List<String> stalled = problems(3, 12, 1, 3600);
        assertEquals(1, stalled.size());
        assertTrue(stalled.get(0).startsWith("3 outbox row(s) unsent, the oldest for 12 s"), stalled.get(0));
    }

    @Test
    void aBacklogBeingWorkedOffIsReadyUntilItsOldestRowPassesTheMaximumAge() {
        assertEquals(List.of(), problems(9000, 40, 0.2, 0.1));
        List<String> lagging = problems(9000, 301, 0.2, 0.1);
        assertEquals(1, lagging.size());
        assertTrue(lagging.get(0).contains("the relay does not keep up"), lagging.get(0));
    }

    @Test
    void aRelayThatStoppedRunningIsNotReadyEvenWithAnEmptyOutbox() {
        assertEquals(List.of(), problems(0, 0, 19, 100));
        List<String> dead = problems(0, 0, 21, 100);
        assertEquals(1, dead.size());
        assertTrue(dead.get(0).startsWith("the outbox relay has not run for 21 s"), dead.get(0));
        assertEquals(2, problems(5, 30, 25, 30).size());
    }

    @Test
    void anUnreadableOutboxIsNotReady() {
        assertEquals(List.of("the outbox table could not be read"),
                OutboxHealth.problems(0, 0, 0, 0, IDLE, STALLED, MAX_AGE, "the outbox table could not be read"));
    }
}
