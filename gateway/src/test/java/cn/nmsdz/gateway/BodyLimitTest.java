package cn.nmsdz.gateway;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BodyLimitTest {
    private final BodyLimit limit = new BodyLimit(1000);

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedExactlyTheLimitIsNot() {
        assertTrue(limit.exceeds("1001"));
        assertTrue(limit.exceeds(" 300000000 "));
        assertFalse(limit.exceeds("1000"));
        assertFalse(limit.exceeds("0"));
    }

    @Test
    void noOrAMalformedLengthIsLeftToTheHttpLayer() {
        assertFalse(limit.exceeds(null));
        assertFalse(limit.exceeds("lots"));
        assertFalse(limit.exceeds("99999999999999999999999"));
    }
}
