package cn.nmsdz.indicator.component;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.nmsdz.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hamcrest.MatcherAssert;
import org.junit.jupiter.api.Test;

/**
 * One request pipeline (issue 11 item 2) in indicator-service: departments, stages, schedules, plan tasks, liaisons,
 * the leadership group and decomposition entries are checked by their records' constraints, and a mistake is the same
 * problem as in the other services (type invalid-field, every field as a JSON pointer at once, Chinese by default,
 * English on request), with nothing stored and nothing announced; the OpenAPI shows the constraints.
 */
@QuarkusTest
@IndicatorComponentTest
class RequestPipelineTest {
    static final String REGION = "140829";
    static final String INVALID = "urn:nmsdz:problem:invalid-field";
    static final String OFFICE = TestTokens.user("pipeline-office", "creation-office", Map.of("region", REGION));
    static final String MARKET = REGION + "-market-supervision";

    @Inject
    EntityManager em;

    /** What a refused request must leave as it was: the organisation, its history and the outbox. */
    String stored() {
        return QuarkusTransaction.requiringNew().call(() -> String.join("|", List.of(
                "select count(*) from campaign_stage", "select count(*) from department",
                "select count(*) from organisation_change", "select count(*) from outbox_event",
                "select coalesce(max(liaisons), '') from department where code = '" + MARKET + "'").stream()
                .map(sql -> String.valueOf(em.createNativeQuery(sql).getSingleResult())).toList()));
    }

    JsonPath refused(String method, String path, Object body, String language) {
        var request = given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(body);
        if (language != null) {
            request = request.header("Accept-Language", language);
        }
        return request.request(method, "/api/v1/regions/" + REGION + path).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("type", equalTo(INVALID)).extract().jsonPath();
    }

    static Map<String, Object> stage(String code, String name, String startsOn, String endsOn) {
        Map<String, Object> stage = new HashMap<>();
        stage.put("code", code);
        stage.put("name", name);
        stage.put("startsOn", startsOn);
        stage.put("endsOn", endsOn);
        return stage;
    }

    @Test
    void stagesNameEveryBrokenFieldAtOnceInChineseOrEnglish() {
        String before = stored();
        List<Object> stages = new java.util.ArrayList<>(List.of(stage("launch", "启动部署", "2026-01-01", "2026-02-28"),
                stage("Push!", " ", "2026-05-01", "2026-04-01")));
        stages.add(null);
        JsonPath zh = refused("PUT", "/stages", stages, null);
        assertEquals(List.of("/1/code", "/1/endsOn", "/1/name", "/2"), zh.getList("errors.field"));
        assertEquals("不得早于 startsOn", zh.getString("errors.find { it.field == '/1/endsOn' }.message"));
        assertEquals("必填", zh.getString("errors.find { it.field == '/1/name' }.message"));
        JsonPath en = refused("PUT", "/stages", List.of(stage("push", "全面推进", "2026-05-01", "2026-04-01")), "en");
        assertEquals("/0/endsOn must not be before startsOn", en.getString("detail"));
        // a code given twice needs the whole list: the campaign's rule, the same 400 naming the field
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(List.of(stage("push", "全面推进", "2026-03-01", "2026-04-01"), stage("push", "又一个", "2026-05-01", "2026-06-01")))
                .put("/api/v1/regions/" + REGION + "/stages").then().statusCode(400).body("errors[0].field", equalTo("/1/code"));
        assertEquals(before, stored(), "a refused list of stages stores and announces nothing");
    }

