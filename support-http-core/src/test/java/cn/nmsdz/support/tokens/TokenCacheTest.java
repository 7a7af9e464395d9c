package cn.nmsdz.support.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TokenCacheTest {
    /** The token the cache of verified tokens is asked for: the value after the scheme, in any case, trimmed. */
    @Test
    void theBearerTokenIsTheValueAfterTheScheme() {
        assertEquals("eyJh.eyJz.c2ln", TokenCache.bearerToken("Bearer eyJh.eyJz.c2ln"));
        assertEquals("eyJh.eyJz.c2ln", TokenCache.bearerToken("bEARER  eyJh.eyJz.c2ln "));
        assertEquals("", TokenCache.bearerToken("Bearer "));
        assertNull(TokenCache.bearerToken("Bearer"));
        assertNull(TokenCache.bearerToken("Basic dXNlcjpwYXNz"));
    }
}
