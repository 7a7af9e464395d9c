package cn.nmsdz.evidence.component;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.nmsdz.evidence.messaging.CatalogueConsumer;
import cn.nmsdz.testsupport.TestTokens;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One request pipeline (issue 11 item 2): observation rows, claims, assessments, reviews and withdrawals are checked
 * by their records' constraints, and a mistake is the same problem on every endpoint (type, JSON pointer, Chinese by
 * default), nothing stored; the list's query parameters are typed; the OpenAPI shows the constraints.
 */
@QuarkusTest
@EvidenceComponentTest
class RequestPipelineTest {
    static final String REGION = "509821";
    static final String INVALID = "urn:nmsdz:problem:invalid-field";
    static final String PROVIDER = TestTokens.user("pipeline-bureau", "data-provider", Map.of("region", REGION));
    static final String SUBMITTER = TestTokens.user("pipeline-market", "evidence-submitter",
            Map.of("region", REGION, "department", "market"));
    static final String EXPERT = TestTokens.user("pipeline-expert", "expert", Map.of("assigned_regions", List.of(REGION)));
    static final String REVIEWER = TestTokens.user("pipeline-reviewer", "evidence-reviewer", Map.of("region", REGION));

    @Inject
    CatalogueConsumer catalogue;

    @Inject
    EntityManager em;

    @BeforeEach
    void regions() {
        EvidenceApiTest.catalogueAndRegions(catalogue, em, REGION, "请求测试区", "509822", "请求邻区");
    }

    long evidence() {
        return EvidenceApiTest.count(em, "select count(*) from evidence where region = '" + REGION + "'");
    }

    static Map<String, Object> figure(Object year, Object value) {
        return Map.of("metric", "online_operators", "year", year, "value", value, "source", "RequestPipelineTest");
    }

    @Test
    void observationRowsAreCheckedByTheirConstraintsUnderTheirIndex() {
        String path = "/api/v1/regions/" + REGION + "/observations";
        given().auth().oauth2(PROVIDER).contentType("application/json").body(List.of(figure(2024, 12)))
                .post(path).then().statusCode(201);
        long before = evidence();
        JsonPath zh = given().auth().oauth2(PROVIDER).contentType("application/json")
                .body(List.of(figure(2024, 1), figure(1999, 1), Map.of("metric", "online_operators", "year", 2024,
                        "value", 0.0000001, "source", " ")))
                .post(path).then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", equalTo(INVALID)).extract().jsonPath();
        assertEquals(List.of("/1/year", "/2/source", "/2/value"), zh.getList("errors.field"));
        assertEquals("必填", zh.getString("errors.find { it.field == '/2/source' }.message"));
        // one object: its fields named from the object
        given().auth().oauth2(PROVIDER).header("Accept-Language", "en").contentType("application/json")
                .body(figure(1999, 1)).post(path).then().statusCode(400).body("type", equalTo(INVALID))
                .body("errors[0].field", equalTo("/year")).body("detail", equalTo("/year must be 2000..2100"));
        assertEquals(before, evidence(), "a refused batch stores nothing");
    }

    @Test
    void claimsAssessmentsReviewsAndWithdrawalsGiveTheSameProblem() {
        long before = evidence();
        JsonPath claim = given().auth().oauth2(SUBMITTER).header("Accept-Language", "en").contentType("application/json")
                .body(Map.of("indicator", " ", "year", 2025, "points", 1.25, "documentIds", List.of()))
                .post("/api/v1/regions/" + REGION + "/claims").then().statusCode(400).body("type", equalTo(INVALID))
                .extract().jsonPath();
        assertEquals(List.of("/indicator", "/points"), claim.getList("errors.field"));
        assertEquals("must have at most 18 digits before and 1 after the decimal point",
                claim.getString("errors.find { it.field == '/points' }.message"));
        given().auth().oauth2(EXPERT).contentType("application/json")
                .body(Map.of("indicator", "12", "item", "12.1", "satisfied", true, "comment", "x"))
                .post("/api/v1/regions/" + REGION + "/assessments").then().statusCode(400).body("type", equalTo(INVALID))
                .body("errors[0].field", equalTo("/year")).body("errors[0].message", equalTo("必填"));
        assertEquals(before, evidence(), "a refused claim or assessment stores nothing");
        String id = given().auth().oauth2(SUBMITTER).contentType("application/json")
                .body(Map.of("indicator", "12", "year", 2025, "satisfied", true))
                .post("/api/v1/regions/" + REGION + "/claims").then().statusCode(201).extract().path("id");
        given().auth().oauth2(REVIEWER).header("Accept-Language", "en").contentType("application/json")
                .body(Map.of("decision", "MAYBE")).post("/api/v1/evidence/" + id + "/review").then().statusCode(400)
                .body("type", equalTo(INVALID)).body("errors[0].field", equalTo("/decision"))
                .body("errors[0].message", equalTo("must be ACCEPT or REJECT"));
        given().auth().oauth2(SUBMITTER).contentType("application/json").body(Map.of("reason", "理".repeat(2001)))
                .post("/api/v1/evidence/" + id + "/withdraw").then().statusCode(400).body("type", equalTo(INVALID))
                .body("errors[0].field", equalTo("/reason")).body("errors[0].message", equalTo("最多 2000 个字符"));
        given().auth().oauth2(REVIEWER).get("/api/v1/evidence/" + id).then().statusCode(200)
                .body("state", equalTo("SUBMITTED"));
    }

