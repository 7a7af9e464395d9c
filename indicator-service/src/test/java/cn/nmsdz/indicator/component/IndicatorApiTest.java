package cn.nmsdz.indicator.component;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.nmsdz.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The catalogue, region and organisation endpoints' roles and problem answers, and their transaction boundary: a
 * change and its catalogue.events row commit together, a refused one writes neither.
 */
@QuarkusTest
@IndicatorComponentTest
class IndicatorApiTest {
    /** The prefix of the problem types (README: type → refused because). */
    static final String TYPE = "urn:nmsdz:problem:";
    static final String ADMIN = TestTokens.user("api-admin", "catalogue-admin", Map.of());
    static final String READER = TestTokens.user("api-reader", "score-reader", Map.of("region", "500118"));
    static final String PL_OFFICE = TestTokens.user("api-pl-office", "creation-office", Map.of("region", "140829"));

    @Inject
    EntityManager em;

    @Test
    void theSystemsAreReadWithAnyTokenAndWrittenByTheCatalogueAdminOnly() {
        given().get("/api/v1/systems").then().statusCode(401).body("type", equalTo(TYPE + "unauthorized"));
        given().auth().oauth2(READER).get("/api/v1/systems").then().statusCode(200)
                .body("find { it.code == 'NMSDZ' }.status", equalTo("PUBLISHED"));
        given().auth().oauth2(READER).get("/api/v1/systems/NOPE").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("type", equalTo(TYPE + "not-found"));
        long systems = count("select count(*) from indicator_system");
        long events = count("select count(*) from outbox_event");
        given().auth().oauth2(READER).post("/api/v1/systems/NMSDZ/drafts?from=1").then().statusCode(403)
                .body("type", equalTo(TYPE + "rule:role"));
        given().auth().oauth2(READER).post("/api/v1/systems/NMSDZ/publish?version=1").then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("code", "BROKEN", "version", 1, "name", "坏体系", "firstLevel", List.of()))
                .post("/api/v1/systems").then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors.field", not(org.hamcrest.Matchers.empty())).body("type", equalTo(TYPE + "rule:catalogue"));
        assertEquals(systems, count("select count(*) from indicator_system"), "nothing refused is stored");
        assertEquals(events, count("select count(*) from outbox_event"), "and nothing announced");
    }

    @Test
    void aDraftIsStartedFromAPublishedVersionAndDiffedAgainstIt() {
        int version = given().auth().oauth2(ADMIN).post("/api/v1/systems/NMSDZ/drafts?from=1").then().statusCode(201)
                .body("status", equalTo("DRAFT")).extract().path("version");
        given().auth().oauth2(READER).get("/api/v1/systems/NMSDZ/diff?from=1&to=" + version).then().statusCode(200);
        given().auth().oauth2(ADMIN).post("/api/v1/systems/NMSDZ/drafts?from=" + version).then().statusCode(409)
                .body("type", equalTo(TYPE + "rule:catalogue-lifecycle"));
        given().auth().oauth2(ADMIN).post("/api/v1/systems/NMSDZ/drafts").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aRegionIsStoredAndAnnouncedTogether() {
        long events = count("select count(*) from outbox_event where message_key = '140898'");
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("code", "140898", "name", "接口测试县", "level", "COUNTY", "parentCode", "140800",
                        "zone", "CENTRAL"))
                .post("/api/v1/regions").then().statusCode(201).header("Location", "/api/v1/regions/140898");
        assertEquals(events + 1, count("select count(*) from outbox_event where message_key = '140898'"));
        given().auth().oauth2(READER).get("/api/v1/regions?parent=140800").then().statusCode(200)
                .body("code", hasItem("140898"));
        given().auth().oauth2(READER).contentType("application/json")
                .body(Map.of("code", "140897", "name", "x", "level", "COUNTY", "parentCode", "140800", "zone", "CENTRAL"))
                .post("/api/v1/regions").then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("code", "14089", "name", "x", "level", "COUNTY", "parentCode", "140800", "zone", "CENTRAL"))
                .post("/api/v1/regions").then().statusCode(400).contentType(startsWith("application/problem+json"));
        assertEquals(0, count("select count(*) from region where code in ('140897', '14089')"));
        // a missing body is the same problem on every endpoint: a 400 pointing at the whole body
        given().auth().oauth2(ADMIN).contentType("application/json").post("/api/v1/regions").then().statusCode(400)
                .body("errors.field", equalTo(List.of("/"))).body("type", equalTo(TYPE + "missing-body"));
        // a region import that does not read is the region-data rule's, in both languages
        for (String lang : List.of("zh", "en")) {
            given().auth().oauth2(ADMIN).contentType("text/csv").body("foo,bar\n1,2\n")
                    .post("/api/v1/regions/import?lang=" + lang).then().statusCode(400)
                    .body("type", equalTo(TYPE + "rule:region-data"));
        }
        given().auth().oauth2(PL_OFFICE).contentType("application/json").post("/api/v1/regions/140829/departments")
                .then().statusCode(400).body("errors.field", equalTo(List.of("/")));
    }

    @Test
    void aDepartmentIsWrittenByItsRegionsOfficeOnlyAndAnnouncedWithTheDecomposition() {
        long events = count("select count(*) from outbox_event where message_key = '140829'");
        Map<String, Object> department = Map.of("code", "140829-api-test", "name", "接口测试局", "kind", "GOVERNMENT_DEPARTMENT");
        given().auth().oauth2(TestTokens.user("api-yc-office", "creation-office", Map.of("region", "500118")))
                .contentType("application/json").body(department)
                .post("/api/v1/regions/140829/departments").then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("own-region"));
        assertEquals(events, count("select count(*) from outbox_event where message_key = '140829'"));
        given().auth().oauth2(PL_OFFICE).contentType("application/json").body(department)
                .post("/api/v1/regions/140829/departments").then().statusCode(201);
        assertEquals(events + 1, count("select count(*) from outbox_event where message_key = '140829'"));
        given().auth().oauth2(PL_OFFICE).contentType("application/json").body(department)
                .post("/api/v1/regions/140829/departments").then().statusCode(409)
                .body("type", equalTo(TYPE + "rule:campaign"));
        given().auth().oauth2(PL_OFFICE).get("/api/v1/regions/140829/departments").then().statusCode(200)
                .body("code", hasItem("140829-api-test"));
        given().auth().oauth2(PL_OFFICE).get("/api/v1/regions/140829/plan").then().statusCode(200);
        // a token of another region's tree does not read them (the shared region-access rule)
        given().auth().oauth2(READER).get("/api/v1/regions/140829/departments").then().statusCode(403)
                .body("type", equalTo("urn:nmsdz:problem:rule:region-scope"));
        given().auth().oauth2(READER).get("/api/v1/regions/999999/departments").then().statusCode(404)
                .body("type", equalTo(TYPE + "not-found"));
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                .longValue());
    }
}
