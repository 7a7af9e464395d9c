package cn.nmsdz.systemtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mandates of SPEC §7 that a Keycloak administrator and a catalogue admin set up, on the real
 * suite with users onboarded through Keycloak's admin API: a new county's clerk writes nothing until
 * the county's task decomposition names its department; an expert assesses exactly the regions
 * assigned to it (the multi-valued {@code assigned_regions} attribute), and a new assignment counts
 * from the next token; a provincial statistics bureau writes figures only within its province.
 *
 * <p>Works in a county created for the run (a free code of 140880–140899 under 运城市), so nothing
 * here changes the seed regions' scores that other tests assert.
 */
@ExtendWith(Suite.class)
class MandateIT {
    static final String API = Suite.GATEWAY + "/api/v1";
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    static String county;

    @BeforeAll
    static void createCounty() {
        String admin = Tokens.user("admin");
        for (int code = 140880; code <= 140899 && county == null; code++) {
            if (given().auth().oauth2(admin).get(API + "/regions/" + code).statusCode() == 404) {
                county = Integer.toString(code);
            }
        }
        if (county == null) {
            throw new IllegalStateException("no free county code in 140880-140899: use a fresh suite");
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("code", county, "name", "系统测试县" + RUN, "level", "COUNTY", "parentCode", "140800",
                        "zone", "CENTRAL"))
                .post(API + "/regions").then().statusCode(201).header("Location", "/api/v1/regions/" + county);
    }

