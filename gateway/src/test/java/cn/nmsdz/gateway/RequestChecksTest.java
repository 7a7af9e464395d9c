package cn.nmsdz.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

class RequestChecksTest {

    @Test
    void oneAuthorizationHeaderPassesTwoAreRefused() {
        assertNull(RequestChecks.malformed(MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer a")));
        String refusal = RequestChecks.malformed(MultiMap.caseInsensitiveMultiMap()
                .add("Authorization", "Bearer a").add("authorization", "Bearer b"));
        assertTrue(refusal.contains("more than one Authorization header"), refusal);
    }

    @Test
    void onlyChunkedTransferEncodingIsForwarded() {
        assertNull(RequestChecks.malformed(MultiMap.caseInsensitiveMultiMap().add("Transfer-Encoding", "chunked")));
        String refusal = RequestChecks.malformed(MultiMap.caseInsensitiveMultiMap().add("Transfer-Encoding", "gzip"));
        assertTrue(refusal.contains("Transfer-Encoding 'gzip'"), refusal);
    }

    @Test
    void aBearerTokenMustBeShapedLikeAJwt() {
        assertTrue(RequestChecks.bearerShaped(java.util.List.of()));
        assertTrue(RequestChecks.bearerShaped(java.util.List.of("Bearer eyJh.eyJz.c2ln")));
        assertTrue(RequestChecks.bearerShaped(java.util.List.of("bearer eyJh.eyJz.")));
        assertTrue(RequestChecks.bearerShaped(java.util.List.of("Basic dXNlcjpwYXNz")));
        for (String bad : java.util.List.of("Bearer ..", "Bearer not-a-jwt", "Bearer .eyJz.c2ln", "Bearer a.b.c.d.e",
                "Bearer a+b.c.d", "Bearer ")) {
            assertFalse(RequestChecks.bearerShaped(java.util.List.of(bad)), bad);
        }
    }

    /** The one-pass shape check accepts exactly what the compact-JWS expression it replaced accepts. */
    @Test
    void theShapeCheckAgreesWithTheCompactJwsExpression() {
        java.util.regex.Pattern spec = java.util.regex.Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
        java.util.Random random = new java.util.Random(12);
        String alphabet = "aZ09_-.+/= \u00e9";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder token = new StringBuilder();
            for (int i = random.nextInt(9); i > 0; i--) {
                token.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String t = token.toString();
            assertEquals(spec.matcher(t).matches(), RequestChecks.compactJws(t), "'" + t + "'");
        }
    }

    @Test
    void theHeadIsMeasuredAsSent() {
        assertEquals("GET /a HTTP/1.1".length(), RequestChecks.requestLineLength("GET", "/a"));
        assertEquals("Host: x\r\n".length(), RequestChecks.headerBytes(MultiMap.caseInsensitiveMultiMap().add("Host", "x")));
    }
}
