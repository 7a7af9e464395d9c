package cn.nmsdz.scoring.component;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.scoring.messaging.ProjectionConsumer;
import cn.nmsdz.scoring.snapshot.SnapshotService;
import cn.nmsdz.testsupport.TestEvents;
import cn.nmsdz.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provincial pull feed (issue 12): the region paths V15 keeps from the region projection, the range of them a feed
 * page reads, and the page as served in each form (stored English, rendered Chinese, summary) against the same
 * snapshots read through the history endpoint.
 */
@QuarkusTest
@ScoringComponentTest
class SnapshotFeedTest {
    static final String PROVINCE = "659000";
    static final String CITY = "659010";
    static final String COUNTY = "659011";
    /** Its code is a prefix of CITY's: its range must not take CITY in. */
    static final String PREFIX = "65901";
    static final String ELSEWHERE = "659100";
    static final int YEAR = 2025;
    static final String NATIONAL = TestTokens.user("feed-national", "score-reader", Map.of("region", "CN"));

    @Inject
    ProjectionConsumer consumer;

    @Inject
    SnapshotService snapshots;

    @Inject
    EntityManager em;

    @BeforeEach
    void regionsScored() {
        OfficialCatalogue.inForce(consumer);
        if (count("select count(*) from scoring_region where code = '" + PROVINCE + "'") > 0) {
            return;
        }
        consumer.onCatalogue(TestEvents.region(PROVINCE, "测试省", null, Zone.WEST));
        consumer.onCatalogue(TestEvents.region(ELSEWHERE, "别省", null, Zone.WEST));
        // the county arrives before its city: its path starts at the city it names until the city is known
        consumer.onCatalogue(TestEvents.region(COUNTY, "测试县", CITY, Zone.WEST));
        assertEquals("/" + CITY + "/" + COUNTY + "/", path(COUNTY));
        consumer.onCatalogue(TestEvents.region(CITY, "测试市", PROVINCE, Zone.WEST));
        consumer.onCatalogue(TestEvents.region(PREFIX, "前缀区", PROVINCE, Zone.WEST));
        for (String region : List.of(COUNTY, CITY, PREFIX, ELSEWHERE)) {
            consumer.onEvidence(List.of(TestEvents.figure(region, "online_retail_sales_growth", YEAR, "9.1")));
        }
        while (QuarkusTransaction.requiringNew().call(snapshots::storeOnePending)) {
            // every marked region-year
        }
    }

    @Test
    void aRegionsPathFollowsItsAncestorsAndItsSnapshotsFollowWhenItMoves() {
        assertEquals("/" + PROVINCE + "/" + CITY + "/" + COUNTY + "/", path(COUNTY), "the city's arrival completes it");
        assertEquals(Set.of("/" + PROVINCE + "/" + CITY + "/" + COUNTY + "/"), snapshotPaths(COUNTY));
        assertEquals(Set.of(CITY, COUNTY), regionsOf(feed(CITY, "")));
        assertEquals(Set.of(PREFIX), regionsOf(feed(PREFIX, "")), "65901 is not above 659010");
        assertEquals(Set.of(CITY, COUNTY, PREFIX), regionsOf(feed(PROVINCE, "")));
        assertEquals(Set.of(ELSEWHERE), regionsOf(feed(ELSEWHERE, "")));

        try {
            consumer.onCatalogue(TestEvents.region(CITY, "测试市", ELSEWHERE, Zone.WEST));
            assertEquals(Set.of("/" + ELSEWHERE + "/" + CITY + "/" + COUNTY + "/"), snapshotPaths(COUNTY),
                    "the snapshots of a moved region move with it");
            assertEquals(Set.of(CITY, COUNTY, ELSEWHERE), regionsOf(feed(ELSEWHERE, "")));
            assertEquals(Set.of(PREFIX), regionsOf(feed(PROVINCE, "")));
        } finally {
            consumer.onCatalogue(TestEvents.region(CITY, "测试市", PROVINCE, Zone.WEST));
        }
        assertEquals(Set.of(CITY, COUNTY, PREFIX), regionsOf(feed(PROVINCE, "")));
    }

