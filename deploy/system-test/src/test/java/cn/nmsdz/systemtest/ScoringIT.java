package cn.nmsdz.systemtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scoring service on the real suite: the provincial pull feed, ETag revalidation, recompute,
 * what-if simulation and the gap view, with evidence of 平陆县 (140829) submitted to the evidence
 * service and read back from the scoring service. In CI both go through the gateway; locally the
 * reads go to {@code nmsdz.test.gateway} and the writes to {@code nmsdz.test.evidence}.
 */
@ExtendWith(Suite.class)
class ScoringIT {
    static final String PINGLU = "140829";
    static final String SHANXI = "140000";
    /** The current year: an observation of it is read by that assessment year only (one snapshot each). */
    static final int YEAR = Year.now(ZoneOffset.UTC).getValue();
    static final String READS = Suite.GATEWAY;
    static final String WRITES = System.getProperty("nmsdz.test.evidence", Suite.GATEWAY);

    @Test
    void theFeedReturnsEachSnapshotExactlyOnceAcrossPagesWhileNewSnapshotsArrive() {
        String platform = Tokens.client("provincial-platform-sx", "provincial-platform-sx-secret");
        Feed feed = new Feed(platform);
        feed.drain(); // start at the current end of the feed
        long start = feed.cursor;
        feed.seen.clear();

        long lastPosition = 0;
        String reviewer = Tokens.user("pl-reviewer");
        for (int i = 0; i < 5; i++) {
            long position = submit("online_operators", 1000 + i);
            lastPosition = position;
            // read small pages while this submission's snapshot is being made (one snapshot per submission:
            // the next is sent only once it exists, since changes arriving together share one snapshot)
            await(() -> {
                feed.page(2);
                Response r = given().auth().oauth2(reviewer).get(latestUrl());
                return r.statusCode() == 200 && r.jsonPath().getLong("evidencePosition") >= position ? r : null;
            });
        }
        // follow the feed until the snapshot of the last submission has been served
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (feed.maxPosition(PINGLU) < lastPosition) {
            assertTrue(Instant.now().isBefore(deadline), "the snapshot of position " + lastPosition + " never reached the feed");
            feed.drain();
            pause();
        }

        // every snapshot of 平陆县 for the year created after the start is in the feed, exactly once
        List<Long> created = history(Tokens.user("pl-reviewer")).getList("findAll { it.id > " + start + " }.id", Long.class);
        assertTrue(created.size() >= 5, "five submissions give at least five snapshots: " + created);
        for (long id : created) {
            assertTrue(feed.seen.contains(id), "snapshot " + id + " was skipped by the feed");
        }
        assertEquals(feed.seen.size(), new HashSet<>(feed.seen).size(), "a snapshot was served twice: " + feed.seen);

        // a reader of another province is refused
        given().auth().oauth2(Tokens.client("provincial-platform-cq", "provincial-platform-cq-secret"))
                .get(READS + "/api/v1/snapshots?under=" + SHANXI + "&after=0&limit=10")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
    }

