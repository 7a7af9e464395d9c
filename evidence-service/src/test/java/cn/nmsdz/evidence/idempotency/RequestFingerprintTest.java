package cn.nmsdz.evidence.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PATH = "/api/v1/regions/140829/observations";

    static String fp(String path, String body) throws Exception {
        JsonNode node = JSON.readTree(body);
        return RequestFingerprint.of("POST", path, node);
    }

    @Test
    void theSameRequestWrittenDifferentlyHasTheSameFingerprint() throws Exception {
        assertEquals(fp(PATH, "{\"metric\":\"a\",\"year\":2025,\"value\":12.5}"),
                fp(PATH, "{ \"value\": 12.50, \"year\": 2025, \"metric\": \"a\" }"));
        assertEquals(fp(PATH, "[{\"b\":1,\"a\":{\"y\":1,\"x\":2}}]"), fp(PATH, "[{\"a\":{\"x\":2,\"y\":1},\"b\":1.0}]"));
    }

    @Test
    void extremeNumbersAreFingerprintedQuicklyAndNeverThrow() throws Exception {
        ObjectMapper exact = cn.nmsdz.support.json.StrictJsonReading.apply(new ObjectMapper());
        // as doubles these are Infinity (BigDecimal refuses it); as decimals 1e999999999 has a billion digits
        assertNotNull(RequestFingerprint.of("POST", PATH, JSON.readTree("{\"x\":1e400}")));
        long start = System.nanoTime();
        String huge = RequestFingerprint.of("POST", PATH, exact.readTree("{\"x\":1e999999999}"));
        assertEquals(true, System.nanoTime() - start < 1_000_000_000L, "took too long");
        assertNotEquals(huge, RequestFingerprint.of("POST", PATH, exact.readTree("{\"x\":1e999999998}")));
        assertEquals(fp(PATH, "{\"x\":1000}"), RequestFingerprint.of("POST", PATH, exact.readTree("{\"x\":1E+3}")));
    }

    @Test
    void anyOtherValueOrderOfRowsOrPathIsAnotherRequest() throws Exception {
        String base = fp(PATH, "{\"metric\":\"a\",\"value\":12.5}");
        assertNotEquals(base, fp(PATH, "{\"metric\":\"a\",\"value\":12.6}"));
        assertNotEquals(base, fp("/api/v1/regions/500118/observations", "{\"metric\":\"a\",\"value\":12.5}"));
        assertNotEquals(fp(PATH, "[1,2]"), fp(PATH, "[2,1]"));
        assertNotEquals(fp(PATH, "{\"v\":\"1\"}"), fp(PATH, "{\"v\":1}"));
    }

    @Test
    void partsAreDelimitedSoShiftingCharactersChangesTheFingerprint() {
        assertNotEquals(RequestFingerprint.of("POST", "/p", "ab", "c"), RequestFingerprint.of("POST", "/p", "a", "bc"));
        assertNotEquals(RequestFingerprint.of("POST", "/p", (String) null), RequestFingerprint.of("POST", "/p", "null"));
        assertEquals(64, RequestFingerprint.of("POST", "/p", "x").length());
    }

    @Test
    void keysMustBeShortVisibleAscii() {
        assertNull(RequestFingerprint.checkKey("7f1c2a9e-4b7d-4c1a-9d2e-1f0a3b5c7d9e"));
        assertNotNull(RequestFingerprint.checkKey(" "));
        assertNotNull(RequestFingerprint.checkKey("a b"));
        assertNotNull(RequestFingerprint.checkKey("键"));
        assertNotNull(RequestFingerprint.checkKey("k".repeat(201)));
    }
}