    @Test
    void liaisonsSchedulesTasksAndTheGroupGiveTheSameProblem() {
        String before = stored();
        JsonPath liaison = refused("PUT", "/departments/" + MARKET + "/liaisons", List.of(Map.of("name", "王芳")), null);
        assertEquals(List.of("/0/phone"), liaison.getList("errors.field"));
        assertEquals("必填（除非已填写 contact）", liaison.getString("errors[0].message"));
        assertEquals("/0/phone is required unless contact is given", refused("PUT", "/departments/" + MARKET + "/liaisons",
                List.of(Map.of("name", "王芳")), "en").getString("detail"));
        JsonPath schedule = refused("PUT", "/decomposition/11/schedule", Map.of("dueDate", "2026-05-20",
                "persons", List.of(Map.of("department", MARKET, "name", " "), Map.of("name", "李明"))), null);
        assertEquals(List.of("/persons/0/name", "/persons/1/department"), schedule.getList("errors.field"));
        JsonPath task = refused("PUT", "/plan/tasks/1", Map.of("targetValue", -5, "currentValue", 0.0000001), "en");
        assertEquals(List.of("/currentValue", "/targetValue"), task.getList("errors.field"));
        assertEquals("must be at least 0", task.getString("errors.find { it.field == '/targetValue' }.message"));
        JsonPath group = refused("PUT", "/leadership-group", Map.of("title", " ", "members", List.of(Map.of("role", "组长"))), null);
        assertEquals(List.of("/members/0/person", "/title"), group.getList("errors.field"));
        JsonPath entry = refused("PUT", "/decomposition/11", Map.of("tasks", java.util.Arrays.asList(1, null),
                "leadUnits", java.util.Arrays.asList((Object) null)), null);
        assertEquals(List.of("/leadUnits/0", "/tasks/1"), entry.getList("errors.field"));
        assertEquals(before, stored(), "refused writes store and announce nothing");
    }

    @Test
    void aDepartmentsOwnFieldsAreConstraintsAndItsRegionsRulesA422() {
        String before = stored();
        Map<String, Object> department = new HashMap<>(Map.of("code", REGION + "-" + "a".repeat(60), "name", " ",
                "aliases", List.of(" "), "kind", "BUREAU"));
        JsonPath zh = refused("POST", "/departments", department, null);
        assertEquals(List.of("/aliases/0", "/code", "/kind", "/name"), zh.getList("errors.field"));
        assertEquals("最多 64 个字符", zh.getString("errors.find { it.field == '/code' }.message"));
        JsonPath en = refused("POST", "/departments", department, "en");
        assertEquals("must be GOVERNMENT_DEPARTMENT, PARTY_OFFICE, COLLECTIVE or OTHER",
                en.getString("errors.find { it.field == '/kind' }.message"));
        // a path segment that cannot be a department code is named like a field
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("name", "某局", "kind", "OTHER"))
                .put("/api/v1/regions/" + REGION + "/departments/" + REGION + "-Upper_Case").then().statusCode(400)
                .body("type", equalTo(INVALID)).body("errors[0].field", equalTo("department"));
        // fields that are fine each but clash with the region: its rules, every one at once
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("code", "500118-elsewhere", "name", "县市场监管局", "kind", "OTHER"))
                .post("/api/v1/regions/" + REGION + "/departments").then().statusCode(422)
                .body("errors.field", equalTo(List.of("/code", "/name")));
        assertEquals(before, stored(), "a refused department stores and announces nothing");
    }

    @Test
    void theOpenApiShowsTheConstraints() {
        JsonPath api = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        MatcherAssert.assertThat(api.getList("components.schemas.Stage.required"), hasItems("code", "name", "startsOn", "endsOn"));
        assertEquals(32, api.getInt("components.schemas.Stage.properties.code.maxLength"));
        assertEquals(64, api.getInt("components.schemas.DepartmentInput.properties.code.maxLength"));
        assertEquals("GOVERNMENT_DEPARTMENT|PARTY_OFFICE|COLLECTIVE|OTHER",
                api.getString("components.schemas.DepartmentInput.properties.kind.pattern"));
        MatcherAssert.assertThat(api.getList("components.schemas.Liaison.required"), hasItems("name"));
        assertEquals(0, api.getInt("components.schemas.TaskRequest.properties.targetValue.minimum"));
    }
}
