package cn.nmsdz.scoring.component;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import cn.nmsdz.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET and POST /api/v1/rescoring: who may call them, and what they answer. */
@QuarkusTest
@ScoringComponentTest
class RescoringResourceTest {
    static final String ADMIN = TestTokens.user("admin", "catalogue-admin", Map.of());
    static final String READER = TestTokens.user("sx-reader", "score-reader", Map.of("region", "140000"));

    @jakarta.inject.Inject
    cn.nmsdz.scoring.snapshot.SnapshotService snapshots;

    /** Other tests' catalogue versions mark the regions they scored (e.g. 永川区 of ExplanationLanguageTest): stored first. */
    @org.junit.jupiter.api.BeforeEach
    void noSnapshotPending() {
        while (io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(snapshots::storeOnePending)) {
            // next marked region-year
        }
    }

    @Test
    void progressIsReadByAdminsAndScoreReadersAndCountsStaleRegionYears() {
        given().get("/api/v1/rescoring").then().statusCode(401);
        given().auth().oauth2(READER).get("/api/v1/rescoring").then().statusCode(200)
                .body("staleRegionYears", equalTo(0));
        given().auth().oauth2(ADMIN).get("/api/v1/rescoring").then().statusCode(200)
                .body("pendingSnapshots", equalTo(0)).body("staleRegionYears", equalTo(0));
        String submitter = TestTokens.user("yc-market", "evidence-submitter",
                Map.of("region", "500118", "department", "500118-market"));
        given().auth().oauth2(submitter).get("/api/v1/rescoring").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void onlyTheCatalogueAdminMarksStaleRegionYearsAgain() {
        given().auth().oauth2(READER).post("/api/v1/rescoring/stale").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(ADMIN).post("/api/v1/rescoring/stale").then().statusCode(200)
                .body("remarked.size()", equalTo(0));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        String forged = READER.substring(0, READER.lastIndexOf('.') + 1) + "AAAA";
        given().auth().oauth2(forged).get("/api/v1/rescoring").then().statusCode(401);
        given().auth().oauth2(ADMIN).get("/q/health/ready").then().body(containsString("snapshot pipeline"));
    }
}
