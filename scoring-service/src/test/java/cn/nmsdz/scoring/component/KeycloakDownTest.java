package cn.nmsdz.scoring.component;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import cn.nmsdz.testsupport.ComponentTestResources;
import cn.nmsdz.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** While Keycloak cannot be reached, a request with a token is a 503 the caller may retry, never a 500. */
@QuarkusTest
@TestProfile(KeycloakDownTest.KeycloakDown.class)
class KeycloakDownTest {

    public static class KeycloakDown implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ComponentTestResources.class, Map.of(
                    "incoming", "catalogue-in,evidence-in", "outgoing", "outbox", "identity-provider", "unreachable")));
        }
    }

    @Test
    void aTokenThatCannotBeCheckedIsA503ProblemWithRetryAfter() {
        String token = TestTokens.user("sx-reader", "score-reader", Map.of("region", "140000"));
        given().auth().oauth2(token).get("/api/v1/rescoring").then().statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", equalTo("10"))
                .body("detail", containsString("身份认证服务暂时无法访问"));
    }
}
