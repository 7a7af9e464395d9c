package cn.nmsdz.systemtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.EventTypes;
import cn.nmsdz.events.Topics;
import cn.nmsdz.events.envelope.EventEnvelope;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14 end to end, through the gateway with real tokens: 平陆县 reaches a passing confirmed score with figures and
 * expert verdicts of 2025; its creation office applies; 运城市 returns it; new evidence, a new application; 运城市 and
 * 山西省 recommend, the nation names it; later evidence lowers the latest snapshot but not the frozen one (diff); a 2025
 * verdict is not read in 2027; 山西省's scoreboard lists 平陆县 with its state and a county without evidence at 0; every
 * transition is an event on score.events keyed by 140829.
 */
@ExtendWith(Suite.class)
class AssessmentIT {
    static final String API = Suite.GATEWAY + "/api/v1";
    static final String PINGLU = "140829";
    static final String YUNCHENG = "140800";
    static final String SHANXI = "140000";
    /** A county of 运城市 that gets no evidence: the scoreboard still lists it, at 0. */
    static final String WANRONG = "140822";
    static final int YEAR = 2025;
    static final int LATER = 2027;
    static final long RUN = System.currentTimeMillis() % 1_000_000;

    @Test
    void theWholePathOfPingluFromEvidenceToNamingAndAfter() throws Exception {
        String office = Tokens.user("pl-office");
        String city = Tokens.user("yuncheng-city");
        String province = Tokens.user("sx-province");
        String nation = Tokens.user("national");
        String reader = Tokens.user("sx-reader");
        String expert = Tokens.user("expert2");
        String bureau = Tokens.client("stats-bureau-sx", "stats-bureau-sx-secret");
        String admin = Tokens.user("admin");
        // a county with no evidence at all, under the same city
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("code", WANRONG, "name", "万荣县", "level", "COUNTY", "parentCode", YUNCHENG, "zone", "CENTRAL"))
                .post(API + "/regions").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));

        // 1. figures and verdicts of 2025 reach a passing confirmed score
        long position = figures(bureau);
        position = Math.max(position, verdicts(expert, admin));
        JsonPath passing = awaitLatest(reader, YEAR, position).jsonPath();
        assertTrue(passing.getBoolean("confirmed.verdict.passed"), () -> passing.getList("confirmed.verdict.reasons").toString());

        // a county decides nothing of its own application, nor may another county's office apply for it
        given().auth().oauth2(Tokens.user("yc-office")).contentType(ContentType.JSON).body(Map.of("year", YEAR))
                .post(API + "/regions/" + PINGLU + "/applications").then().statusCode(403)
                .body("detail", containsString("region-scope"));
        given().auth().oauth2(office).contentType(ContentType.JSON).body(Map.of("year", LATER + 1))
                .post(API + "/regions/" + PINGLU + "/applications").then().statusCode(409)
                .body("detail", containsString("no snapshot for " + (LATER + 1)));

        // 2. the office applies: the latest snapshot is frozen
        JsonPath first = apply(office, Map.of("year", YEAR)).jsonPath();
        String id = first.getString("id");
        assertEquals("SUBMITTED", first.getString("state"));
        long firstFrozen = first.getLong("frozen.number");
        assertEquals(passing.getLong("number"), firstFrozen, "the application froze the latest snapshot");
        String app = API + "/regions/" + PINGLU + "/applications/" + id;

        // out of order: the province before the city, the nation naming, the county itself
        transition(province, app, "RECOMMENDED_BY_PROVINCE", "省级评估").then().statusCode(409)
                .body("detail", containsString("SUBMITTED")).body("detail", containsString("RECOMMENDED_BY_CITY"));
        transition(province, app, "RECOMMENDED_BY_CITY", "代市推荐").then().statusCode(409)
                .body("detail", containsString("CITY level"));
        transition(nation, app, "NAMED", "命名").then().statusCode(409).body("detail", containsString("SUBMITTED"));
        transition(office, app, "RECOMMENDED_BY_CITY", "自荐").then().statusCode(409)
                .body("detail", containsString("CITY level"));
        // an authority of another province: 403, whatever the state
        KeycloakAdmin.createUser("cq-authority-" + RUN, Map.of("region", List.of("500000")), "assessment-authority");
        String chongqing = Tokens.user("cq-authority-" + RUN);
        transition(chongqing, app, "RECOMMENDED_BY_CITY", "越权推荐").then().statusCode(403)
                .body("detail", containsString("region-scope"));
        given().auth().oauth2(chongqing).get(app).then().statusCode(403);
        transition(city, app, "RETURNED", "").then().statusCode(400).body("errors.field", hasItem("/reason"));
        transition(city, app, "RETURNED", "理".repeat(2001)).then().statusCode(400).body("errors.field", hasItem("/reason"));
        given().auth().oauth2(city).get(app).then().statusCode(200).body("state", equalTo("SUBMITTED"))
                .body("history.size()", equalTo(1));

        // 3. the city returns it with a reason; a returned application cannot be named
        transition(city, app, "RETURNED", "佐证材料不全，请补充网络交易监管平台接口说明").then().statusCode(200)
                .body("state", equalTo("RETURNED")).body("history[1].level", equalTo("CITY"))
                .body("history[1].decidingRegion", equalTo(YUNCHENG))
                .body("history[1].reason", equalTo("佐证材料不全，请补充网络交易监管平台接口说明"));
        transition(nation, app, "NAMED", "命名").then().statusCode(409).body("detail", containsString("RETURNED"));

        // 4. the office adds evidence and applies again: a new frozen snapshot
        long added = observations(bureau, List.of(figure("online_operators_2y", YEAR, 800)));
        awaitLatest(reader, YEAR, added);
        JsonPath second = apply(office, Map.of("year", YEAR)).jsonPath();
        assertEquals(id, second.getString("id"), "the returned application is submitted again");
        assertEquals("SUBMITTED", second.getString("state"));
        long frozen = second.getLong("frozen.number");
        assertTrue(frozen > firstFrozen, "a new frozen snapshot: " + frozen + " after " + firstFrozen);
        BigDecimal frozenTotal = new BigDecimal(second.getString("frozen.confirmedTotal"));
        apply(office, Map.of("year", YEAR), 409);

        // 5. the city and the province recommend, the nation names it
        transition(city, app, "RECOMMENDED_BY_CITY", "同意推荐").then().statusCode(200)
                .body("state", equalTo("RECOMMENDED_BY_CITY"));
        transition(province, app, "RECOMMENDED_BY_PROVINCE", "省级评估通过").then().statusCode(200)
                .body("state", equalTo("RECOMMENDED_BY_PROVINCE"));
        transition(nation, app, "NAMED", "命名为全国网络市场监管与服务示范区").then().statusCode(200)
                .body("state", equalTo("NAMED")).body("stateName", equalTo("已命名"))
                .body("history.to", equalTo(List.of("SUBMITTED", "RETURNED", "SUBMITTED", "RECOMMENDED_BY_CITY",
                        "RECOMMENDED_BY_PROVINCE", "NAMED")));

        // 6. later evidence lowers the latest snapshot; the frozen one stays, the diff shows it
        long lowered = verdict(expert, Map.of("indicator", "16", "year", YEAR, "points", 0, "comment", "复查：机制未落实"));
        JsonPath latest = awaitLatest(reader, YEAR, lowered).jsonPath();
        BigDecimal latestTotal = new BigDecimal(latest.getString("confirmed.total"));
        assertTrue(latestTotal.compareTo(frozenTotal) < 0, latestTotal + " < " + frozenTotal);
        String stillFrozen = given().auth().oauth2(reader).get(API + "/regions/" + PINGLU + "/scores/" + frozen)
                .then().statusCode(200).extract().jsonPath().getString("confirmed.total");
        assertEquals(0, frozenTotal.compareTo(new BigDecimal(stillFrozen)), "the frozen snapshot is unchanged");
        given().auth().oauth2(city).get(app).then().statusCode(200).body("frozen.number", equalTo((int) frozen));
        JsonPath diff = given().auth().oauth2(province).get(app + "/diff-to-latest").then().statusCode(200).extract().jsonPath();
        assertTrue(diff.getBoolean("newerSnapshot"));
        assertEquals(frozen, diff.getLong("frozen.number"));
        assertEquals(latest.getLong("number"), diff.getLong("latest.number"));
        assertEquals(0, new BigDecimal("-3").compareTo(new BigDecimal(
                diff.getString("confirmed.changedIndicators.find { it.code == '16' }.change"))), diff.prettify());

        // 7. a verdict of 2025 is not read when 2027 is scored
        long later = verdict(expert, Map.of("indicator", "10", "year", LATER, "points", 1, "comment", "2027年度评估"));
        JsonPath y2027 = awaitLatest(reader, LATER, later).jsonPath();
        assertEquals(0, BigDecimal.ONE.compareTo(new BigDecimal(y2027.getString("confirmed.indicators.find { it.code == '10' }.points"))));
        assertEquals(0, BigDecimal.ZERO.compareTo(new BigDecimal(y2027.getString("confirmed.indicators.find { it.code == '12' }.points"))),
                "the 2025 verdicts on 12.x are not read in 2027");
        assertEquals(0, new BigDecimal("3").compareTo(new BigDecimal(latest.getString("confirmed.indicators.find { it.code == '12' }.points"))),
                "they are in 2025");
        given().auth().oauth2(expert).get(API + "/regions/" + PINGLU + "/evidence?kind=ASSESSMENT&year=" + LATER + "&size=500")
                .then().statusCode(200).body("year", org.hamcrest.Matchers.everyItem(equalTo(LATER)))
                .body("indicator", org.hamcrest.Matchers.everyItem(equalTo("10")));

        // 8. the scoreboard of 山西省: 平陆县 with its state, 万荣县 (no evidence) at 0; sorted, paged, and as a sheet
        JsonPath board = awaitBoard(province, WANRONG);
        assertEquals("NAMED", board.getString("rows.find { it.region == '" + PINGLU + "' }.applicationState"));
        assertEquals(0, latestTotal.compareTo(new BigDecimal(board.getString("rows.find { it.region == '" + PINGLU + "' }.confirmedTotal"))));
        assertNotNull(board.get("rows.find { it.region == '" + PINGLU + "' }.latestEvidenceAt"));
        assertEquals(null, (Object) board.get("rows.find { it.region == '" + WANRONG + "' }.snapshotNumber"));
        assertEquals(0, board.getInt("rows.find { it.region == '" + WANRONG + "' }.confirmedTotal"));
        assertEquals(List.of("total", "A", "B", "C", "D", "E"), board.getList("rows.find { it.region == '" + WANRONG + "' }.failing"));
        List<Float> totals = board.getList("rows.confirmedTotal", Float.class);
        for (int i = 1; i < totals.size(); i++) {
            assertTrue(totals.get(i - 1) >= totals.get(i), "sorted by total, highest first: " + totals);
        }
        JsonPath byRate = given().auth().oauth2(reader).get(API + "/regions/" + SHANXI + "/scoreboard?year=" + YEAR
                + "&level=county&sort=rate:B&order=asc&size=1").then().statusCode(200).extract().jsonPath();
        assertEquals(1, byRate.getList("rows").size());
        assertEquals(board.getInt("total"), byRate.getInt("total"));
        assertEquals(0, byRate.getInt("rows[0].firstLevel.find { it.code == 'B' }.confirmedRate"), "lowest B rate first");
        given().auth().oauth2(Tokens.user("cq-reader")).get(API + "/regions/" + SHANXI + "/scoreboard?year=" + YEAR)
                .then().statusCode(403);
        Response sheet = given().auth().oauth2(province).get(API + "/regions/" + SHANXI + "/scoreboard.xlsx?year=" + YEAR);
        sheet.then().statusCode(200).contentType(containsString("spreadsheetml"));
        String strings = sharedStrings(sheet.asByteArray());
        for (String expected : List.of("评估排行", "排名", "确认得分", "平陆县", "万荣县", "已命名", "无快照", "未申报")) {
            assertTrue(strings.contains(expected), "the sheet says " + expected);
        }

        // 9. later, the named zone is re-examined (复核) by the nation: due, then confirmed
        transition(province, app, "REVIEW_DUE", "省级发起复核").then().statusCode(409).body("detail", containsString("NATION level"));
        transition(nation, app, "REVIEW_DUE", "三年期满复核").then().statusCode(200).body("state", equalTo("REVIEW_DUE"));
        transition(nation, app, "CONFIRMED", "复核通过，保留称号").then().statusCode(200).body("state", equalTo("CONFIRMED"))
                .body("frozen.number", equalTo((int) frozen));

        // 10. every transition is an event on score.events keyed by the region
        assertEquals(List.of("SUBMITTED", "RETURNED", "SUBMITTED", "RECOMMENDED_BY_CITY", "RECOMMENDED_BY_PROVINCE", "NAMED",
                "REVIEW_DUE", "CONFIRMED"), applicationEvents(id, 8));
    }

    /**
     * 永川区 (under 重庆市, a municipality: no city between) has a failing snapshot of 2024: its office is refused, naming
     * what fails, unless it applies for review anyway with a reason; 重庆市 then decides the city's step as well.
     */
    @Test
    void anApplicationThatDoesNotPassIsRefusedUnlessForReviewAnyway() {
        String yongchuan = "500118";
        int year = 2024;
        String office = Tokens.user("yc-office");
        long position = given().auth().oauth2(Tokens.client("stats-bureau", "stats-bureau-secret")).contentType(ContentType.JSON)
                .body(List.of(Map.of("metric", "online_operators", "year", year, "value", 321, "source", "AssessmentIT")))
                .post(API + "/regions/" + yongchuan + "/observations").then().statusCode(201)
                .extract().jsonPath().getLong("[0].position");
        String admin = Tokens.user("admin");
        WalkingSkeletonIT.await(() -> {
            Response r = given().auth().oauth2(admin).get(API + "/regions/" + yongchuan + "/scores/latest?year=" + year);
            return r.statusCode() == 200 && r.jsonPath().getLong("evidencePosition") >= position ? r : null;
        }, 120);
        String applications = API + "/regions/" + yongchuan + "/applications";
        Response refused = WalkingSkeletonIT.await(() -> {
            Response r = given().auth().oauth2(office).contentType(ContentType.JSON).body(Map.of("year", year)).post(applications);
            return r.statusCode() == 409 && r.header("Retry-After") != null ? null : r;
        });
        refused.then().statusCode(409).body("title", equalTo("Pass standard not met"))
                .body("detail", containsString("does not pass on the confirmed basis"))
                .body("detail", containsString("forReviewAnyway"));
        given().auth().oauth2(office).get(applications + "?year=" + year).then().statusCode(200).body("size()", equalTo(0));

        JsonPath anyway = given().auth().oauth2(office).contentType(ContentType.JSON)
                .body(Map.of("year", year, "forReviewAnyway", true, "reason", "部分指标数据待补充，先行申请评估指导"))
                .post(applications).then().statusCode(201).extract().jsonPath();
        assertTrue(anyway.getBoolean("forReviewAnyway"));
        assertFalse(anyway.getBoolean("frozen.confirmedPassed"));
        assertEquals("500000", anyway.getString("next.find { it.to == 'RECOMMENDED_BY_CITY' }.decidingRegion"),
                "重庆市 decides the city's step of a district directly under it");
        assertEquals("部分指标数据待补充，先行申请评估指导", anyway.getString("history[0].reason"));
    }

    // ------------------------------------------------------------------ evidence

    static Map<String, Object> figure(String metric, int year, Object value) {
        return Map.of("metric", metric, "year", year, "value", value, "source", "平陆县统计局 (AssessmentIT)");
    }

    static Map<String, Object> subject(String metric, int year, Object value, String subject) {
        return Map.of("metric", metric, "year", year, "value", value, "subject", subject, "source", "平陆县统计局 (AssessmentIT)");
    }

    /** Figures that earn (nearly) every figure point for 2025 (CENTRAL zone; national comparators as shipped). */
    static long figures(String bureau) {
        List<Map<String, Object>> rows = new ArrayList<>(List.of(
                figure("online_retail_sales", 2023, 200), figure("online_retail_sales", 2024, 300),
                figure("online_retail_sales", 2025, 450),
                figure("retail_sales_total", 2023, 500), figure("retail_sales_total", 2024, 520),
                figure("retail_sales_total", 2025, 546),
                figure("online_operators", YEAR, 1500), figure("market_entities", YEAR, 10000),
                subject("new_operator_ecommerce_sales", 2024, 12000, "91140829MA0PL0001A"),
                subject("new_operator_ecommerce_sales", 2025, 13000, "91140829MA0PL0001A"),
                subject("new_operator_ecommerce_sales", 2025, 10000, "91140829MA0PL0002B"),
                figure("express_volume_growth", 2024, 40), figure("express_volume_growth", 2025, 40),
                figure("online_employment", YEAR, 5000), figure("total_employment", YEAR, 100000),
                figure("ecommerce_tax", YEAR, 600), figure("total_tax", YEAR, 10000),
                figure("online_operators_2y", YEAR, 750),
                figure("platform_users", YEAR, 60), figure("regulatory_staff", YEAR, 100),
                figure("identity_claim_rate", YEAR, 100),
                figure("clue_check_on_time_rate", YEAR, 96), figure("assigned_clue_timely_rate", YEAR, 92),
                figure("assigned_clue_completion_rate", YEAR, 91),
                figure("case_upheld_rate", YEAR, 96), figure("case_win_rate", YEAR, 97),
                figure("procedural_violation_cases", YEAR, 0),
                figure("monitoring_check_timely_rate", YEAR, 95), figure("monitoring_check_completion_rate", YEAR, 93),
                figure("complaint_initial_check_on_time_rate", YEAR, 96), figure("complaint_closed_on_time_rate", YEAR, 96),
                figure("mediation_success_rate", YEAR, 99), figure("consumer_satisfaction", YEAR, 99),
                figure("odr_on_time_rate", YEAR, 99), figure("odr_settlement_rate", YEAR, 99),
                figure("institutional_outputs", 2024, 1), figure("institutional_outputs", 2025, 2),
                figure("training_coverage", YEAR, 100), figure("training_hours_per_person", YEAR, 52)));
        return observations(bureau, rows);
    }

    static long observations(String bureau, List<Map<String, Object>> rows) {
        List<Long> positions = given().auth().oauth2(bureau).contentType(ContentType.JSON).body(rows)
                .post(API + "/regions/" + PINGLU + "/observations")
                .then().statusCode(201).extract().jsonPath().getList("position", Long.class);
        return positions.stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    /** Every expert item satisfied and every expert_points indicator at its maximum, for 2025; the last position. */
    static long verdicts(String expert, String admin) {
        JsonPath system = given().auth().oauth2(admin).get(API + "/systems/NMSDZ").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> indicators = system.getList("firstLevel.children.flatten().indicators.flatten()");
        long last = 0;
        for (Map<String, Object> indicator : indicators) {
            String code = (String) indicator.get("code");
            @SuppressWarnings("unchecked")
            Map<String, Object> rule = (Map<String, Object>) indicator.get("rule");
            if ("expert_points".equals(rule.get("kind"))) {
                last = Math.max(last, verdict(expert, Map.of("indicator", code, "year", YEAR, "points",
                        indicator.get("maxPoints"), "comment", "材料齐全 (AssessmentIT)")));
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) indicator.get("items");
            for (Map<String, Object> item : items == null ? List.<Map<String, Object>>of() : items) {
                if (Boolean.TRUE.equals(item.get("expert"))) {
                    last = Math.max(last, verdict(expert, Map.of("indicator", code, "item", item.get("code"), "year", YEAR,
                            "satisfied", true, "comment", "已落实 (AssessmentIT)")));
                }
            }
        }
        return last;
    }

    static long verdict(String expert, Map<String, Object> body) {
        return given().auth().oauth2(expert).contentType(ContentType.JSON).body(body)
                .post(API + "/regions/" + PINGLU + "/assessments")
                .then().statusCode(201).body("year", equalTo(body.get("year"))).extract().jsonPath().getLong("position");
    }

    // ------------------------------------------------------------------ applications

    static Response apply(String office, Map<String, Object> body) {
        return apply(office, body, 201);
    }

    /** Applies, retrying while the year's score is being recomputed (409 with Retry-After). */
    static Response apply(String office, Map<String, Object> body, int expected) {
        return WalkingSkeletonIT.await(() -> {
            Response r = given().auth().oauth2(office).contentType(ContentType.JSON).body(body)
                    .post(API + "/regions/" + PINGLU + "/applications");
            if (r.statusCode() == 409 && r.header("Retry-After") != null) {
                return null;
            }
            r.then().statusCode(expected);
            return r;
        });
    }

    static Response transition(String token, String application, String to, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("to", to, "reason", reason))
                .post(application + "/transitions");
    }

    // ------------------------------------------------------------------ reading

    static Response awaitLatest(String token, int year, long position) {
        return WalkingSkeletonIT.await(() -> {
            Response r = given().auth().oauth2(token).get(API + "/regions/" + PINGLU + "/scores/latest?year=" + year);
            return r.statusCode() == 200 && r.jsonPath().getLong("evidencePosition") >= position ? r : null;
        }, 120);
    }

    /** The county scoreboard of 山西省 once the new county has reached scoring-service. */
    static JsonPath awaitBoard(String token, String county) {
        return WalkingSkeletonIT.await(() -> {
            JsonPath board = given().auth().oauth2(token).get(API + "/regions/" + SHANXI + "/scoreboard?year=" + YEAR
                    + "&level=county&size=500").then().statusCode(200).extract().jsonPath();
            return board.getList("rows.region").contains(county) ? board : null;
        });
    }

    static String sharedStrings(byte[] xlsx) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            StringBuilder all = new StringBuilder();
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().startsWith("xl/")) {
                    all.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return all.toString();
        }
    }

    /** The target states of an application's events on score.events, in order, keyed by 平陆县. */
    static List<String> applicationEvents(String id, int expected) {
        List<String> states = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(WalkingSkeletonIT.consumerProps())) {
            consumer.subscribe(List.of(Topics.SCORE));
            Instant deadline = Instant.now().plusSeconds(60);
            while (states.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    EventEnvelope event = EventEnvelope.fromJson(record.value());
                    if (EventTypes.APPLICATION_CHANGED.equals(event.type()) && id.equals(event.data().get("applicationId").asText())) {
                        assertEquals(PINGLU, record.key(), "keyed by the region");
                        states.add(event.data().get("to").asText());
                    }
                }
            }
        }
        assertFalse(states.isEmpty(), "no application event on " + Topics.SCORE);
        return states;
    }
}
