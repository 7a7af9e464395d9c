package cn.nmsdz.scoring.component;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.scoring.messaging.ProjectionConsumer;
import cn.nmsdz.testsupport.TestEvents;
import cn.nmsdz.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One request pipeline (issue 11 item 2): the simulation body and the typed query parameters are checked by their
 * constraints, and a mistake is the same problem everywhere (type, a JSON pointer or the parameter's name, Chinese by
 * default); the constraints appear in the OpenAPI.
 */
@QuarkusTest
@ScoringComponentTest
class RequestPipelineTest {
    static final String REGION = "500196";
    static final String INVALID = "urn:nmsdz:problem:invalid-field";
    static final String READER = TestTokens.user("pipeline-reader", "score-reader", Map.of("region", REGION));
    static final String SIMULATE = "/api/v1/regions/" + REGION + "/scores/simulate";

    @Inject
    ProjectionConsumer consumer;

    @Inject
    EntityManager em;

    @BeforeEach
    void regionKnown() {
        OfficialCatalogue.inForce(consumer);
        consumer.onCatalogue(TestEvents.region(REGION, "请求测试区", "500000", Zone.WEST));
    }

    long snapshots() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from snapshot").getSingleResult()).longValue());
    }

    @Test
    void aValidSimulationIsAccepted() {
        given().auth().oauth2(READER).contentType("application/json")
                .body(Map.of("year", 2025, "observations", List.of(Map.of("metric", "online_operators", "year", 2025,
                        "value", 12.5)), "verdicts", List.of(Map.of("indicator", "12", "item", "12.1", "satisfied", true))))
                .post(SIMULATE).then().statusCode(200).body("region", equalTo(REGION));
    }

    @Test
    void everyBrokenConstraintOfTheBodyIsOneProblemNamingItsFields() {
        long before = snapshots();
        String body = """
                {"observations": [{"metric": "online_operators", "value": 1},
                                  {"metric": " ", "year": 1999, "value": 0.0000001}],
                 "verdicts": [null, {"indicator": "10", "points": -1}]}""";
        JsonPath zh = given().auth().oauth2(READER).contentType("application/json").body(body).post(SIMULATE)
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", equalTo(INVALID)).body("title", equalTo("请求无效"))
                .extract().jsonPath();
        assertEquals(List.of("/observations/0/year", "/observations/1/metric", "/observations/1/value",
                "/observations/1/year", "/verdicts/0", "/verdicts/1/points", "/year"), zh.getList("errors.field"));
        assertEquals("必填", zh.getString("errors.find { it.field == '/year' }.message"));
        assertEquals("必须在 2000 至 2100 之间", zh.getString("errors.find { it.field == '/observations/1/year' }.message"));
        assertEquals("整数部分最多 18 位，小数部分最多 6 位",
                zh.getString("errors.find { it.field == '/observations/1/value' }.message"));
        JsonPath en = given().auth().oauth2(READER).header("Accept-Language", "en").contentType("application/json")
                .body(body).post(SIMULATE).then().statusCode(400).body("type", equalTo(INVALID))
                .body("title", equalTo("Invalid request")).body("detail", startsWith("7 fields are invalid: "))
                .body("detail", not(containsString("jakarta"))).body("detail", not(containsString("SimulationRequest")))
                .extract().jsonPath();
        assertEquals("is required", en.getString("errors.find { it.field == '/year' }.message"));
        assertEquals("must be 2000..2100", en.getString("errors.find { it.field == '/observations/1/year' }.message"));
        assertEquals("must be at least 0", en.getString("errors.find { it.field == '/verdicts/1/points' }.message"));
        // one mistake: the detail is the sentence of its field
        given().auth().oauth2(READER).header("Accept-Language", "en").contentType("application/json")
                .body(Map.of("year", 1999)).post(SIMULATE).then().statusCode(400).body("type", equalTo(INVALID))
                .body("detail", equalTo("/year must be 2000..2100"));
        assertEquals(before, snapshots(), "a refused simulation stores nothing");
    }

    @Test
    void aQueryParameterOutOfItsBoundsIsTheSameProblemNamingTheParameter() {
        String base = "/api/v1/regions/" + REGION;
        given().auth().oauth2(READER).header("Accept-Language", "en").get(base + "/scores/latest?year=1999").then()
                .statusCode(400).body("type", equalTo(INVALID)).body("errors[0].field", equalTo("year"))
                .body("detail", equalTo("query parameter 'year' must be 2000..2100"));
        given().auth().oauth2(READER).get(base + "/scores/latest").then().statusCode(400).body("type", equalTo(INVALID))
                .body("errors[0].field", equalTo("year")).body("errors[0].message", equalTo("必填"))
                .body("detail", equalTo("查询参数 'year' 必填"));
        given().auth().oauth2(READER).header("Accept-Language", "en").get(base + "/scores?year=2025&limit=0").then()
                .statusCode(400).body("type", equalTo(INVALID)).body("errors[0].field", equalTo("limit"))
                .body("detail", equalTo("query parameter 'limit' must be 1..1000"));
        given().auth().oauth2(READER).header("Accept-Language", "en").get(base + "/gaps?year=2101").then()
                .statusCode(400).body("type", equalTo(INVALID)).body("errors[0].field", equalTo("year"));
        given().auth().oauth2(READER).header("Accept-Language", "en").get(base + "/scoreboard?year=2025&size=501").then()
                .statusCode(400).body("type", equalTo(INVALID)).body("errors[0].field", equalTo("size"))
                .body("errors[0].message", equalTo("must be 1..500"));
        // the form of a list: a word of its own, Chinese first like every refusal
        given().auth().oauth2(READER).get(base + "/scores?year=2025&view=everything").then()
                .statusCode(400).body("type", equalTo(INVALID)).body("errors[0].field", equalTo("view"))
                .body("detail", equalTo("查询参数 'view' 必须是 full 或 summary"));
        given().auth().oauth2(READER).header("Accept-Language", "en").get("/api/v1/snapshots?under=" + REGION + "&view=all")
                .then().statusCode(400).body("type", equalTo(INVALID))
                .body("detail", equalTo("query parameter 'view' must be full or summary"));
        given().auth().oauth2(READER).get(base + "/scores?year=2025&view=summary").then().statusCode(200);
        // not a number at all: the parameter named too, not Quarkus' bare 404
        given().auth().oauth2(READER).header("Accept-Language", "en").get(base + "/scores/latest?year=abc").then()
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("year"));
    }

    @Test
    void theOpenApiShowsTheConstraints() {
        JsonPath api = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> year = api.getMap("paths.'/api/v1/regions/{code}/scores/latest'.get.parameters.find { it.name == 'year' }");
        assertEquals(true, year.get("required"));
        assertEquals(Map.of("type", "integer", "format", "int32", "minimum", 2000, "maximum", 2100), year.get("schema"));
        Map<String, Object> limit = api.getMap("paths.'/api/v1/regions/{code}/scores'.get.parameters.find { it.name == 'limit' }.schema");
        assertEquals(1, limit.get("minimum"));
        assertEquals(1000, limit.get("maximum"));
        Map<String, Object> request = api.getMap("components.schemas.SimulationRequest");
        org.hamcrest.MatcherAssert.assertThat(api.getList("components.schemas.SimulationRequest.required"), hasItem("year"));
        assertEquals(2000, api.getInt("components.schemas.SimulationRequest.properties.year.minimum"), String.valueOf(request));
        org.hamcrest.MatcherAssert.assertThat(api.getList("components.schemas.ObservationInput.required"),
                hasItems("metric", "year", "value"));
        // @Digits(fraction = 6): at most six decimals
        assertEquals(1.0E-6, api.getDouble("components.schemas.ObservationInput.properties.value.multipleOf"), 0,
                String.valueOf(api.getMap("components.schemas.ObservationInput")));
    }
}