    /**
     * The feed's summary form (issue 12): the same snapshots in the same order as the full form, with totals and
     * verdicts but without the 41 indicator scores and their explanations; in English the full form is the stored
     * snapshot itself, the same as the Chinese one but for the words.
     */
    @Test
    void theFeedServesTheSameSnapshotsInSummaryWithoutExplanations() {
        String platform = Tokens.client("provincial-platform-sx", "provincial-platform-sx-secret");
        long position = submit("online_operators", 4242);
        // settled first: the figure marks three years, and a snapshot stored between two reads would make the pages differ
        awaitLatest(Tokens.user("pl-reviewer"), position);
        await(() -> given().auth().oauth2(Tokens.user("admin")).get(READS + "/api/v1/rescoring")
                .then().statusCode(200).extract().jsonPath().getLong("pendingSnapshots") == 0 ? true : null);
        String page = READS + "/api/v1/snapshots?under=" + SHANXI + "&after=0&limit=20";
        JsonPath full = await(() -> {
            JsonPath p = given().auth().oauth2(platform).get(page).then().statusCode(200).extract().jsonPath();
            return p.getList("snapshots").isEmpty() ? null : p;
        });
        JsonPath summary = given().auth().oauth2(platform).get(page + "&view=summary").then().statusCode(200)
                .contentType(startsWith("application/json")).extract().jsonPath();
        JsonPath english = given().auth().oauth2(platform).get(page + "&lang=en").then().statusCode(200)
                .extract().jsonPath();
        List<Long> ids = full.getList("snapshots.id", Long.class);
        assertEquals(ids, summary.getList("snapshots.id", Long.class));
        assertEquals(ids, english.getList("snapshots.id", Long.class));
        assertEquals(full.getLong("next"), summary.getLong("next"));
        assertEquals(full.getList("snapshots.confirmed.total"), summary.getList("snapshots.confirmed.total"));
        assertEquals(full.getList("snapshots.confirmed.verdict.passed"), summary.getList("snapshots.confirmed.verdict.passed"));
        assertEquals(full.getList("snapshots.confirmed.firstLevel.code"), summary.getList("snapshots.confirmed.firstLevel.code"));
        assertTrue(full.getList("snapshots[0].confirmed.indicators").size() > 0, "the full form has the indicators");
        assertNull(summary.get("snapshots[0].confirmed.indicators"), "the summary has no indicators");
        assertEquals(full.getList("snapshots.confirmed.total"), english.getList("snapshots.confirmed.total"));
        assertEquals(full.getList("snapshots[0].confirmed.indicators.code"), english.getList("snapshots[0].confirmed.indicators.code"));
        given().auth().oauth2(platform).get(page + "&view=everything").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aBurstOfEvidenceIsAnsweredByFewerSnapshotsThatReadAllOfIt() {
        // 40 figures of one metric and year in one batch: 40 changes of 平陆县 for the years 2010 to 2012
        String bureau = Tokens.client("stats-bureau", "stats-bureau-secret");
        String reviewer = Tokens.user("pl-reviewer");
        int year = 2010;
        int before = given().auth().oauth2(reviewer).get(READS + "/api/v1/regions/" + PINGLU + "/scores?year=" + year)
                .then().statusCode(200).extract().jsonPath().getList("$").size();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(Map.of("metric", "online_operators", "year", year, "value", 100 + i, "source", "ScoringIT burst " + i));
        }
        List<Long> positions = given().auth().oauth2(bureau).contentType(ContentType.JSON).body(rows)
                .post(WRITES + "/api/v1/regions/" + PINGLU + "/observations")
                .then().statusCode(201).extract().jsonPath().getList("position", Long.class);
        long last = positions.stream().mapToLong(Long::longValue).max().orElseThrow();

        Response latest = await(() -> {
            Response r = given().auth().oauth2(reviewer)
                    .get(READS + "/api/v1/regions/" + PINGLU + "/scores/latest?year=" + year);
            return r.statusCode() == 200 && r.jsonPath().getLong("evidencePosition") >= last ? r : null;
        });
        int made = given().auth().oauth2(reviewer).get(READS + "/api/v1/regions/" + PINGLU + "/scores?year=" + year)
                .then().statusCode(200).extract().jsonPath().getList("$").size() - before;
        assertTrue(made >= 1 && made < rows.size(), "40 changes in one burst gave " + made + " snapshots of " + year);
        assertTrue(latest.jsonPath().getLong("evidencePosition") >= last, "the last snapshot reads every figure");
        // nothing is left waiting once the burst is answered
        await(() -> given().auth().oauth2(Tokens.user("admin")).get(READS + "/api/v1/rescoring")
                .then().statusCode(200).extract().jsonPath().getLong("pendingSnapshots") == 0 ? true : null);
    }