    @Test
    void aNewCountysClerkWritesNothingUntilTheDecompositionNamesItsDepartment() {
        String department = county + "-market-supervision";
        KeycloakAdmin.createUser("clerk-" + RUN, Map.of("region", List.of(county), "department", List.of(department)),
                "evidence-submitter");
        String clerk = Tokens.user("clerk-" + RUN);
        Map<String, Object> claim11 = Map.of("indicator", "11", "satisfied", true, "comment", "MandateIT");
        Map<String, Object> claim12 = Map.of("indicator", "12", "satisfied", true, "comment", "MandateIT");
        String admin = Tokens.user("admin");
        Supplier<Long> claims = () -> count(admin, "kind=CLAIM");

        // the county is known to the evidence service, but no decomposition has been loaded for it
        Response refused = eventually(() -> post(clerk, "/claims", claim11),
                r -> r.statusCode() == 403 && r.asString().contains("no task decomposition"));
        refused.then().contentType(startsWith("application/problem+json"))
                .body("detail", containsString("rule decomposition-scope"))
                .body("detail", containsString("no task decomposition of region " + county));
        assertEquals(0L, claims.get());

        // the catalogue admin registers the department and names it lead unit of indicator 11
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("code", department, "name", "系统测试县市场监督管理局" + RUN, "kind", "GOVERNMENT_DEPARTMENT"))
                .post(API + "/regions/" + county + "/departments").then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("leadUnits", List.of(department)))
                .put(API + "/regions/" + county + "/decomposition/11").then().statusCode(200);

        // once the decomposition has arrived: indicator 11 is the clerk's, indicator 12 is not
        eventually(() -> post(clerk, "/claims", claim11), r -> r.statusCode() == 201)
                .then().body("kind", equalTo("CLAIM")).body("department", equalTo(department));
        post(clerk, "/claims", claim12).then().statusCode(403)
                .body("detail", containsString("rule decomposition-scope"))
                .body("detail", containsString("indicator 12"));
        assertEquals(1L, claims.get());
    }

    @Test
    void anExpertAssessesExactlyTheRegionsAssignedToItAndANewAssignmentCountsFromTheNextToken() {
        Map<String, Object> verdict = Map.of("indicator", "12", "item", "12.1", "satisfied", true, "comment", "MandateIT");
        String admin = Tokens.user("admin");
        String id = KeycloakAdmin.createUser("expert-" + RUN, Map.of(), "expert");

        String unassigned = Tokens.user("expert-" + RUN);
        post(unassigned, "/assessments", verdict).then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("rule expert-assignment"))
                .body("detail", containsString("assigned to no region"));
        given().auth().oauth2(unassigned).get(API + "/regions/" + county + "/evidence").then().statusCode(403)
                .body("detail", containsString("rule region-scope"));
        assertEquals(0L, count(admin, "kind=ASSESSMENT"));

        // the Keycloak admin assigns the expert to the county and to 平陆县
        KeycloakAdmin.setAttribute(id, "assigned_regions", List.of(county, "140829"));
        String assigned = Tokens.user("expert-" + RUN);
        // (404 until the county has reached the evidence service through catalogue.events)
        eventually(() -> post(assigned, "/assessments", verdict), r -> r.statusCode() != 404).then().statusCode(201).body("state", equalTo("ACCEPTED"))
                .body("submittedBy", equalTo("expert-" + RUN));
        given().auth().oauth2(assigned).get(API + "/regions/" + county + "/evidence").then().statusCode(200);
        given().auth().oauth2(assigned).get(API + "/regions/140829/evidence?size=1").then().statusCode(200);
        // an assignment is to the region itself, not to the city or province above it
        given().auth().oauth2(assigned).contentType(ContentType.JSON).body(verdict)
                .post(API + "/regions/140800/assessments").then().statusCode(403)
                .body("detail", containsString("rule expert-assignment"));
        // expert2 of the demo realm sits on 永川区 and 平陆县, expert1 on 永川区 only
        given().auth().oauth2(Tokens.user("expert1")).get(API + "/regions/140829/evidence?size=1").then().statusCode(403);
        given().auth().oauth2(Tokens.user("expert2")).get(API + "/regions/140829/evidence?size=1").then().statusCode(200);
        assertEquals(1L, count(admin, "kind=ASSESSMENT"));
    }

    @Test
    void aProvincialStatisticsBureauWritesFiguresOnlyWithinItsProvince() {
        String shanxi = Tokens.client("stats-bureau-sx", "stats-bureau-sx-secret");
        String admin = Tokens.user("admin");
        Map<String, Object> figure = Map.of("metric", "online_operators", "year", 2016, "value", 321,
                "source", "山西省统计局 MandateIT");

        // the test county lies under 运城市 and 山西省 (140000): accepted on arrival, once the county has
        // reached the evidence service through catalogue.events (until then its parents are unknown there)
        eventually(() -> post(shanxi, "/observations", figure), r -> r.statusCode() != 403).then().statusCode(201).body("[0].state", equalTo("ACCEPTED"))
                .body("[0].submittedBy", equalTo("service-account-stats-bureau-sx"));

        // 永川区 lies under 重庆市: refused, and nothing stored there
        String ycReviewer = Tokens.user("yc-reviewer");
        long before = Long.parseLong(given().auth().oauth2(ycReviewer)
                .get(API + "/regions/500118/evidence?size=1&kind=OBSERVATION&metric=online_operators&year=2016")
                .then().statusCode(200).extract().header("X-Total-Count"));
        given().auth().oauth2(shanxi).contentType(ContentType.JSON).body(figure)
                .post(API + "/regions/500118/observations")
                .then().statusCode(403).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("rule region-scope: a data provider of region 140000"));
        given().auth().oauth2(shanxi).multiPart("file", "统计公报.pdf", AuthorizationMatrixIT.PDF, "application/pdf")
                .multiPart("indicator", "1").post(API + "/regions/500118/documents")
                .then().statusCode(403).body("detail", containsString("rule region-scope"));
        assertEquals(before, Long.parseLong(given().auth().oauth2(ycReviewer)
                .get(API + "/regions/500118/evidence?size=1&kind=OBSERVATION&metric=online_operators&year=2016")
                .then().statusCode(200).extract().header("X-Total-Count")));
        assertEquals(1L, count(admin, "kind=OBSERVATION&metric=online_operators&year=2016"));
    }

    // ------------------------------------------------------------------ helpers

    static Response post(String token, String what, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post(API + "/regions/" + county + what);
    }

    static long count(String token, String query) {
        return Long.parseLong(given().auth().oauth2(token).get(API + "/regions/" + county + "/evidence?size=1&" + query)
                .then().statusCode(200).extract().header("X-Total-Count"));
    }

    /** Repeats a request until its answer is the wanted one (an event has been applied) or 60 s pass; the last answer. */
    static Response eventually(Supplier<Response> request, java.util.function.Predicate<Response> wanted) {
        Response[] last = new Response[1];
        try {
            return WalkingSkeletonIT.await(() -> {
                last[0] = request.get();
                return wanted.test(last[0]) ? last[0] : null;
            });
        } catch (AssertionError timedOut) {
            return last[0]; // the assertions that follow say what it was
        }
    }
}