    /**
     * The list names every bad filter at once (EvidenceIT), a word where a number belongs included: its numbers are
     * constraints on their text, so they are checked together with the others; the OpenAPI types them as integers.
     */
    @Test
    void theListNamesEveryBadFilterAtOnce() {
        String path = "/api/v1/regions/" + REGION + "/evidence";
        JsonPath zh = given().auth().oauth2(REVIEWER).get(path + "?kind=PHOTO&state=LOST&year=abc&page=-1&size=501").then()
                .statusCode(400).contentType(startsWith("application/problem+json")).body("type", equalTo(INVALID))
                .extract().jsonPath();
        assertEquals(List.of("kind", "page", "size", "state", "year"), zh.getList("errors.field"));
        assertEquals("必须是 1900 至 2200 之间的整数", zh.getString("errors.find { it.field == 'year' }.message"));
        JsonPath en = given().auth().oauth2(REVIEWER).header("Accept-Language", "en").get(path + "?kind=PHOTO&size=0").then()
                .statusCode(400).body("type", equalTo(INVALID)).extract().jsonPath();
        assertEquals("must be OBSERVATION, DOCUMENT, CLAIM or ASSESSMENT", en.getString("errors.find { it.field == 'kind' }.message"));
        assertEquals("must be a whole number from 1 to 500", en.getString("errors.find { it.field == 'size' }.message"));
        given().auth().oauth2(REVIEWER).get(path + "?year=2024&page=0&size=10&kind=CLAIM&state=SUBMITTED").then().statusCode(200);
    }

    /** The filters' words are the shared vocabulary's, written out because an annotation needs a constant. */
    @Test
    void theKindAndStateFiltersAreTheEnumsWords() {
        assertEquals(String.join("|", java.util.Arrays.stream(cn.nmsdz.events.evidence.EvidenceKind.values()).map(Enum::name).toList()),
                cn.nmsdz.evidence.rest.EvidenceResource.KIND);
        assertEquals(String.join("|", java.util.Arrays.stream(cn.nmsdz.events.evidence.ReviewState.values()).map(Enum::name).toList()),
                cn.nmsdz.evidence.rest.EvidenceResource.STATE);
    }

    @Test
    void theOpenApiShowsTheConstraints() {
        JsonPath api = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        org.hamcrest.MatcherAssert.assertThat(api.getList("components.schemas.ObservationInput.required"),
                hasItems("metric", "year", "value", "source"));
        assertEquals(2000, api.getInt("components.schemas.ObservationInput.properties.source.maxLength"));
        assertEquals(1.0E-6, api.getDouble("components.schemas.ObservationInput.properties.value.multipleOf"), 0);
        assertEquals(0.1, api.getDouble("components.schemas.JudgementInput.properties.points.multipleOf"), 0);
        assertEquals("ACCEPT|REJECT", api.getString("components.schemas.ReviewInput.properties.decision.pattern"));
        Map<String, Object> size = api.getMap(
                "paths.'/api/v1/regions/{code}/evidence'.get.parameters.find { it.name == 'size' }.schema");
        assertEquals("integer", size.get("type"));
        assertEquals(1, size.get("minimum"));
        assertEquals(500, size.get("maximum"));
    }
}