    @Test
    void theHistoryPagesNewestFirstAndHasASummaryWithoutTheExplanations() {
        // was: every snapshot of the year in full (52 KB each), however many there were
        String reader = Tokens.user("pl-reviewer");
        awaitLatest(reader, submit("online_operators", 2300));
        awaitLatest(reader, submit("online_operators", 2400));
        String url = READS + "/api/v1/regions/" + PINGLU + "/scores?year=" + YEAR;
        Response first = given().auth().oauth2(reader).get(url + "&limit=1");
        first.then().statusCode(200);
        assertEquals(1, first.jsonPath().getList("$").size(), "limit=1 gives one snapshot");
        long newest = first.jsonPath().getLong("[0].number");
        assertEquals(String.valueOf(newest), first.header("X-Next-After"), "the cursor of the next page");
        assertTrue(first.header("Link").contains("after=" + newest) && first.header("Link").contains("rel=\"next\""),
                first.header("Link"));
        Response second = given().auth().oauth2(reader).get(url + "&limit=1&after=" + newest);
        second.then().statusCode(200);
        assertTrue(second.jsonPath().getLong("[0].number") < newest, "the next page is older");

        Response summary = given().auth().oauth2(reader).get(url + "&limit=1&view=summary");
        summary.then().statusCode(200);
        assertEquals(newest, summary.jsonPath().getLong("[0].number"));
        assertNotNull(summary.jsonPath().get("[0].confirmed.total"), "a summary has the totals");
        assertNotNull(summary.jsonPath().get("[0].confirmed.verdict.passed"), "and the verdict");
        assertFalse(summary.asString().contains("\"indicators\"") || summary.asString().contains("explanation"),
                "a summary has neither the indicator scores nor their explanations");
        assertTrue(summary.asString().length() * 10 < first.asString().length(), "a summary is a fraction of a snapshot");
    }

    @Test
    void theLatestSnapshotCarriesAnETagAndAnswers304UntilANewerSnapshotExists() {
        String reader = Tokens.user("pl-reviewer");
        long position = submit("online_operators", 2100);
        Response first = awaitLatest(reader, position);
        String etag = first.header("ETag");
        assertNotNull(etag, "the latest snapshot has an ETag");
        assertEquals("\"" + first.jsonPath().getLong("id") + "\"", etag);

        Response notModified = given().auth().oauth2(reader).header("If-None-Match", etag).get(latestUrl());
        notModified.then().statusCode(304);
        // through the gateway as from the service: no body and no Transfer-Encoding (was: chunked, which strict
        // clients such as Python's http.client cannot read on a 304)
        assertEquals(null, notModified.header("Transfer-Encoding"), "a 304 announces no body");
        assertEquals("", notModified.asString());

        long next = submit("online_operators", 2200);
        Response newer = awaitLatest(reader, next);
        assertNotEquals(etag, newer.header("ETag"));
        given().auth().oauth2(reader).header("If-None-Match", etag).get(latestUrl())
                .then().statusCode(200);
    }

