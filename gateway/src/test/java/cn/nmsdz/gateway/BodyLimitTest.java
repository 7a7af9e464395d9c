package cn.nmsdz.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BodyLimitTest {
    private final BodyLimit limit = new BodyLimit(1000, 5000);

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedExactlyTheLimitIsNot() {
        assertTrue(BodyLimit.exceeds("1001", 1000));
        assertTrue(BodyLimit.exceeds(" 300000000 ", 1000));
        assertFalse(BodyLimit.exceeds("1000", 1000));
        assertFalse(BodyLimit.exceeds("0", 1000));
    }

    @Test
    void noOrAMalformedLengthIsLeftToTheHttpLayer() {
        assertFalse(BodyLimit.exceeds(null, 1000));
        assertFalse(BodyLimit.exceeds("lots", 1000));
        assertFalse(BodyLimit.exceeds("99999999999999999999999", 1000));
    }

    @Test
    void aBodyWithoutDeclaredLengthIsCutOffPastTheLimitAndTheRestDropped() {
        FakeBody source = new FakeBody();
        java.util.List<Integer> forwarded = new java.util.ArrayList<>();
        java.util.List<Throwable> failures = new java.util.ArrayList<>();
        int[] exceeded = {0};
        int[] gaveUp = {0};
        io.vertx.core.streams.ReadStream<io.vertx.core.buffer.Buffer> capped = BodyLimit.cap(source, 10,
                () -> exceeded[0]++, () -> gaveUp[0]++);
        capped.exceptionHandler(failures::add);
        capped.handler(b -> forwarded.add(b.length()));
        source.send(6);
        source.send(4); // exactly the limit
        assertEquals(java.util.List.of(6, 4), forwarded);
        assertTrue(failures.isEmpty());
        source.send(1);
        assertEquals(java.util.List.of(6, 4), forwarded, "nothing past the limit reaches the service");
        assertEquals(1, exceeded[0]);
        assertTrue(failures.get(0) instanceof BodyLimit.TooLarge);
        capped.pause(); // what the pipe may do: the rest is still read and dropped
        assertFalse(source.paused);
        source.send(9); // 20 bytes in all: still drained
        assertEquals(0, gaveUp[0]);
        source.send(1); // past twice the limit: the connection is given up
        assertEquals(1, gaveUp[0]);
        assertEquals(1, exceeded[0]);
        assertEquals(java.util.List.of(6, 4), forwarded);
    }

    /** A request body that sends what the test says. */
    static final class FakeBody implements io.vertx.core.streams.ReadStream<io.vertx.core.buffer.Buffer> {
        io.vertx.core.Handler<io.vertx.core.buffer.Buffer> handler;
        boolean paused;

        void send(int bytes) {
            handler.handle(io.vertx.core.buffer.Buffer.buffer(new byte[bytes]));
        }

        @Override
        public FakeBody exceptionHandler(io.vertx.core.Handler<Throwable> h) {
            return this;
        }

        @Override
        public FakeBody handler(io.vertx.core.Handler<io.vertx.core.buffer.Buffer> h) {
            handler = h;
            return this;
        }

        @Override
        public FakeBody pause() {
            paused = true;
            return this;
        }

        @Override
        public FakeBody resume() {
            paused = false;
            return this;
        }

        @Override
        public FakeBody fetch(long amount) {
            return this;
        }

        @Override
        public FakeBody endHandler(io.vertx.core.Handler<Void> h) {
            return this;
        }
    }

    @Test
    void fileRoutesKeepTheLargeLimitEveryOtherBodyIsJson() {
        assertEquals(5000, limit.limitFor("/api/v1/regions/140829/documents"));
        assertEquals(5000, limit.limitFor("/api/v1/regions/import"));
        assertEquals(5000, limit.limitFor("/api/v1/regions/500118/decomposition.xlsx"));
        assertEquals(1000, limit.limitFor("/api/v1/regions/140829/observations"));
        assertEquals(1000, limit.limitFor("/api/v1/systems"));
        assertEquals(1000, limit.limitFor("/api/v1/regions/140829/scores/simulate"));
        assertEquals(1000, limit.limitFor("/api/v1/regions/140829/documents/x"));
    }
}
