package cn.nmsdz.scoring.component;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.scoring.messaging.ProjectionConsumer;
import cn.nmsdz.scoring.snapshot.SnapshotEntity;
import cn.nmsdz.scoring.snapshot.SnapshotStore;
import cn.nmsdz.scoring.snapshot.SnapshotService;
import cn.nmsdz.testsupport.TestEvents;
import cn.nmsdz.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Explanations through the API: Simplified Chinese by default, English by {@code ?lang=en} or Accept-Language, and
 * a snapshot stored before reasons were kept (only its English lines) rendering in both.
 */
@QuarkusTest
@ScoringComponentTest
class ExplanationLanguageTest {
    static final String REGION = "500118";
    static final int YEAR = 2021;
    static final String ADMIN = TestTokens.user("yc-reader", "score-reader", Map.of("region", REGION));
    static final String LATEST = "/api/v1/regions/" + REGION + "/scores/latest?year=" + YEAR;

    @Inject
    ProjectionConsumer consumer;

    @Inject
    Scored scored;

    /** 永川区 scored for 2021 from two years of online-retail growth and the national figures (once per test run). */
    @jakarta.enterprise.context.ApplicationScoped
    static class Scored {
        @Inject
        ProjectionConsumer consumer;

        @Inject
        SnapshotService snapshots;

        void ensure() {
            OfficialCatalogue.inForce(consumer);
            if (QuarkusTransaction.requiringNew().call(() -> SnapshotEntity.count("region = ?1 and year = ?2", REGION, YEAR)) > 0) {
                return;
            }
            consumer.onCatalogue(TestEvents.region(REGION, "永川区", "500000", Zone.WEST));
            consumer.onEvidence(List.of(
                    TestEvents.figure(REGION, "online_retail_sales_growth", YEAR - 1, "8.7"),
                    TestEvents.figure(REGION, "online_retail_sales_growth", YEAR, "6.1"),
                    TestEvents.figure("CN", "online_retail_sales_growth", YEAR - 1, "7.2"),
                    TestEvents.figure("CN", "online_retail_sales_growth", YEAR, "8.6")));
            while (QuarkusTransaction.requiringNew().call(snapshots::storeOnePending)) {
                // every marked region-year
            }
        }
    }

    @BeforeEach
    void yongchuanIsScored() {
        scored.ensure();
    }

    static JsonPath latest(String query, String acceptLanguage) {
        var request = given().auth().oauth2(ADMIN);
        if (acceptLanguage != null) {
            request = request.header("Accept-Language", acceptLanguage);
        }
        return request.get(LATEST + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void chineseIsTheDefaultAndEnglishIsAskedForByLangOrAcceptLanguage() {
        JsonPath zh = latest("", null);
        List<String> one = zh.getList("confirmed.indicators.find { it.code == '1' }.explanation");
        assertEquals("2020年：永川区网上零售额同比增速 8.70% 高于全国网上零售额同比增速 7.20%，得1分", one.get(1));
        assertEquals("2021年：永川区网上零售额同比增速 6.10% 未高于全国网上零售额同比增速 8.60%，不得分", one.get(2));
        assertTrue(zh.getList("confirmed.indicators.find { it.code == '2' }.missingText")
                .contains("永川区2020年社会零售总额同比增速"), () -> zh.prettify());
        assertEquals("合计 1.0 分，低于达标线 85 分", zh.getList("confirmed.verdict.reasons").get(0));

        for (JsonPath en : List.of(latest("&lang=en", null), latest("", "en-US,en;q=0.9,zh;q=0.5"))) {
            List<String> lines = en.getList("confirmed.indicators.find { it.code == '1' }.explanation");
            assertEquals("2020: 8.70 % > 7.20 % (CN, published) → +1", lines.get(1));
            assertEquals("2021: 6.10 % ≤ 8.60 % (CN, published) → +0", lines.get(2));
            assertEquals("total 1.0 < 85", en.getList("confirmed.verdict.reasons").get(0));
            assertTrue(en.getList("confirmed.indicators.find { it.code == '2' }.missingText")
                    .contains("retail_sales_total_growth 500118 2020"));
        }
        // Chinese preferred to English, or a language the suite does not speak: Chinese
        assertEquals(one, latest("", "zh-CN,en;q=0.5").getList("confirmed.indicators.find { it.code == '1' }.explanation"));
        assertEquals(one, latest("", "fr").getList("confirmed.indicators.find { it.code == '1' }.explanation"));
        assertEquals(one, latest("&lang=zh-CN", "en").getList("confirmed.indicators.find { it.code == '1' }.explanation"));
        given().auth().oauth2(ADMIN).get(LATEST).then().header("Vary", "Accept-Language");
    }

    @Test
    void anUnknownLanguageIsAProblemNamingTheParameter() {
        given().auth().oauth2(ADMIN).get(LATEST + "&lang=fr").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("lang"));
    }

    @Test
    void theGapsAreChineseByDefault() {
        JsonPath gaps = given().auth().oauth2(ADMIN).get("/api/v1/regions/" + REGION + "/gaps?year=" + YEAR)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("2021年：永川区网上零售额同比增速 6.10% 未高于全国网上零售额同比增速 8.60%，不得分"),
                gaps.getList("gaps.find { it.code == '1' }.unmet"));
        given().auth().oauth2(ADMIN).get("/api/v1/regions/" + REGION + "/gaps?year=" + YEAR + "&lang=en").then()
                .body("gaps.find { it.code == '1' }.unmet", equalTo(List.of("2021: 6.10 % ≤ 8.60 % (CN, published) → +0")));
    }