    @Test
    void aPageFollowsTheCursorInIdOrder() {
        List<Long> all = feed(PROVINCE, "").getList("snapshots.id", Long.class);
        assertTrue(all.size() >= 3, "three regions scored: " + all);
        JsonPath first = feed(PROVINCE, "&limit=2");
        assertEquals(all.subList(0, 2), first.getList("snapshots.id", Long.class));
        assertEquals(all.get(1), first.getLong("next"));
        JsonPath rest = feed(PROVINCE, "&limit=1000&after=" + all.get(1));
        assertEquals(all.subList(2, all.size()), rest.getList("snapshots.id", Long.class));
        JsonPath empty = feed(PROVINCE, "&after=" + all.get(all.size() - 1));
        assertTrue(empty.getList("snapshots").isEmpty());
        assertEquals(all.get(all.size() - 1), empty.getLong("next"), "an empty page keeps the cursor");
    }

    @Test
    void eachFormServesWhatTheHistoryServesForTheSameSnapshot() {
        assertEquals(0, count("select count(*) from snapshot where region = '" + COUNTY + "'"
                + " and (summary_deflated is null or body_deflated is null)"), "a snapshot is stored with its summary,"
                + " both compressed");
        eachFormServesWhatTheHistoryServes();
        // as if stored before the service compressed them (V21): body and summary as text
        QuarkusTransaction.requiringNew().run(() -> cn.nmsdz.scoring.snapshot.SnapshotEntity
                .<cn.nmsdz.scoring.snapshot.SnapshotEntity>list("region", COUNTY).forEach(s -> {
                    s.body = s.bodyJson();
                    s.summary = s.summaryJson();
                    s.bodyDeflated = null;
                    s.summaryDeflated = null;
                }));
        assertEquals(0, count("select count(*) from snapshot where region = '" + COUNTY + "'"
                + " and (summary is null or body_deflated is not null)"));
        eachFormServesWhatTheHistoryServes();
        // as if stored before summaries were (V20): the feed cuts their bodies instead
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update snapshot set summary = null where region = '" + COUNTY + "'").executeUpdate());
        eachFormServesWhatTheHistoryServes();
    }

    private void eachFormServesWhatTheHistoryServes() {
        for (String form : List.of("&lang=en", "&lang=zh", "", "&view=summary&lang=en", "&view=summary")) {
            Map<?, ?> fromHistory = given().auth().oauth2(NATIONAL)
                    .get("/api/v1/regions/" + COUNTY + "/scores?year=" + YEAR + form).then().statusCode(200)
                    .extract().jsonPath().getList("", Map.class).get(0);
            Map<?, ?> fromFeed = feed(COUNTY, form).getList("snapshots", Map.class).stream()
                    .filter(s -> s.get("id").equals(fromHistory.get("id"))).findFirst().orElseThrow();
            assertEquals(fromHistory, fromFeed, "form " + form);
            assertEquals(form.contains("summary"), !((Map<?, ?>) fromFeed.get("confirmed")).containsKey("indicators"),
                    "form " + form);
        }
        String zh = feed(COUNTY, "").getString("snapshots[0].confirmed.verdict.reasons[0]");
        String en = feed(COUNTY, "&lang=en").getString("snapshots[0].confirmed.verdict.reasons[0]");
        assertFalse(zh.equals(en), "Chinese by default: " + zh + " / " + en);
    }

