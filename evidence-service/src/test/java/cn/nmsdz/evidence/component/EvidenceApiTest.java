package cn.nmsdz.evidence.component;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.catalogue.DecompositionData;
import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.evidence.messaging.CatalogueConsumer;
import cn.nmsdz.testsupport.TestEvents;
import cn.nmsdz.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each evidence endpoint's roles and problem answers, and the native SQL behind them (decomposition scope, metric
 * use, idempotency records, positions, the national reference data): one region of its own (509811), so the tests
 * share the running service with the other component tests.
 */
@QuarkusTest
@EvidenceComponentTest
class EvidenceApiTest {
    static final String REGION = "509811";
    static final String OTHER = "509812";
    static final String SUBMITTER = TestTokens.user("api-market", "evidence-submitter",
            Map.of("region", REGION, "department", "market"));
    static final String FOREIGN_SUBMITTER = TestTokens.user("api-foreign", "evidence-submitter",
            Map.of("region", OTHER, "department", "market"));
    /** The prefix of the problem types (README: type → refused because). */
    static final String TYPE = "urn:nmsdz:problem:";
    static final String REVIEWER = TestTokens.user("api-reviewer", "evidence-reviewer", Map.of("region", REGION));
    static final String EXPERT = TestTokens.user("api-expert", "expert", Map.of("assigned_regions", List.of(REGION)));

    @Inject
    CatalogueConsumer catalogue;

    @Inject
    EntityManager em;

    @BeforeEach
    void catalogueRegionsAndDecomposition() {
        catalogueAndRegions(catalogue, em, REGION, "接口测试区", OTHER, "邻区");
    }

    /**
     * The official catalogue (once), a region and its neighbour under 重庆市, and the region's decomposition: its
     * department {@code market} (市场监管局) leads indicator 12.
     */
    static void catalogueAndRegions(CatalogueConsumer catalogue, EntityManager em, String region, String name,
            String other, String otherName) {
        if (count(em, "select count(*) from metric_definition") == 0) {
            catalogue.onEvent(TestEvents.published(TestEvents.officialCatalogue()));
        }
        if (count(em, "select count(*) from known_region where code = '" + region + "'") == 0) {
            catalogue.onEvent(TestEvents.region(region, name, "500000", Zone.WEST));
            catalogue.onEvent(TestEvents.region(other, otherName, "500000", Zone.WEST));
            catalogue.onEvent(TestEvents.decomposition(new DecompositionData(region,
                    List.of(new DecompositionData.DepartmentData("market", "市场监管局", List.of(), "GOVERNMENT")),
                    List.of(new DecompositionData.Entry("12", List.of(1), List.of("market"), List.of())))));
        }
    }

