package cn.nmsdz.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InstancesTest {
    static final URI A = URI.create("http://127.0.0.1:8082");
    static final URI B = URI.create("http://127.0.0.1:8092");
    static final URI C = URI.create("http://127.0.0.1:8102");

    @Test
    void requestsTakeTheInstancesInTurn() {
        Instances instances = new Instances(List.of(A, B, C), () -> 0);
        assertEquals(List.of(A, B, C), instances.order());
        assertEquals(List.of(B, C, A), instances.order());
        assertEquals(List.of(C, A, B), instances.order());
        assertEquals(List.of(A, B, C), instances.order());
    }

    @Test
    void anInstanceThatRefusedIsTriedLastForAWhileThenInTurnAgain() {
        AtomicLong now = new AtomicLong(1_000);
        Instances instances = new Instances(List.of(A, B), now::get);
        instances.refused(A);
        assertEquals(List.of(B, A), instances.order());
        assertEquals(List.of(B, A), instances.order());
        now.addAndGet(Instances.PAUSE_MILLIS + 1);
        assertEquals(List.of(A, B), instances.order(), "after the pause it takes its turn again");
        instances.refused(B);
        instances.connected(B);
        assertEquals(List.of(B, A), instances.order(), "a connection taken ends the pause");
    }

    @Test
    void oneInstanceIsAlwaysTheOneAndNoneIsAMistake() {
        Instances one = new Instances(List.of(A), () -> 0);
        one.refused(A);
        assertEquals(List.of(A), one.order());
        assertThrows(IllegalArgumentException.class, () -> new Instances(List.of(), () -> 0));
    }

    @Test
    void onlyARefusedConnectionMovesOnNotATimeout() {
        assertTrue(Backends.refused(new RuntimeException(new ConnectException("Connection refused"))));
        assertFalse(Backends.refused(new ConnectTimeoutException("connection timed out")));
        assertFalse(Backends.refused(new IllegalStateException("reset")));
    }
}