    @Test
    void recomputingAStoredSnapshotReproducesItEvenAfterNewerEvidence() {
        String reader = Tokens.user("pl-reviewer");
        long position = submit("online_operators", 3100);
        JsonPath stored = awaitLatest(reader, position).jsonPath();
        long number = stored.getLong("number");
        long newer = submit("online_operators", 3200); // newer evidence must not leak into the recomputation
        awaitLatest(reader, newer);

        JsonPath r = given().auth().oauth2(reader)
                .post(READS + "/api/v1/regions/" + PINGLU + "/scores/" + number + "/recompute")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(r.getBoolean("identical"), () -> "snapshot " + number + " was not reproduced");
        assertEquals(stored.getLong("evidencePosition"), r.getLong("recomputed.evidencePosition"));
        assertEquals(new BigDecimal(stored.getString("confirmed.total")), new BigDecimal(r.getString("recomputed.confirmed.total")));
        assertEquals(stored.getList("projected.indicators.points"), r.getList("recomputed.projected.indicators.points"));

        given().auth().oauth2(reader).get(READS + "/api/v1/regions/" + PINGLU + "/scores/" + number)
                .then().statusCode(200);
        given().auth().oauth2(reader).post(READS + "/api/v1/regions/" + PINGLU + "/scores/999999999/recompute")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aSimulationAnswersWithTheSnapshotItWouldGiveAndStoresNothing() {
        String reader = Tokens.user("pl-reviewer");
        long position = submit("online_operators", 4100);
        Response latest = awaitLatest(reader, position);
        String etag = latest.header("ETag");
        int before = history(reader).getList("$").size();

        // 2000 / 10000 = 20 % of market entities online: indicator 3's top band (≥ 15 %) gives 2 points
        Response simulated = given().auth().oauth2(reader).contentType(ContentType.JSON)
                .body(Map.of("year", YEAR, "observations", List.of(
                        Map.of("metric", "online_operators", "year", YEAR, "value", 2000),
                        Map.of("metric", "market_entities", "year", YEAR, "value", 10000))))
                .post(READS + "/api/v1/regions/" + PINGLU + "/scores/simulate");
        simulated.then().statusCode(200);
        JsonPath s = simulated.jsonPath();
        assertEquals(0L, s.getLong("id"));
        assertEquals(0L, s.getLong("number"));
        assertEquals(0, new BigDecimal("2").compareTo(new BigDecimal(
                s.getString("confirmed.indicators.find { it.code == '3' }.points"))));
        assertTrue(s.getList("confirmed.indicators.find { it.code == '3' }.inputs.evidenceId", String.class)
                .contains("simulated-observation-0"));

        given().auth().oauth2(reader).contentType(ContentType.JSON)
                .body(Map.of("year", YEAR, "observations", List.of(Map.of("metric", "no_such_metric", "year", YEAR, "value", 1))))
                .post(READS + "/api/v1/regions/" + PINGLU + "/scores/simulate")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("/observations/0/metric"));

        assertEquals(before, history(reader).getList("$").size(), "a simulation must store no snapshot");
        given().auth().oauth2(reader).header("If-None-Match", etag).get(latestUrl())
                .then().statusCode(304);
    }

    @Test
    void theGapViewListsThePointsLostAndTheResponsibleDepartments() {
        String reader = Tokens.user("pl-reviewer");
        long position = submit("online_operators", 5100);
        awaitLatest(reader, position);
        JsonPath gaps = await(() -> {
            Response r = given().auth().oauth2(reader).get(READS + "/api/v1/regions/" + PINGLU + "/gaps?year=" + YEAR);
            r.then().statusCode(200);
            return r.jsonPath().getBoolean("decompositionKnown") ? r.jsonPath() : null;
        });
        List<Map<String, Object>> list = gaps.getList("gaps");
        assertFalse(list.isEmpty());
        BigDecimal previous = null;
        for (Map<String, Object> gap : list) {
            BigDecimal lost = new BigDecimal(gap.get("lost").toString());
            assertTrue(lost.signum() > 0);
            assertTrue(previous == null || previous.compareTo(lost) >= 0, "gaps are sorted by points lost");
            previous = lost;
        }
        // 平陆县's table names responsible units (责任单位) only; 永川区's also lead units (牵头单位)
        List<Map<String, Object>> departments = new ArrayList<>(gaps.getList("gaps.leadUnits.flatten()"));
        departments.addAll(gaps.getList("gaps.responsibleUnits.flatten()"));
        assertFalse(departments.isEmpty(), "the decomposition names the departments");
        assertTrue(gaps.getList("gaps.responsibleUnits.flatten().code", String.class)
                .contains(PINGLU + "-market-supervision"), "the market supervision bureau owns indicators losing points");
        for (Map<String, Object> d : departments) {
            assertTrue(d.get("code").toString().startsWith(PINGLU + "-"), "a department of the region: " + d);
            assertNotNull(d.get("name"));
        }
        // the indicators awaiting experts say so
        assertTrue(gaps.getList("gaps.awaitingExpert.flatten()").size() > 0);
        given().auth().oauth2(reader).get(READS + "/api/v1/regions/" + PINGLU + "/gaps")
                .then().statusCode(400).body("errors.field", hasItem("year"));
        given().auth().oauth2(Tokens.user("cq-reader")).get(READS + "/api/v1/regions/" + PINGLU + "/gaps?year=" + YEAR)
                .then().statusCode(403).body("detail", containsString("region-scope"));
    }

