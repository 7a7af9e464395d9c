package cn.nmsdz.support.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The threshold of the consumers' readiness check, without Kafka. */
class ConsumerHealthTest {
    static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void anIdleConsumerWithNothingWaitingIsReadyHoweverLongItTookNothing() {
        assertNull(ConsumerHealth.problem("catalogue-in", 0, 3600, LIMIT));
    }

    @Test
    void aConsumerWorkingOffItsLagIsReady() {
        assertNull(ConsumerHealth.problem("evidence-in", 5000, 0.4, LIMIT));
        assertNull(ConsumerHealth.problem("evidence-in", 5000, 30, LIMIT));
    }

    @Test
    void recordsWaitingWhileTheConsumerTakesNoneIsNotReady() {
        assertEquals("consumer evidence-in has 12 record(s) waiting and took none for 31 s (limit 30 s)",
                ConsumerHealth.problem("evidence-in", 12, 31.5, LIMIT));
    }
}
