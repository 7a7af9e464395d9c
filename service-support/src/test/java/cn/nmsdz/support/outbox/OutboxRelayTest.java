package cn.nmsdz.support.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {
    static final Duration SHORT = Duration.ofMillis(50);

    static CompletableFuture<Void> ok() {
        return CompletableFuture.completedFuture(null);
    }

    @Test
    void aBatchWhoseSendsAreAllAcknowledgedCountsWhole() {
        OutboxRelay.Acknowledged acked = OutboxRelay.acknowledgedPrefix(List.of(ok(), ok(), ok()), SHORT);
        assertEquals(3, acked.count());
        assertNull(acked.failure());
    }

    @Test
    void nothingAfterTheFirstRefusedSendCountsEvenIfItWasAcknowledged() {
        CompletableFuture<Void> refused = CompletableFuture.failedFuture(new IllegalStateException("broker down"));
        OutboxRelay.Acknowledged acked = OutboxRelay.acknowledgedPrefix(List.of(ok(), refused, ok()), SHORT);
        assertEquals(1, acked.count(), "the third is sent again, after the second: order per key is kept");
        assertEquals("broker down", acked.failure().getMessage());
    }

    @Test
    void aSendNeverAcknowledgedStopsThePrefixAfterTheTimeout() {
        OutboxRelay.Acknowledged acked = OutboxRelay.acknowledgedPrefix(
                List.of(ok(), ok(), new CompletableFuture<>(), ok()), SHORT);
        assertEquals(2, acked.count());
        assertTrue(acked.failure() instanceof TimeoutException, String.valueOf(acked.failure()));
    }

    @Test
    void anEmptyBatchSendsNothing() {
        assertEquals(0, OutboxRelay.acknowledgedPrefix(List.of(), SHORT).count());
    }
}
