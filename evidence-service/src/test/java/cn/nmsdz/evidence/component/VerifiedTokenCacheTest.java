package cn.nmsdz.evidence.component;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.nmsdz.evidence.messaging.CatalogueConsumer;
import cn.nmsdz.support.tokens.TokenCache;
import cn.nmsdz.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service's verified-token cache (issue 12): a token the OIDC check accepted is answered from the cache the next
 * time, with the same roles and claims; anything but that exact token string still gets the full check.
 */
@QuarkusTest
@EvidenceComponentTest
class VerifiedTokenCacheTest {
    static final String REGION = "509831";
    static final String PATH = "/api/v1/regions/" + REGION + "/observations";

    @Inject
    CatalogueConsumer catalogue;

    @Inject
    EntityManager em;

    @Inject
    TokenCache tokens;

    @BeforeEach
    void regions() {
        EvidenceApiTest.catalogueAndRegions(catalogue, em, REGION, "令牌测试区", "509832", "令牌邻区");
    }

    static List<Map<String, Object>> figure(int value) {
        return List.of(Map.of("metric", "online_operators", "year", 2024, "value", value, "source", "VerifiedTokenCacheTest"));
    }

    int post(String token, int value) {
        return given().auth().oauth2(token).contentType("application/json").body(figure(value)).post(PATH)
                .then().extract().statusCode();
    }

    @Test
    void aTokenAcceptedOnceIsAnsweredFromTheCacheWithItsOwnRoles() {
        String provider = TestTokens.user("cache-bureau", "data-provider", Map.of("region", REGION));
        String reader = TestTokens.user("cache-reader", "score-reader", Map.of("region", REGION));
        long before = tokens.size();
        long hits = tokens.hits();
        assertEquals(201, post(provider, 1));
        assertEquals(before + 1, tokens.size(), "the accepted token is kept");
        assertEquals(hits, tokens.hits(), "its first use was checked in full");
        assertEquals(201, post(provider, 2), "the kept token is accepted again");
        assertEquals(hits + 1, tokens.hits(), "from the cache");
        assertEquals(before + 1, tokens.size(), "a hit is not stored again");
        assertEquals(403, post(reader, 3), "a reader may not submit figures");
        assertEquals(403, post(reader, 4), "nor when its token comes from the cache");
        assertEquals(hits + 2, tokens.hits());
    }

    @Test
    void aTokenAlteredAfterItsTwinWasKeptGetsTheFullCheckAndIsRefused() {
        String provider = TestTokens.user("cache-bureau-2", "data-provider", Map.of("region", REGION));
        assertEquals(201, post(provider, 5));
        String[] parts = provider.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length - 1] ^= 1;
        String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        assertEquals(401, post(forged, 6), "another signature");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("cache-bureau-2", "cache-bureau-3");
        String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertEquals(401, post(altered, 7), "another payload under the kept token's signature");
        long kept = tokens.size();
        assertEquals(401, post(forged, 8), "a refused token is never kept");
        assertEquals(kept, tokens.size());
    }
}