    static long count(EntityManager em, String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                .longValue());
    }

    @Test
    void theCatalogueFillsMetricUseAndTheNationalFiguresAreLoadedOnce() {
        assertTrue(count("select count(*) from metric_use") > 0, "metric_use is filled from the catalogue's rules");
        assertEquals(1, count("select count(*) from reference_data_load where name = 'cn-reference' and rows > 0"));
        long national = count("select count(*) from evidence where region = 'CN'");
        assertTrue(national > 0, "the national comparators are stored as CN observations");
        catalogue.onEvent(TestEvents.published(TestEvents.officialCatalogue()));
        assertEquals(national, count("select count(*) from evidence where region = 'CN'"), "loaded once");
    }

    @Test
    void aDecompositionNamesWhoOwnsWhatAndAClaimOutsideItIsRefused() {
        assertEquals(1, count("select count(*) from decomposition_unit where region = '" + REGION
                + "' and indicator = '12' and department = 'market'"));
        assertEquals(1, count("select count(*) from decomposition_region where region = '" + REGION + "'"));
        long before = count("select count(*) from evidence where region = '" + REGION + "'");
        given().auth().oauth2(SUBMITTER).contentType("application/json")
                .body(Map.of("indicator", "1", "year", 2025, "satisfied", true))
                .post("/api/v1/regions/" + REGION + "/claims")
                .then().statusCode(403).contentType(startsWith("application/problem+json"))
                .body("detail", org.hamcrest.Matchers.containsString("decomposition-scope"));
        // a figure of a metric that only indicators the department does not own read (metric_use)
        given().auth().oauth2(SUBMITTER).contentType("application/json")
                .body(Map.of("metric", "online_retail_sales", "year", 2025, "value", 1, "source", "x"))
                .post("/api/v1/regions/" + REGION + "/observations")
                .then().statusCode(403).body("errors.field", hasItem("/metric"));
        assertEquals(before, count("select count(*) from evidence where region = '" + REGION + "'"));
    }

    @Test
    void aClaimIsReviewedByAnotherPersonOnceAndEachStepIsAnEvent() {
        String id = given().auth().oauth2(SUBMITTER).contentType("application/json")
                .body(Map.of("indicator", "12", "year", 2025, "satisfied", true))
                .post("/api/v1/regions/" + REGION + "/claims")
                .then().statusCode(201).body("state", equalTo("SUBMITTED")).extract().path("id");
        long events = count("select count(*) from outbox_event where payload like '%" + id + "%'");
        assertEquals(1, events, "the claim is announced with its row");
        given().auth().oauth2(SUBMITTER).contentType("application/json").body(Map.of("decision", "ACCEPT"))
                .post("/api/v1/evidence/" + id + "/review").then().statusCode(403)
                .body("type", equalTo(TYPE + "rule:role"));
        given().auth().oauth2(REVIEWER).contentType("application/json").body(Map.of("decision", "REJECT"))
                .post("/api/v1/evidence/" + id + "/review").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("type", equalTo(TYPE + "rule:judgement"));
        given().auth().oauth2(REVIEWER).contentType("application/json").body(Map.of("decision", "ACCEPT"))
                .post("/api/v1/evidence/" + id + "/review").then().statusCode(200).body("state", equalTo("ACCEPTED"));
        given().auth().oauth2(REVIEWER).contentType("application/json").body(Map.of("decision", "ACCEPT"))
                .post("/api/v1/evidence/" + id + "/review").then().statusCode(409)
                .body("type", equalTo(TYPE + "rule:review-transition"));
        given().auth().oauth2(SUBMITTER).contentType("application/json").body(Map.of("reason", "重复"))
                .post("/api/v1/evidence/" + id + "/withdraw").then().statusCode(200).body("state", equalTo("WITHDRAWN"));
        given().auth().oauth2(SUBMITTER).contentType("application/json").body(Map.of("reason", "重复"))
                .post("/api/v1/evidence/" + id + "/withdraw").then().statusCode(409)
                .body("type", equalTo(TYPE + "rule:review-transition"));
        given().auth().oauth2(REVIEWER).get("/api/v1/evidence/" + id + "/history")
                .then().statusCode(200).body("size()", equalTo(3));
        assertEquals(3, count("select count(*) from outbox_event where payload like '%" + id + "%'"),
                "submitted, reviewed, withdrawn: one event each, none for the refusals");
    }

    @Test
    void anExpertAssessesOnlyAssignedRegionsAndReadsTheirEvidence() {
        given().auth().oauth2(EXPERT).contentType("application/json")
                .body(Map.of("indicator", "12", "item", "12.1", "year", 2025, "satisfied", true, "comment", "齐全"))
                .post("/api/v1/regions/" + OTHER + "/assessments").then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("expert-assignment"))
                .body("type", equalTo(TYPE + "rule:expert-assignment"));
        String id = given().auth().oauth2(EXPERT).contentType("application/json")
                .body(Map.of("indicator", "12", "item", "12.1", "year", 2025, "satisfied", true, "comment", "齐全"))
                .post("/api/v1/regions/" + REGION + "/assessments").then().statusCode(201)
                .body("state", equalTo("ACCEPTED")).extract().path("id");
        given().auth().oauth2(EXPERT).get("/api/v1/regions/" + REGION + "/evidence?kind=ASSESSMENT")
                .then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(EXPERT).get("/api/v1/regions/" + OTHER + "/evidence").then().statusCode(403);
        // by id, evidence of a region the caller does not read looks like no evidence at all
        given().auth().oauth2(FOREIGN_SUBMITTER).get("/api/v1/evidence/" + id).then().statusCode(404)
                .body("type", equalTo(TYPE + "not-found"));
        given().auth().oauth2(EXPERT).get("/api/v1/evidence/" + id).then().statusCode(200);
        given().auth().oauth2(EXPERT).get("/api/v1/evidence/not-an-id").then().statusCode(404);
    }

    @Test
    void aListQueryWithABadYearIsAProblemNamingIt() {
        given().auth().oauth2(REVIEWER).get("/api/v1/regions/" + REGION + "/evidence?year=abc")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("year")).body("type", equalTo(TYPE + "invalid-field"));
        given().auth().oauth2(REVIEWER).get("/api/v1/regions/599999/evidence").then().statusCode(404)
                .body("type", equalTo(TYPE + "not-found"));
    }

    @Test
    void aDocumentIsTypedFromItsBytesAndReadBackByWhoMayReadItsRegion() {
        byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        String id = given().auth().oauth2(SUBMITTER).multiPart("file", "制度.pdf", pdf, "application/pdf")
                .multiPart("indicator", "12").post("/api/v1/regions/" + REGION + "/documents")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(REVIEWER).get("/api/v1/documents/" + id + "/content").then().statusCode(200)
                .contentType(startsWith("application/pdf"));
        given().auth().oauth2(FOREIGN_SUBMITTER).get("/api/v1/documents/" + id + "/content").then().statusCode(404);
        given().auth().oauth2(FOREIGN_SUBMITTER).multiPart("file", "制度.pdf", pdf, "application/pdf")
                .post("/api/v1/regions/" + REGION + "/documents").then().statusCode(403);
        given().auth().oauth2(SUBMITTER).multiPart("indicator", "12")
                .post("/api/v1/regions/" + REGION + "/documents").then().statusCode(400)
                .body("errors.field", hasItem("file")).body("type", equalTo(TYPE + "invalid-field"));
        // the document rule: not empty, a type its name agrees with
        given().auth().oauth2(SUBMITTER).multiPart("file", "空.pdf", new byte[0], "application/pdf").multiPart("indicator", "12")
                .post("/api/v1/regions/" + REGION + "/documents").then().statusCode(400)
                .body("type", equalTo(TYPE + "rule:document"));
        given().auth().oauth2(SUBMITTER).multiPart("file", "制度.docx", pdf, "application/pdf").multiPart("indicator", "12")
                .post("/api/v1/regions/" + REGION + "/documents").then().statusCode(422)
                .body("type", equalTo(TYPE + "rule:document"));
    }

    /** The plumbing's refusals have their stable types too (README), the same in both languages. */
    @Test
    void theSharedRefusalsHaveTheirTypes() {
        String claims = "/api/v1/regions/" + REGION + "/claims";
        given().auth().oauth2(SUBMITTER).contentType("application/json").body("{\"indicator\": \"12\",")
                .post(claims).then().statusCode(400).body("type", equalTo(TYPE + "malformed-body"));
        given().auth().oauth2(SUBMITTER).contentType("application/json").header("Accept-Language", "en")
                .body("{\"indicator\": \"12\", \"indicator\": \"13\"}")
                .post(claims).then().statusCode(400).body("type", equalTo(TYPE + "malformed-body"));
        given().auth().oauth2(SUBMITTER).contentType("text/plain").body("x")
                .post(claims).then().statusCode(415).body("type", equalTo(TYPE + "unsupported-media-type"));
        given().auth().oauth2(SUBMITTER).delete(claims).then().statusCode(405)
                .body("type", equalTo(TYPE + "method-not-allowed"));
        given().contentType("application/json").body(Map.of("indicator", "12", "year", 2025, "satisfied", true))
                .post(claims).then().statusCode(401).body("type", equalTo(TYPE + "unauthorized"));
        given().auth().oauth2(EXPERT).contentType("application/json")
                .body(Map.of("indicator", "12", "year", 2025, "satisfied", true))
                .post(claims).then().statusCode(403).body("type", equalTo(TYPE + "rule:role"));
        given().auth().oauth2(REVIEWER).get("/api/v1/evidence/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo(TYPE + "not-found"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheFirstResponseAndStoresNothingTwice() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("indicator", "12", "year", 2024, "satisfied", true);
        long before = count("select count(*) from evidence where region = '" + REGION + "'");
        String first = given().auth().oauth2(SUBMITTER).contentType("application/json").header("Idempotency-Key", key)
                .body(body).post("/api/v1/regions/" + REGION + "/claims").then().statusCode(201).extract().path("id");
        given().auth().oauth2(SUBMITTER).contentType("application/json").header("Idempotency-Key", key)
                .body(body).post("/api/v1/regions/" + REGION + "/claims").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        assertEquals(before + 1, count("select count(*) from evidence where region = '" + REGION + "'"));
        assertEquals(1, count("select count(*) from idempotency_record where idem_key = '" + key + "'"));
        // the same key with another body is refused, not replayed
        given().auth().oauth2(SUBMITTER).contentType("application/json").header("Idempotency-Key", key)
                .body(Map.of("indicator", "12", "year", 2023, "satisfied", true))
                .post("/api/v1/regions/" + REGION + "/claims").then().statusCode(422)
                .body("type", equalTo(TYPE + "idempotency-key-reuse"));
    }

    @Test
    void positionsAreGivenInOrderFromTheSequence() {
        List<Long> positions = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select position from evidence where region = 'CN' order by position").getResultList()).stream()
                .map(o -> ((Number) o).longValue()).toList();
        assertTrue(positions.size() > 1);
        assertEquals(positions.stream().distinct().count(), positions.size(), "every row has its own position");
    }

    private long count(String sql) {
        return count(em, sql);
    }
}