    /** The report files of issue 15 through the gateway: Office Open XML workbooks (a zip), named in UTF-8. */
    @Test
    void theScorecardAndGapWorkbooksAreServedThroughTheGateway() {
        String reader = Tokens.user("pl-reviewer");
        long number = awaitLatest(reader, submit("online_operators", 6200)).jsonPath().getLong("number");
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        for (String path : List.of("/scores/" + number + ".xlsx", "/scores/latest.xlsx?year=" + YEAR, "/gaps.xlsx?year=" + YEAR)) {
            Response file = given().auth().oauth2(reader).get(READS + "/api/v1/regions/" + PINGLU + path);
            file.then().statusCode(200).contentType(xlsx)
                    .header("Content-Disposition", org.hamcrest.Matchers.containsString("filename*=UTF-8''"));
            byte[] bytes = file.asByteArray();
            assertTrue(bytes.length > 1000 && bytes[0] == 'P' && bytes[1] == 'K', path + " is a zip (xlsx)");
        }
    }

    /**
     * The 自评报告 draft through the gateway: a Word document naming 平陆县's plan and leadership group, which reached
     * scoring-service only through indicator-service's campaign event (from the region's seed), and the figure just
     * submitted with its source under its indicator.
     */
    @Test
    void theSelfEvaluationDraftNamesThePlanTheLeadershipGroupAndTheEvidence() throws Exception {
        String reader = Tokens.user("pl-reviewer");
        long number = awaitLatest(reader, submit("online_operators", 6300)).jsonPath().getLong("number");
        Response file = given().auth().oauth2(reader)
                .get(READS + "/api/v1/regions/" + PINGLU + "/self-evaluation.docx?year=" + YEAR);
        file.then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("filename*=UTF-8''"));
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(file.asByteArray()))) {
            List<String> text = doc.getParagraphs().stream().map(p -> p.getText()).toList();
            assertEquals("平陆县创建全国网络市场监管与服务示范区自评报告", text.get(0));
            assertTrue(text.get(2).contains("号评分快照"), text.get(2));
            assertTrue(text.contains("创建方案：《平陆县贯彻落实《运城市创建全国网络市场监管与服务示范区工作方案》实施意见》"
                    + "平政办发〔2023〕21号，平陆县人民政府办公室。"), String.join("\n", text.subList(0, 8)));
            assertTrue(text.contains("创建工作领导小组：运城市“全国网络市场监管与服务示范区”平陆县创建工作领导小组名单。"),
                    String.join("\n", text.subList(0, 8)));
            var group = doc.getTables().get(0);
            assertEquals("组长", group.getRow(1).getCell(0).getText());
            assertEquals("翟纪亭", group.getRow(1).getCell(1).getText());
            assertTrue(text.stream().anyMatch(t -> t.matches("　　（\\d+）" + YEAR + "年.*：6300.*，来源：平陆县市场监管局 \\(ScoringIT\\)，.*")),
                    "the figure with its source: " + text.stream().filter(t -> t.contains("6300")).toList());
            assertTrue(number > 0);
        }
    }

    @Test
    void aDepartmentsClaimCountsInTheProjectedTotalOnly() {
        String reader = Tokens.user("pl-reviewer");
        awaitLatest(reader, submit("online_operators", 6100)); // the year has a snapshot: a claim rescores it
        Response claim = given().auth().oauth2(Tokens.user("pl-market")).contentType(ContentType.JSON)
                .body(Map.of("indicator", "11", "item", "11.3", "year", YEAR, "satisfied", true,
                        "comment", "平陆县网络市场监管平台已上线 (ScoringIT)"))
                .post(WRITES + "/api/v1/regions/" + PINGLU + "/claims");
        claim.then().statusCode(201);
        String claimId = claim.jsonPath().getString("id");
        JsonPath latest = awaitLatest(reader, claim.jsonPath().getLong("position")).jsonPath();
        assertTrue(latest.getList("projected.indicators.find { it.code == '11' }.inputs.evidenceId", String.class)
                .contains(claimId), "the projected total reads the pending claim");
        assertTrue(latest.getString("projected.indicators.find { it.code == '11' }.explanation")
                .contains("self-assessment claim of " + PINGLU + "-market-supervision (" + claimId));
        // the same reason in Chinese (the default for a client that asks for no language; the system tests ask for en)
        JsonPath chinese = given().auth().oauth2(reader).get(latestUrl() + "&lang=zh").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(chinese.getString("projected.indicators.find { it.code == '11' }.explanation")
                .contains("第11.3项：" + PINGLU + "-market-supervision自评符合（" + claimId + "，待审核"), chinese::prettify);
        assertFalse(latest.getList("confirmed.indicators.find { it.code == '11' }.inputs.evidenceId", String.class)
                .contains(claimId), "the confirmed total ignores claims");
    }

    // ------------------------------------------------------------------ helpers

    /** Submits one observation of 平陆县 for {@link #YEAR} as its market supervision bureau; its evidence position. */
    static long submit(String metric, int value) {
        return given().auth().oauth2(Tokens.user("pl-market")).contentType(ContentType.JSON)
                .body(List.of(Map.of("metric", metric, "year", YEAR, "value", value,
                        "source", "平陆县市场监管局 (ScoringIT)")))
                .post(WRITES + "/api/v1/regions/" + PINGLU + "/observations")
                .then().statusCode(201).extract().jsonPath().getLong("[0].position");
    }

    static String latestUrl() {
        return READS + "/api/v1/regions/" + PINGLU + "/scores/latest?year=" + YEAR;
    }

    static Response awaitLatest(String token, long position) {
        return await(() -> {
            Response r = given().auth().oauth2(token).get(latestUrl());
            return r.statusCode() == 200 && r.jsonPath().getLong("evidencePosition") >= position ? r : null;
        });
    }

    static JsonPath history(String token) {
        Response r = given().auth().oauth2(token).get(READS + "/api/v1/regions/" + PINGLU + "/scores?year=" + YEAR);
        r.then().statusCode(200);
        return r.jsonPath();
    }

    /** A provincial reader following the feed page by page. */
    static final class Feed {
        final String token;
        long cursor;
        final List<Long> seen = new ArrayList<>();
        final Map<String, Long> maxPosition = new java.util.HashMap<>();

        Feed(String token) {
            this.token = token;
        }

        /** Reads one page after the cursor; checks order and region scope; returns the page size. */
        int page(int limit) {
            JsonPath p = given().auth().oauth2(token)
                    .get(READS + "/api/v1/snapshots?under=" + SHANXI + "&after=" + cursor + "&limit=" + limit)
                    .then().statusCode(200).extract().jsonPath();
            List<Long> ids = p.getList("snapshots.id", Long.class);
            List<String> regions = p.getList("snapshots.region", String.class);
            List<Long> positions = p.getList("snapshots.evidencePosition", Long.class);
            assertTrue(ids.size() <= limit);
            long last = cursor;
            for (int i = 0; i < ids.size(); i++) {
                assertTrue(ids.get(i) > last, "feed ids must increase after the cursor: " + ids + " after " + cursor);
                last = ids.get(i);
                assertTrue(regions.get(i).startsWith("14"), "a region outside 山西 in the feed: " + regions.get(i));
                seen.add(ids.get(i));
                maxPosition.merge(regions.get(i), positions.get(i), Math::max);
            }
            long next = p.getLong("next");
            assertEquals(ids.isEmpty() ? cursor : last, next, "next is the last id of the page");
            cursor = next;
            return ids.size();
        }

        void drain() {
            while (page(50) > 0) {
                // next page
            }
        }

        long maxPosition(String region) {
            return maxPosition.getOrDefault(region, 0L);
        }
    }

    static <T> T await(Supplier<T> probe) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        AssertionError last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
            } catch (AssertionError e) {
                last = e;
            }
            pause();
        }
        throw new AssertionError("condition not met within 60 s", last);
    }

    static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
