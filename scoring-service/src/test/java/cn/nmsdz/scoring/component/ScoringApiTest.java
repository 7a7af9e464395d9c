package cn.nmsdz.scoring.component;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.scoring.messaging.ProjectionConsumer;
import cn.nmsdz.scoring.snapshot.SnapshotService;
import cn.nmsdz.testsupport.TestEvents;
import cn.nmsdz.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The score, gap, simulation, application, notification and webhook endpoints' roles and problem answers on a region
 * of their own (500198, scored once for 2025), and the evidence consumer's dedupe.
 */
@QuarkusTest
@ScoringComponentTest
class ScoringApiTest {
    /** The prefix of the problem types (README: type → refused because). */
    static final String TYPE = "urn:nmsdz:problem:";
    static final String REGION = "500198";
    static final String NEIGHBOUR = "500199";
    static final int YEAR = 2025;
    static final String READER = TestTokens.user("api-reader", "score-reader", Map.of("region", REGION));
    static final String NEIGHBOUR_READER = TestTokens.user("api-neighbour", "score-reader", Map.of("region", NEIGHBOUR));
    static final String NATIONAL = TestTokens.user("api-national", "score-reader", Map.of("region", "CN"));
    static final String OFFICE = TestTokens.user("api-office", "creation-office", Map.of("region", REGION));

    @Inject
    ProjectionConsumer consumer;

    @Inject
    SnapshotService snapshots;

    @Inject
    EntityManager em;

    @BeforeEach
    void regionScored() {
        OfficialCatalogue.inForce(consumer);
        if (count("select count(*) from snapshot where region = '" + REGION + "'") > 0) {
            return;
        }
        consumer.onCatalogue(TestEvents.region(REGION, "接口测试区", "500000", Zone.WEST));
        consumer.onCatalogue(TestEvents.region(NEIGHBOUR, "邻区", "500000", Zone.WEST));
        consumer.onEvidence(List.of(TestEvents.figure(REGION, "online_retail_sales_growth", YEAR, "9.1")));
        while (QuarkusTransaction.requiringNew().call(snapshots::storeOnePending)) {
            // every marked region-year
        }
    }

