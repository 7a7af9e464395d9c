package cn.nmsdz.systemtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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
        county = newCounty("系统测试县" + RUN).code();
        // until it has reached evidence-service through catalogue.events it is "not known yet" there (404)
        String admin = Tokens.user("admin");
        eventually(() -> given().auth().oauth2(admin).get(API + "/regions/" + county + "/evidence?size=1"),
                r -> r.statusCode() == 200).then().statusCode(200);
    }

    /** A county created for the run, and the time of its catalogue event (X-NMSDZ-Event-Time). */
    record County(String code, String eventTime) {
    }

    /** Creates a county under 运城市 with a free code of 140880–140899. */
    static synchronized County newCounty(String name) {
        String admin = Tokens.user("admin");
        String code = null;
        for (int c = 140880; c <= 140899 && code == null; c++) {
            if (given().auth().oauth2(admin).get(API + "/regions/" + c).statusCode() == 404) {
                code = Integer.toString(c);
            }
        }
        if (code == null) {
            throw new IllegalStateException("no free county code in 140880-140899: use a fresh suite");
        }
        Response created = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", name, "level", "COUNTY", "parentCode", "140800", "zone", "CENTRAL"))
                .post(API + "/regions");
        created.then().statusCode(201).header("Location", "/api/v1/regions/" + code);
        return new County(code, created.header("X-NMSDZ-Event-Time"));
    }

    /**
     * Read-your-writes (issue #18, 4): a department named in the decomposition a moment ago, and a county created a
     * moment ago, are never refused for good because the change is still on its way: with the X-NMSDZ-Event-Time the
     * write answered passed as X-NMSDZ-Catalogue-After, the answer is the result or 409 "not yet" with Retry-After.
     */
    @Test
    void aChangeMadeAMomentAgoIsWaitedForNotRefused() throws InterruptedException {
        County created = newCounty("一致性测试县" + RUN);
        String fresh = created.code();
        String regionTime = created.eventTime();
        assertNotNull(regionTime, "POST /regions answers the time of its catalogue event");
        String admin = Tokens.user("admin");
        // scoring: the county is known, or not known *yet*, never a refusal of the caller's scope
        Response score = retried(() -> given().auth().oauth2(admin).header("X-NMSDZ-Catalogue-After", regionTime)
                .get(API + "/regions/" + fresh + "/scores/latest?year=2025"));
        assertNotEquals(403, score.statusCode(), score.asString());

        String department = fresh + "-commerce";
        KeycloakAdmin.createUser("commerce-" + RUN, Map.of("region", List.of(fresh), "department", List.of(department)),
                "evidence-submitter");
        String clerk = Tokens.user("commerce-" + RUN);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("code", department, "name", "一致性测试县商务局" + RUN, "kind", "GOVERNMENT_DEPARTMENT"))
                .post(API + "/regions/" + fresh + "/departments").then().statusCode(201);
        Response saved = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("leadUnits", List.of(department))).put(API + "/regions/" + fresh + "/decomposition/36");
        saved.then().statusCode(200);
        String changed = saved.header("X-NMSDZ-Event-Time");
        assertNotNull(changed, "PUT …/decomposition answers the time of its catalogue event");

        // at once, as the department named there: 201, after as many "not yet" answers as the change takes to arrive
        Response claim = retried(() -> given().auth().oauth2(clerk).header("X-NMSDZ-Catalogue-After", changed)
                .contentType(ContentType.JSON).body(Map.of("indicator", "36", "year", 2025, "satisfied", true, "comment", "MandateIT"))
                .post(API + "/regions/" + fresh + "/claims"));
        assertEquals(201, claim.statusCode(), claim.asString());
        claim.then().body("department", equalTo(department));
    }

    /** Repeats a request while it answers 409 "not yet", each time after its Retry-After; the first other answer. */
    static Response retried(Supplier<Response> request) throws InterruptedException {
        for (int attempt = 0; attempt < 60; attempt++) {
            Response r = request.get();
            if (r.statusCode() != 409) {
                return r;
            }
            r.then().contentType(startsWith("application/problem+json")).body("detail", containsString("yet"));
            String retryAfter = r.header("Retry-After");
            assertNotNull(retryAfter, "a 'not yet' answer says when to retry: " + r.asString());
            Thread.sleep(Long.parseLong(retryAfter) * 1000);
        }
        throw new AssertionError("still 'not yet' after 60 retries");
    }

    @Test
    void aNewCountysClerkWritesNothingUntilTheDecompositionNamesItsDepartment() {
        String department = county + "-market-supervision";
        KeycloakAdmin.createUser("clerk-" + RUN, Map.of("region", List.of(county), "department", List.of(department)),
                "evidence-submitter");
        String clerk = Tokens.user("clerk-" + RUN);
        Map<String, Object> claim11 = Map.of("indicator", "11", "year", 2025, "satisfied", true, "comment", "MandateIT");
        Map<String, Object> claim12 = Map.of("indicator", "12", "year", 2025, "satisfied", true, "comment", "MandateIT");
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
        Map<String, Object> verdict = Map.of("indicator", "12", "item", "12.1", "year", 2025, "satisfied", true, "comment", "MandateIT");
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

        // the test county lies under 运城市 and 山西省 (140000): accepted on arrival (the county has reached the
        // evidence service through catalogue.events: @BeforeAll waits for it)
        eventually(() -> post(shanxi, "/observations", figure), r -> r.statusCode() != 404).then().statusCode(201).body("[0].state", equalTo("ACCEPTED"))
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
