package cn.nmsdz.gateway;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.support.rest.RequestIds;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "a.b_c:d-e", "0d6f1c2e-8a0b-4c53-9a57-1b2f3c4d5e6f"})
    void safeIdsAreKept(String id) {
        assertEquals(id, GatewayRoutes.acceptRequestId(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "semi;colon", "new\nline", "<script>", "ümlaut"})
    void unsafeIdsAreReplaced(String id) {
        assertFalse(RequestIds.isValid(id));
        String replaced = GatewayRoutes.acceptRequestId(id);
        assertNotEquals(id, replaced);
        assertDoesNotThrow(() -> UUID.fromString(replaced));
    }

    @Test
    void lengthIsBounded() {
        assertTrue(RequestIds.isValid("x".repeat(100)));
        assertFalse(RequestIds.isValid("x".repeat(101)));
        assertDoesNotThrow(() -> UUID.fromString(GatewayRoutes.acceptRequestId(null)));
    }

    @Test
    void timeoutsAreToldApartFromRefusals() {
        assertTrue(GatewayRoutes.isTimeout(new java.util.concurrent.TimeoutException("idle")));
        assertTrue(GatewayRoutes.isTimeout(new io.netty.channel.ConnectTimeoutException("connect")));
        assertFalse(GatewayRoutes.isTimeout(new java.net.ConnectException("refused")));
        assertTrue(GatewayRoutes.isTimeout(new RuntimeException(new java.util.concurrent.TimeoutException())));
        assertFalse(GatewayRoutes.isTimeout(new IllegalStateException("closed")));
    }
}