    @Test
    void theScoresOfARegionAreReadWithinItsScopeOnly() {
        String base = "/api/v1/regions/" + REGION + "/scores";
        long number = ((Number) given().auth().oauth2(READER).get(base + "/latest?year=" + YEAR).then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.notNullValue()).extract().path("number")).longValue();
        given().auth().oauth2(READER).get(base + "?year=" + YEAR).then().statusCode(200)
                .body("number", hasItem((int) number));
        given().auth().oauth2(READER).get(base + "/" + number).then().statusCode(200).body("region", equalTo(REGION));
        given().auth().oauth2(READER).post(base + "/" + number + "/recompute").then().statusCode(200);
        given().auth().oauth2(READER).get("/api/v1/regions/" + REGION + "/gaps?year=" + YEAR).then().statusCode(200);
        given().auth().oauth2(NEIGHBOUR_READER).get(base + "/latest?year=" + YEAR).then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("detail", org.hamcrest.Matchers.containsString("region-scope"))
                .body("type", equalTo("urn:nmsdz:problem:rule:region-scope"));
        given().auth().oauth2(READER).get(base + "/latest").then().statusCode(400).body("errors.field", hasItem("year"));
        given().auth().oauth2(READER).get("/api/v1/regions/509999/scores/latest?year=" + YEAR).then().statusCode(404)
                .body("type", equalTo(TYPE + "not-found"));
        given().auth().oauth2(OFFICE).get(base + "/latest?year=" + YEAR).then().statusCode(403);
        given().get(base + "/latest?year=" + YEAR).then().statusCode(401).body("type", equalTo(TYPE + "unauthorized"));
    }

    @Test
    void theProvincialFeedListsTheSnapshotsUnderTheCallersRegion() {
        given().auth().oauth2(READER).get("/api/v1/snapshots?under=" + REGION).then().statusCode(200)
                .body("snapshots.region", hasItem(REGION));
        given().auth().oauth2(NEIGHBOUR_READER).get("/api/v1/snapshots?under=" + REGION).then().statusCode(403);
        given().auth().oauth2(READER).get("/api/v1/snapshots?under=CN").then().statusCode(403);
    }

    @Test
    void aSimulationScoresAHypothesisWithinTheCallersScopeAndStoresNothing() {
        long stored = count("select count(*) from snapshot");
        Map<String, Object> body = Map.of("year", YEAR, "observations",
                List.of(Map.of("metric", "online_retail_sales_growth", "year", YEAR, "value", 12.5)));
        given().auth().oauth2(READER).contentType("application/json").body(body)
                .post("/api/v1/regions/" + REGION + "/scores/simulate").then().statusCode(200)
                .body("region", equalTo(REGION));
        given().auth().oauth2(NEIGHBOUR_READER).contentType("application/json").body(body)
                .post("/api/v1/regions/" + REGION + "/scores/simulate").then().statusCode(403);
        given().auth().oauth2(READER).contentType("application/json")
                .body(Map.of("year", YEAR, "observations", List.of(Map.of("metric", "no_such_metric", "year", YEAR,
                        "value", 1))))
                .post("/api/v1/regions/" + REGION + "/scores/simulate").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("type", equalTo(TYPE + "invalid-request"));
        assertEquals(stored, count("select count(*) from snapshot"), "a simulation is never stored");
    }

    /**
     * The region-access rule is the one evidence-service applies (support-http's RegionHierarchy): an expert reads
     * the regions assigned to it (it was "403 a token of region null" here while evidence-service answered 200), and
     * a national token every region.
     */
    @Test
    void anAssignedExpertAndANationalTokenReadAsInEvidenceService() {
        Map<String, Object> body = Map.of("year", YEAR, "observations", List.of());
        given().auth().oauth2(TestTokens.user("api-expert", "expert", Map.of("assigned_regions", List.of(REGION))))
                .contentType("application/json").body(body)
                .post("/api/v1/regions/" + REGION + "/scores/simulate").then().statusCode(200);
        given().auth().oauth2(TestTokens.user("api-expert2", "expert", Map.of("assigned_regions", List.of(NEIGHBOUR))))
                .contentType("application/json").header("Accept-Language", "en").body(body)
                .post("/api/v1/regions/" + REGION + "/scores/simulate").then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("expert assigned to " + NEIGHBOUR));
        given().auth().oauth2(NATIONAL).get("/api/v1/regions/" + REGION + "/scores/latest?year=" + YEAR)
                .then().statusCode(200);
    }

    @Test
    void anApplicationIsFiledByTheRegionsOfficeOnceAndAnnounced() {
        long events = count("select count(*) from outbox_event where message_key = '" + REGION + "'");
        given().auth().oauth2(READER).contentType("application/json").body(Map.of("year", YEAR))
                .post("/api/v1/regions/" + REGION + "/applications").then().statusCode(403);
        given().auth().oauth2(TestTokens.user("api-other-office", "creation-office", Map.of("region", NEIGHBOUR)))
                .contentType("application/json").body(Map.of("year", YEAR))
                .post("/api/v1/regions/" + REGION + "/applications").then().statusCode(403);
        assertEquals(events, count("select count(*) from outbox_event where message_key = '" + REGION + "'"));
        // the flow's rule: applying for review anyway says why (the same type in both languages)
        for (String lang : List.of("zh", "en")) {
            given().auth().oauth2(OFFICE).contentType("application/json").body(Map.of("year", YEAR, "forReviewAnyway", true))
                    .post("/api/v1/regions/" + REGION + "/applications?lang=" + lang).then().statusCode(400)
                    .body("type", equalTo(TYPE + "rule:application-flow")).body("errors.field", hasItem("/reason"));
        }
        given().auth().oauth2(OFFICE).contentType("application/json")
                .body(Map.of("year", YEAR, "forReviewAnyway", true, "reason", "组件测试"))
                .post("/api/v1/regions/" + REGION + "/applications").then().statusCode(201);
        assertEquals(1, count("select count(*) from application where region = '" + REGION + "'"));
        assertEquals(events + 1, count("select count(*) from outbox_event where message_key = '" + REGION + "'"),
                "the application and its event commit together");
        given().auth().oauth2(READER).get("/api/v1/regions/" + REGION + "/applications").then().statusCode(200)
                .body("size()", equalTo(1));
        given().auth().oauth2(OFFICE).contentType("application/json").body(Map.of("year", YEAR, "forReviewAnyway", true,
                "reason", "再次")).post("/api/v1/regions/" + REGION + "/applications")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 409));
        assertEquals(1, count("select count(*) from application where region = '" + REGION + "'"));
    }

    /**
     * Each authority finds the applications that wait for its own decision (a county of 测试市, 测试省): the city's list
     * holds the new one until it recommends, then the province's; a step taken by the wrong level is refused, in Chinese
     * by default, naming the level that decides it.
     */
    @Test
    void eachAuthorityListsTheApplicationsAwaitingItsDecision() {
        String county = "630121";
        consumer.onCatalogue(TestEvents.region("630000", "测试省", "PROVINCE", null, Zone.WEST));
        consumer.onCatalogue(TestEvents.region("630100", "测试市", "CITY", "630000", Zone.WEST));
        consumer.onCatalogue(TestEvents.region(county, "测试县", "COUNTY", "630100", Zone.WEST));
        consumer.onEvidence(List.of(TestEvents.figure(county, "online_retail_sales_growth", YEAR, "9.1")));
        while (QuarkusTransaction.requiringNew().call(snapshots::storeOnePending)) {
            // the county's year
        }
        String city = TestTokens.user("api-city", "assessment-authority", Map.of("region", "630100"));
        String province = TestTokens.user("api-province", "assessment-authority", Map.of("region", "630000"));
        String awaitingCity = "/api/v1/regions/630100/applications/awaiting?year=" + YEAR;
        String awaitingProvince = "/api/v1/regions/630000/applications/awaiting?year=" + YEAR;
        given().auth().oauth2(city).get(awaitingCity).then().statusCode(200).body("size()", equalTo(0));
        String countyOffice = TestTokens.user("api-county-office", "creation-office", Map.of("region", county));
        String id = given().auth().oauth2(countyOffice)
                .contentType("application/json").body(Map.of("year", YEAR, "forReviewAnyway", true, "reason", "组件测试"))
                .post("/api/v1/regions/" + county + "/applications").then().statusCode(201).extract().path("id");
        given().auth().oauth2(city).get(awaitingCity).then().statusCode(200).body("size()", equalTo(1))
                .body("[0].id", equalTo(id)).body("[0].next.decidingRegion", org.hamcrest.Matchers.everyItem(equalTo("630100")));
        given().auth().oauth2(province).get(awaitingProvince).then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(READER).get(awaitingCity).then().statusCode(403);
        // the city is told in its inbox; the province is not yet
        given().auth().oauth2(city).get("/api/v1/notifications").then().statusCode(200)
                .body("findAll { it.type == 'cn.nmsdz.campaign.application-awaiting.v1' }.message",
                        hasItem(startsWith("测试县2025年度申报（已申报）等待市级决定 / ")));
        given().auth().oauth2(province).get("/api/v1/notifications").then().statusCode(200)
                .body("findAll { it.type == 'cn.nmsdz.campaign.application-awaiting.v1' }", org.hamcrest.Matchers.empty());
        // the province may not take the city's step: the refusal names who decides it, in either language
        String transitions = "/api/v1/regions/" + county + "/applications/" + id + "/transitions";
        given().auth().oauth2(province).contentType("application/json")
                .body(Map.of("to", "RECOMMENDED_BY_CITY", "reason", "越级")).post(transitions).then().statusCode(409)
                .body("type", equalTo(TYPE + "rule:application-flow"))
                .body("detail", org.hamcrest.Matchers.containsString("“市级已推荐”由市级决定"))
                .body("detail", org.hamcrest.Matchers.containsString("地区 630100"));
        given().auth().oauth2(province).contentType("application/json").header("Accept-Language", "en")
                .body(Map.of("to", "RECOMMENDED_BY_CITY", "reason", "越级")).post(transitions).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("decided at CITY level"));
        given().auth().oauth2(city).contentType("application/json")
                .body(Map.of("to", "RECOMMENDED_BY_CITY", "reason", "材料齐全，同意推荐")).post(transitions).then().statusCode(200)
                .body("state", equalTo("RECOMMENDED_BY_CITY"));
        given().auth().oauth2(city).get(awaitingCity).then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(province).get(awaitingProvince).then().statusCode(200).body("size()", equalTo(1))
                .body("[0].stateName", equalTo("市级已推荐"));
        // the office learns the decision and why; the province that it is its turn
        given().auth().oauth2(countyOffice).get("/api/v1/notifications").then().statusCode(200)
                .body("findAll { it.type == 'cn.nmsdz.campaign.application-decided.v1' }.message",
                        hasItem(startsWith("测试县2025年度申报：市级（630100）决定“市级已推荐”，理由：材料齐全，同意推荐 / ")));
        given().auth().oauth2(province).get("/api/v1/notifications").then().statusCode(200)
                .body("findAll { it.type == 'cn.nmsdz.campaign.application-awaiting.v1' }.message",
                        hasItem(startsWith("测试县2025年度申报（市级已推荐）等待省级决定 / ")));
    }

    @Test
    void webhooksAreTheOfficesOwnAndNotificationsAreMarkedReadPerUser() {
        given().auth().oauth2(OFFICE).contentType("application/json")
                .body(Map.of("url", "https://oa.example.invalid/hooks", "region", NEIGHBOUR, "secret",
                        "s3cr3t-s3cr3t-s3cr3t"))
                .post("/api/v1/webhooks").then().statusCode(403);
        given().auth().oauth2(OFFICE).contentType("application/json")
                .body(Map.of("region", REGION, "secret", "short"))
                .post("/api/v1/webhooks").then().statusCode(org.hamcrest.Matchers.oneOf(400, 422))
                .body("errors.field", hasItem("/url"));
        given().auth().oauth2(READER).get("/api/v1/webhooks").then().statusCode(403);
        given().auth().oauth2(OFFICE).get("/api/v1/notifications?unread=true").then().statusCode(200);
        given().auth().oauth2(OFFICE).post("/api/v1/notifications/abc/read").then().statusCode(404)
                .body("type", equalTo(TYPE + "not-found"));
    }

    /** Every region under the code is a row, with or without a snapshot (their applications and latest evidence read). */
    @Test
    void theScoreboardListsTheRegionsUnderTheCodeForItsReadersOnly() {
        consumer.onCatalogue(TestEvents.region("510000", "排行测试上级", null, Zone.WEST));
        consumer.onCatalogue(TestEvents.region("510101", "排行测试区", "510000", Zone.WEST));
        String above = TestTokens.user("api-board", "assessment-authority", Map.of("region", "510000"));
        given().auth().oauth2(above).get("/api/v1/regions/510000/scoreboard?year=" + YEAR).then().statusCode(200)
                .body("rows.region", hasItem("510101"))
                .body("rows.find { it.region == '510101' }.snapshotNumber", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(above).get("/api/v1/regions/510000/scoreboard.xlsx?year=" + YEAR).then().statusCode(200);
        given().auth().oauth2(READER).get("/api/v1/regions/510000/scoreboard?year=" + YEAR).then().statusCode(403);
        given().auth().oauth2(above).get("/api/v1/regions/510000/scoreboard?year=" + YEAR + "&level=street")
                .then().statusCode(400).body("errors.field", hasItem("level")).body("type", equalTo(TYPE + "invalid-field"));
    }

    @Test
    void theProgressBoardAndRemindersAreTheRegionsOwn() {
        String base = "/api/v1/regions/" + REGION;
        given().auth().oauth2(OFFICE).get(base + "/progress?year=" + YEAR).then().statusCode(200);
        given().auth().oauth2(OFFICE).get(base + "/progress").then().statusCode(400).body("errors.field", hasItem("year"));
        given().auth().oauth2(OFFICE).get(base + "/progress.xlsx?year=" + YEAR).then().statusCode(200)
                .contentType(startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                // named 督查通报 for the browser, progress-… for a client that reads only the ASCII name
                .header("Content-Disposition", equalTo("attachment; filename=\"progress-" + REGION + "-" + YEAR
                        + ".xlsx\"; filename*=UTF-8''%E7%9D%A3%E6%9F%A5%E9%80%9A%E6%8A%A5-" + REGION + "-" + YEAR + ".xlsx"))
                .header("Cache-Control", "no-store");
        String otherOffice = TestTokens.user("api-other-office2", "creation-office", Map.of("region", NEIGHBOUR));
        given().auth().oauth2(otherOffice).get(base + "/progress?year=" + YEAR).then().statusCode(403);
        given().auth().oauth2(OFFICE).post(base + "/reminders?year=" + YEAR).then().statusCode(200)
                .body("region", equalTo(REGION));
        given().auth().oauth2(otherOffice).post(base + "/reminders?year=" + YEAR).then().statusCode(403)
                .body("type", equalTo("urn:nmsdz:problem:rule:own-region"));
    }

    @Test
    void anEvidenceEventDeliveredTwiceIsAppliedOnce() {
        String event = TestEvents.figure(NEIGHBOUR, "online_retail_sales_growth", YEAR, "3.3");
        consumer.onEvidence(List.of(event));
        long facts = count("select count(*) from evidence_fact where region = '" + NEIGHBOUR + "'");
        consumer.onEvidence(List.of(event, event));
        assertEquals(facts, count("select count(*) from evidence_fact where region = '" + NEIGHBOUR + "'"));
        assertEquals(1, count("select count(*) from consumed_event where event_id = '"
                + cn.nmsdz.events.envelope.EventEnvelope.fromJson(event).id() + "'"));
    }

    @Test
    void aCatalogueEventDeliveredTwiceIsAppliedOnce() {
        String event = TestEvents.region("500197", "重复投递区", "500000", Zone.WEST);
        consumer.onCatalogue(event);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update scoring_region set name = 'changed since' where code = '500197'").executeUpdate());
        consumer.onCatalogue(event);
        assertEquals("changed since", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select name from scoring_region where code = '500197'").getSingleResult()));
        assertEquals(1, count("select count(*) from consumed_event where event_id = '"
                + cn.nmsdz.events.envelope.EventEnvelope.fromJson(event).id() + "'"));
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                .longValue());
    }
}