    /** Problem details a user can cause are Chinese by default, with the same type; English on request. */
    @Test
    void problemDetailsAreChineseByDefaultAndEnglishOnRequest() {
        given().auth().oauth2(ADMIN).get("/api/v1/regions/" + REGION + "/scores/latest?year=abc").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:nmsdz:problem:invalid-field")).body("title", equalTo("请求无效"))
                .body("detail", equalTo("查询参数 'year' 必须是 -2147483648 至 2147483647 之间的整数，而不是 'abc'"))
                .body("errors[0].field", equalTo("year"));
        given().auth().oauth2(ADMIN).header("Accept-Language", "en").get("/api/v1/regions/" + REGION + "/scores/latest?year=abc")
                .then().statusCode(400).body("type", equalTo("urn:nmsdz:problem:invalid-field")).body("title", equalTo("Invalid request"))
                .body("detail", equalTo("query parameter 'year' must be a whole number from -2147483648 to 2147483647, not 'abc'"));
        consumer.onCatalogue(TestEvents.region("140829", "平陆县", "140800", Zone.CENTRAL));
        given().auth().oauth2(ADMIN).get("/api/v1/regions/140829/scores/latest?year=2021").then().statusCode(403)
                .body("title", equalTo("无权执行此操作"))
                .body("detail", equalTo("规则 region-scope：地区 500118 的令牌只能读取本地区及其下级地区，不能读取 140829"));
        // a field error of the shared JSON reading
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"year\": \"2021\"}")
                .post("/api/v1/regions/" + REGION + "/scores/simulate").then().statusCode(400)
                .body("title", equalTo("请求体格式错误"))
                .body("errors[0].field", equalTo("/year"))
                .body("errors[0].message", equalTo("/year 的类型不对：应为整数（不大于 2147483647）"));
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"year\": \"2021\"}")
                .post("/api/v1/regions/" + REGION + "/scores/simulate?lang=en").then().statusCode(400)
                .body("title", equalTo("Malformed request body"))
                .body("errors[0].message", equalTo("/year has the wrong type: expected a whole number (at most 2147483647)"));
    }

    /**
     * A snapshot stored before reasons were kept holds English lines only: in Chinese it is recomputed from what it
     * names and renders exactly as a new one; a line its recomputation no longer gives keeps its stored English.
     */
    @Test
    void anOldSnapshotRendersInBothLanguages() throws Exception {
        SnapshotEntity current = QuarkusTransaction.requiringNew().call(() -> SnapshotEntity.<SnapshotEntity>find(
                "region = ?1 and year = ?2", Sort.descending("number"), REGION, YEAR).firstResult());
        long old = storeAsOld(current, false);
        long tampered = storeAsOld(current, true);
        try {
            oldSnapshots(current, old, tampered);
        } finally {
            // the copies are removed again: the other tests read the latest snapshot of the year
            QuarkusTransaction.requiringNew().run(() -> SnapshotEntity.delete("region = ?1 and number in ?2", REGION,
                    List.of(old, tampered)));
        }
    }

    private void oldSnapshots(SnapshotEntity current, long old, long tampered) {
        String base = "/api/v1/regions/" + REGION + "/scores/";
        JsonPath newZh = given().auth().oauth2(ADMIN).get(base + current.number).then().statusCode(200).extract().jsonPath();
        JsonPath newEn = given().auth().oauth2(ADMIN).get(base + current.number + "?lang=en").then().extract().jsonPath();
        JsonPath oldZh = given().auth().oauth2(ADMIN).get(base + old).then().statusCode(200).extract().jsonPath();
        JsonPath oldEn = given().auth().oauth2(ADMIN).get(base + old + "?lang=en").then().statusCode(200).extract().jsonPath();
        for (String basis : List.of("confirmed", "projected")) {
            assertEquals(newZh.getList(basis + ".indicators.explanation"), oldZh.getList(basis + ".indicators.explanation"));
            assertEquals(newEn.getList(basis + ".indicators.explanation"), oldEn.getList(basis + ".indicators.explanation"));
            assertEquals(newZh.getList(basis + ".indicators.missingText"), oldZh.getList(basis + ".indicators.missingText"));
            assertEquals(newZh.getList(basis + ".verdict.reasons"), oldZh.getList(basis + ".verdict.reasons"));
            assertEquals(newEn.getList(basis + ".verdict.reasons"), oldEn.getList(basis + ".verdict.reasons"));
        }
        assertNotEquals(newZh.getList("confirmed.indicators.explanation"), newEn.getList("confirmed.indicators.explanation"));
        given().auth().oauth2(ADMIN).post(base + old + "/recompute").then().statusCode(200).body("identical", equalTo(true));

        JsonPath partly = given().auth().oauth2(ADMIN).get(base + tampered).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("a line no recomputation gives"), partly.getList("confirmed.indicators.find { it.code == '1' }.explanation"));
        assertEquals(newZh.getList("confirmed.indicators.find { it.code == '2' }.explanation"),
                partly.getList("confirmed.indicators.find { it.code == '2' }.explanation"));
    }

    /** Stores a copy of the snapshot as it was stored before reasons were kept; returns its number. */
    private long storeAsOld(SnapshotEntity current, boolean tamperIndicatorOne) throws Exception {
        // numbers exactly as stored (5.00 stays 5.00), as an old snapshot's body was written: the whole snapshot
        ObjectNode body = (ObjectNode) EventEnvelope.JSON.copy()
                .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(EventEnvelope.JSON.writeValueAsString(SnapshotStore.read(current)));
        for (String basis : List.of("confirmed", "projected")) {
            for (JsonNode indicator : body.get(basis).get("indicators")) {
                ((ObjectNode) indicator).remove(List.of("reasons", "missingText"));
                if (tamperIndicatorOne && "1".equals(indicator.get("code").asText())) {
                    ((ObjectNode) indicator).putArray("explanation").add(TextNode.valueOf("a line no recomputation gives"));
                }
            }
            ((ObjectNode) body.get(basis).get("verdict")).remove("because");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            long number = 1 + SnapshotEntity.<SnapshotEntity>find("region", Sort.descending("number"), REGION).firstResult().number;
            SnapshotEntity copy = new SnapshotEntity();
            copy.id = SnapshotEntity.nextId();
            copy.region = REGION;
            copy.year = YEAR;
            copy.number = number;
            copy.systemCode = current.systemCode;
            copy.systemVersion = current.systemVersion;
            copy.evidencePosition = current.evidencePosition;
            copy.projectionSeq = current.projectionSeq;
            copy.confirmedTotal = current.confirmedTotal;
            copy.projectedTotal = current.projectedTotal;
            copy.confirmedPassed = current.confirmedPassed;
            copy.projectedPassed = current.projectedPassed;
            copy.createdAt = current.createdAt;
            body.put("number", number);
            copy.body = EventEnvelope.JSON.writeValueAsString(body);
            copy.persist();
            return number;
        });
    }
}
