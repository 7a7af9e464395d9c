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