    /** The history is streamed as the feed is (a page is never held whole): its cursor still bounds each page. */
    @Test
    void theHistoryPagesNewestFirstAndItsCursorLeadsToTheNextPage() {
        // more than one chunk of snapshots (SnapshotFeed.FETCH) and of summaries (FETCH_SUMMARIES), each read and
        // rendered in a transaction of its own
        for (int i = 0; i <= cn.nmsdz.scoring.rest.SnapshotFeed.FETCH_SUMMARIES; i++) {
            consumer.onEvidence(List.of(TestEvents.figure(COUNTY, "online_retail_sales_growth", YEAR, "9." + i)));
            while (QuarkusTransaction.requiringNew().call(snapshots::storeOnePending)) {
                // one more snapshot of the county's year
            }
        }
        String url = "/api/v1/regions/" + COUNTY + "/scores?year=" + YEAR;
        List<Long> all = given().auth().oauth2(NATIONAL).get(url + "&limit=1000&lang=en").then().statusCode(200)
                .header("X-Next-After", org.hamcrest.Matchers.nullValue()).extract().jsonPath().getList("number", Long.class);
        assertTrue(all.size() > cn.nmsdz.scoring.rest.SnapshotFeed.FETCH_SUMMARIES + 1, "snapshots of the year: " + all);
        assertEquals(all.stream().sorted(java.util.Comparator.reverseOrder()).toList(), all, "newest first");
        assertEquals(all, given().auth().oauth2(NATIONAL).get(url + "&limit=1000&view=summary").then().statusCode(200)
                .extract().jsonPath().getList("number", Long.class), "the summaries of the same snapshots");

        io.restassured.response.Response first = given().auth().oauth2(NATIONAL).get(url + "&limit=2");
        first.then().statusCode(200).header("Vary", org.hamcrest.Matchers.containsString("Accept-Language"));
        assertEquals(all.subList(0, 2), first.jsonPath().getList("number", Long.class));
        assertEquals(String.valueOf(all.get(1)), first.header("X-Next-After"));
        assertTrue(first.header("Link").contains("after=" + all.get(1) + ">; rel=\"next\""), first.header("Link"));
        io.restassured.response.Response second = given().auth().oauth2(NATIONAL)
                .get(url + "&limit=2&view=summary&after=" + all.get(1));
        assertEquals(all.subList(2, 4), second.jsonPath().getList("number", Long.class));
        assertTrue(second.header("Link").contains("&view=summary>"), second.header("Link"));
        assertFalse(second.asString().contains("\"indicators\""), "a summary page has no indicator scores");

        for (String form : List.of("&lang=en", "&view=summary")) {
            List<Long> fed = new java.util.ArrayList<>(feed(COUNTY, "&limit=1000" + form)
                    .getList("snapshots.findAll { it.year == " + YEAR + " }.number", Long.class));
            java.util.Collections.reverse(fed);
            assertEquals(all, fed, "the feed (" + form + ") serves the same snapshots, oldest first, across its chunks");
        }

        io.restassured.response.Response past = given().auth().oauth2(NATIONAL).get(url + "&after=" + all.get(all.size() - 1));
        past.then().statusCode(200).header("X-Next-After", org.hamcrest.Matchers.nullValue());
        assertEquals("[]", past.asString(), "no snapshot below the oldest");
    }

    @Test
    void aFormOtherThanFullOrSummaryIsRefused() {
        given().auth().oauth2(NATIONAL).get("/api/v1/snapshots?under=" + PROVINCE + "&view=brief").then().statusCode(400)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
    }

    private static JsonPath feed(String under, String query) {
        return given().auth().oauth2(NATIONAL).get("/api/v1/snapshots?under=" + under + query).then().statusCode(200)
                .extract().jsonPath();
    }

    private static Set<String> regionsOf(JsonPath page) {
        return Set.copyOf(page.getList("snapshots.region", String.class));
    }

    private String path(String region) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select path from scoring_region where code = ?1").setParameter(1, region).getSingleResult());
    }

    @SuppressWarnings("unchecked")
    private Set<String> snapshotPaths(String region) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object>) em.createNativeQuery(
                "select region_path from snapshot where region = ?1").setParameter(1, region).getResultList()).stream()
                .map(Object::toString).collect(Collectors.toSet()));
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                .longValue());
    }
}
