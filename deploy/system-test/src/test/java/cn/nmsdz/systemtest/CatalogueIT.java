package cn.nmsdz.systemtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.EventTypes;
import cn.nmsdz.events.Topics;
import cn.nmsdz.events.envelope.EventEnvelope;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The catalogue on the real suite: the official system as data, a broken import refused whole, the
 * 2026 revision (80 % per first-level indicator) as a new version with no code change, the
 * decomposition of both seed regions, the Excel round trip of the 任务分解表, and the bulk region import.
 *
 * <p>The revision is published under its own code ({@value #REVISED}) so that the system regions are
 * scored against (NMSDZ) stays the seeds' standard for the other tests.
 */
@ExtendWith(Suite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SuppressWarnings("unchecked")
class CatalogueIT {
    static final String REVISED = "NMSDZ-TEST-80";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static String api(String path) {
        return Suite.GATEWAY + "/api/v1" + path;
    }

    @Test
    @Order(1)
    void theOfficialSystemHas41IndicatorsWorth100PointsAndThePassStandardOfTheSeeds() {
        JsonPath system = given().auth().oauth2(Tokens.user("yc-stats")).get(api("/systems/NMSDZ"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("促进发展", "规范监管", "优化服务", "探索创新", "综合保障"), system.getList("firstLevel.name"));
        List<Object> points = system.getList("firstLevel.children.flatten().indicators.flatten().maxPoints");
        assertEquals(41, points.size());
        assertEquals(0, new BigDecimal("100").compareTo(points.stream().map(p -> new BigDecimal(p.toString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add)));
        List<Integer> numbers = system.getList("firstLevel.children.flatten().indicators.flatten().number");
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 41).boxed().toList(), numbers);
        assertEquals("网上零售额同比增速", system.getString("firstLevel[0].children[0].indicators[0].name"));
        assertEquals(85, system.getInt("passStandard.minTotal"));
        assertEquals(75, system.getInt("passStandard.minFirstLevelRate"));
    }

    @Test
    @Order(2)
    void aBrokenImportListsEveryErrorAndStoresNothing() {
        String admin = Tokens.user("admin");
        Map<String, Object> broken = official(admin);
        broken.put("code", "NMSDZ-BROKEN");
        firstLevel(broken, 0).put("maxPoints", 21);
        indicator(broken, 1, 0, 0).put("name", "");
        indicator(broken, 1, 0, 1).put("number", 1);
        ((Map<String, Object>) broken.get("passStandard")).put("minFirstLevelRate", 120);

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(broken).post(api("/systems"))
                .then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItems(
                        "/firstLevel/0/maxPoints",
                        "/firstLevel/1/children/0/indicators/0/name",
                        "/firstLevel/1/children/0/indicators/1/number",
                        "/firstLevel",
                        "/passStandard/minFirstLevelRate"))
                .body("errors.message", everyItem(not(equalTo(""))))
                .body("type", equalTo("urn:nmsdz:problem:rule:catalogue"));

        given().auth().oauth2(admin).get(api("/systems")).then().statusCode(200)
                .body("code", not(hasItem("NMSDZ-BROKEN")));
        given().auth().oauth2(admin).get(api("/systems/NMSDZ-BROKEN?version=1"))
                .then().statusCode(404).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:nmsdz:problem:not-found"));
    }

    @Test
    @Order(3)
    void theRevised80PercentStandardIsANewVersionPublishedWithoutACodeChange() {
        String admin = Tokens.user("admin");
        List<Map<String, Object>> versions = versionsOf(admin, REVISED);
        if (versions.isEmpty()) {
            // version 1 of the test system: the seeds' standard, exactly as shipped
            Map<String, Object> v1 = official(admin);
            v1.put("code", REVISED);
            v1.put("version", 1);
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(v1).post(api("/systems"))
                    .then().statusCode(201).body("status", equalTo("DRAFT"));
            given().auth().oauth2(admin).post(api("/systems/" + REVISED + "/publish?version=1"))
                    .then().statusCode(200).body("status", equalTo("PUBLISHED"));
            versions = versionsOf(admin, REVISED);
        }
        int highest = versions.stream().mapToInt(v -> (Integer) v.get("version")).max().orElseThrow();
        int published = given().auth().oauth2(admin).get(api("/systems/" + REVISED)).then().statusCode(200)
                .extract().jsonPath().getInt("version");

        // a new draft from the published version takes the next number
        int draft = given().auth().oauth2(admin).post(api("/systems/" + REVISED + "/drafts?from=" + published))
                .then().statusCode(201).body("status", equalTo("DRAFT"))
                .extract().jsonPath().getInt("version");
        assertEquals(highest + 1, draft);

        // the revision is data: the pass standard of the draft becomes 80 %
        Map<String, Object> document = given().auth().oauth2(admin).get(api("/systems/" + REVISED + "?version=" + draft))
                .then().statusCode(200).extract().jsonPath().getMap("$");
        ((Map<String, Object>) document.get("passStandard")).put("minFirstLevelRate", 80);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(document)
                .put(api("/systems/" + REVISED + "/versions/" + draft))
                .then().statusCode(200).body("status", equalTo("DRAFT"));

        // the diff against the seeds' version names the pass standard and nothing else
        given().auth().oauth2(admin).get(api("/systems/" + REVISED + "/diff?from=1&to=" + draft))
                .then().statusCode(200)
                .body("passStandard.size()", equalTo(1))
                .body("passStandard[0].field", equalTo("minFirstLevelRate"))
                .body("passStandard[0].before", equalTo(75))
                .body("passStandard[0].after", equalTo(80))
                .body("nodes.size()", equalTo(0))
                .body("items.size()", equalTo(0))
                .body("rules.size()", equalTo(0));

        given().auth().oauth2(admin).post(api("/systems/" + REVISED + "/publish?version=" + draft))
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));

        // served as the latest published version of its code
        given().auth().oauth2(Tokens.user("yc-stats")).get(api("/systems/" + REVISED))
                .then().statusCode(200)
                .body("version", equalTo(draft))
                .body("passStandard.minFirstLevelRate", equalTo(80))
                .body("passStandard.minTotal", equalTo(85))
                .body("firstLevel.children.flatten().indicators.flatten().size()", equalTo(41));
        // the shipped system is untouched
        given().auth().oauth2(admin).get(api("/systems/NMSDZ"))
                .then().statusCode(200).body("passStandard.minFirstLevelRate", equalTo(75));

        // published is immutable
        document.put("name", "改名");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(document)
                .put(api("/systems/" + REVISED + "/versions/" + draft))
                .then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:nmsdz:problem:rule:catalogue-lifecycle"));

        // retiring it serves the earlier published version again (and leaves the test system as found)
        given().auth().oauth2(admin).post(api("/systems/" + REVISED + "/retire?version=" + draft))
                .then().statusCode(200).body("status", equalTo("RETIRED"));
        given().auth().oauth2(admin).get(api("/systems/" + REVISED))
                .then().statusCode(200).body("version", equalTo(published));
    }

    @Test
    @Order(4)
    void theDecompositionOfYongchuanFollowsItsAnnex() {
        String token = Tokens.user("yc-reviewer");
        JsonPath d = given().auth().oauth2(token).get(api("/regions/500118/decomposition"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(41, d.getList("entries").size());
        assertEquals("1", d.getString("entries[0].indicator"));
        assertEquals("网上零售额同比增速", d.getString("entries[0].indicatorName"));
        assertEquals(List.of(1, 2, 3, 4, 5, 6), d.getList("entries[0].tasks.number"));
        assertEquals("加快电子商务产业园提质升级", d.getString("entries[0].tasks[0].title"));
        assertEquals(List.of("500118-commerce"), d.getList("entries[0].leadUnits.code"));
        assertEquals(List.of("500118-statistics"), d.getList("entries[0].responsibleUnits.code"));
        assertEquals(List.of(17, 23, 24), d.getList("entries[40].tasks.number"));
        assertEquals(List.of("500118-market-supervision", "500118-party-publicity"), d.getList("entries[40].leadUnits.code"));
        assertEquals(List.of("500118-postal-branch-7"), d.getList("entries[4].leadUnits.code"));
        assertTrue(d.getList("entries.leadUnits.flatten().name").stream().allMatch(n -> n != null && !n.toString().isBlank()));

        given().auth().oauth2(token).get(api("/regions/500118/plan")).then().statusCode(200)
                .body("tasks.size()", equalTo(24))
                .body("tasks[0].title", equalTo("加快电子商务产业园提质升级"))
                .body("tasks[0].leadUnits[0].code", equalTo("500118-commerce"));
        given().auth().oauth2(token).get(api("/regions/500118/departments")).then().statusCode(200)
                .body("code", hasItems("500118-market-supervision", "500118-statistics"));
    }

    @Test
    @Order(5)
    void theDecompositionOfPingluHasResponsibleUnitsAndItsLeadershipGroup() {
        String token = Tokens.user("pl-reviewer");
        JsonPath d = given().auth().oauth2(token).get(api("/regions/140829/decomposition"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(41, d.getList("entries").size());
        assertEquals(List.of("140829-statistics", "140829-industry-it-science"), d.getList("entries[0].responsibleUnits.code"));
        assertEquals(List.of(), d.getList("entries.leadUnits.flatten()"));
        assertEquals(List.of(), d.getList("entries.tasks.flatten()"));

        given().auth().oauth2(token).get(api("/regions/140829/plan")).then().statusCode(200)
                .body("tasks.size()", equalTo(21))
                .body("tasks[0].title", equalTo("加大政策扶持力度"));
        given().auth().oauth2(token).get(api("/regions/140829/leadership-group")).then().statusCode(200)
                .body("members.size()", equalTo(24))
                .body("members[0].person", equalTo("翟纪亭"))
                .body("members[0].role", equalTo("组长"))
                .body("office.department", equalTo("140829-market-supervision"));
        // a region without a group (运城市 has no creation of its own; 永川区 gets one from WorkspaceIT's 领导小组)
        given().auth().oauth2(Tokens.user("admin")).get(api("/regions/140800/leadership-group"))
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    @Order(6)
    void theServedDecompositionOfBothRegionsIsTheTranscribedAnnex() throws java.io.IOException {
        String admin = Tokens.user("admin");
        for (String seed : List.of("500118-yongchuan.json", "140829-pinglu.json")) {
            com.fasterxml.jackson.databind.JsonNode file = EventEnvelope.JSON.readTree(
                    Suite.ROOT.resolve("indicator-service/src/main/resources/seed/regions/" + seed).toFile());
            String region = file.get("region").get("code").asText();
            JsonPath served = given().auth().oauth2(admin).get(api("/regions/" + region + "/decomposition"))
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(file.get("decomposition").size(), served.getList("entries").size(), region);
            for (int i = 0; i < file.get("decomposition").size(); i++) {
                com.fasterxml.jackson.databind.JsonNode expected = file.get("decomposition").get(i);
                String at = region + " indicator " + expected.get("indicator").asText();
                assertEquals(expected.get("indicator").asText(), served.getString("entries[" + i + "].indicator"), at);
                assertEquals(ints(expected.get("tasks")), served.getList("entries[" + i + "].tasks.number"), at);
                assertEquals(ints(expected.get("measures")), served.getList("entries[" + i + "].measures.number"), at);
                assertEquals(texts(expected.get("leadUnits")), served.getList("entries[" + i + "].leadUnits.code"), at);
                assertEquals(texts(expected.get("responsibleUnits")), served.getList("entries[" + i + "].responsibleUnits.code"), at);
            }
        }
    }

    static List<Integer> ints(com.fasterxml.jackson.databind.JsonNode array) {
        List<Integer> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    static List<String> texts(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    @Order(7)
    void theExportedSheetReimportsToTheSameDecompositionAndIsAnnounced() {
        String admin = Tokens.user("admin");
        try (KafkaConsumer<String, String> events = tail()) {
            List<Object> before = given().auth().oauth2(admin).get(api("/regions/140829/decomposition"))
                    .then().statusCode(200).extract().jsonPath().getList("entries");

            byte[] sheet = given().auth().oauth2(admin).get(api("/regions/140829/decomposition.xlsx"))
                    .then().statusCode(200).contentType(startsWith(XLSX)).extract().asByteArray();
            assertTrue(sheet.length > 1000 && sheet[0] == 'P' && sheet[1] == 'K', "an .xlsx (zip) workbook");

            List<Object> imported = given().auth().oauth2(admin).contentType(XLSX).body(sheet)
                    .post(api("/regions/140829/decomposition.xlsx"))
                    .then().statusCode(200).extract().jsonPath().getList("entries");
            assertEquals(before, imported);
            assertEquals(before, given().auth().oauth2(admin).get(api("/regions/140829/decomposition"))
                    .then().statusCode(200).extract().jsonPath().getList("entries"));

            // something that is no workbook changes nothing
            given().auth().oauth2(admin).contentType(XLSX).body("not a workbook".getBytes())
                    .post(api("/regions/140829/decomposition.xlsx"))
                    .then().statusCode(422).contentType(startsWith("application/problem+json"));
            assertEquals(before, given().auth().oauth2(admin).get(api("/regions/140829/decomposition"))
                    .then().statusCode(200).extract().jsonPath().getList("entries"));
            // only a catalogue admin imports
            given().auth().oauth2(Tokens.user("pl-market")).contentType(XLSX).body(sheet)
                    .post(api("/regions/140829/decomposition.xlsx")).then().statusCode(403);

            // the import is announced with the whole decomposition, keyed by the region
            EventEnvelope event = awaitEvent(events, e -> EventTypes.DECOMPOSITION_CHANGED.equals(e.type())
                    && "140829".equals(e.data().path("region").asText()));
            assertEquals(41, event.data().get("entries").size());
        }
    }

    @Test
    @Order(8)
    void aBulkRegionImportStoresAllRowsOrNoneAndNamesEveryBadRow() {
        String admin = Tokens.user("admin");
        String bad = "code,name,level,parentCode,zone\n"
                + "140830,芮城县,COUNTY,140800,CENTRAL\n"
                + "14082,闻喜县,COUNTY,140800,CENTRAL\n"
                + "140823,,TOWN,149900,CENTRAL\n";
        given().auth().oauth2(admin).contentType("text/csv; charset=UTF-8").body(bad).post(api("/regions/import"))
                .then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors.field", equalTo(List.of("/rows/3/code", "/rows/4/name", "/rows/4/level", "/rows/4/parentCode")))
                .body("errors[0].message", containsString("row 3"));
        given().auth().oauth2(admin).get(api("/regions/140830")).then().statusCode(404);

        String good = "code,name,level,parentCode,zone\n"
                + "140802,盐湖区,COUNTY,140800,CENTRAL\n"
                + "140821,临猗县,COUNTY,140800,中部\n";
        given().auth().oauth2(admin).contentType("text/csv; charset=UTF-8").body(good).post(api("/regions/import"))
                .then().statusCode(200).body("imported", equalTo(2));
        given().auth().oauth2(admin).get(api("/regions/140821")).then().statusCode(200)
                .body("parentCode", equalTo("140800")).body("zone", equalTo("CENTRAL"));

        given().auth().oauth2(Tokens.user("yc-stats")).contentType("text/csv; charset=UTF-8").body(good).post(api("/regions/import"))
                .then().statusCode(403);
    }

    @Test
    @Order(8)
    void aRegionLiesInItsProvincesZoneACountyUnderAProvinceOnlyInAMunicipalityAndTheListFiltersByParent() {
        String admin = Tokens.user("admin");
        // 重庆市 is WEST: a county of it given as EAST is refused, naming the field and the province's zone
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("code", "509901", "name", "东部区", "level", "COUNTY", "parentCode", "500000", "zone", "EAST"))
                .post(api("/regions")).then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", equalTo(List.of("/zone")))
                .body("errors[0].message", containsString("zone must be WEST, the zone of province 500000"));
        // 山西省 is no municipality: its counties sit under a city
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("code", "149901", "name", "省直县", "level", "COUNTY", "parentCode", "140000", "zone", "CENTRAL"))
                .post(api("/regions")).then().statusCode(400)
                .body("errors.field", equalTo(List.of("/parentCode")))
                .body("errors[0].message", containsString("a COUNTY sits under a city"));
        // an import row is checked by the same rules
        given().auth().oauth2(admin).contentType("text/csv; charset=UTF-8")
                .body("code,name,level,parentCode,zone\n509901,东部区,COUNTY,500000,EAST\n149901,省直县,COUNTY,140000,CENTRAL\n")
                .post(api("/regions/import")).then().statusCode(422)
                .body("errors.field", equalTo(List.of("/rows/2/zone", "/rows/3/parentCode")))
                .body("type", equalTo("urn:nmsdz:problem:rule:region-data"));
        given().auth().oauth2(admin).get(api("/regions/509901")).then().statusCode(404);
        given().auth().oauth2(admin).get(api("/regions/149901")).then().statusCode(404);

        // the list filters by parent: directly under 山西省 only its cities, under 重庆市 its districts
        List<Map<String, Object>> shanxi = given().auth().oauth2(admin).get(api("/regions?parent=140000"))
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(shanxi.stream().anyMatch(r -> "140800".equals(r.get("code"))), shanxi.toString());
        assertTrue(shanxi.stream().allMatch(r -> "140000".equals(r.get("parentCode"))), shanxi.toString());
        given().auth().oauth2(admin).get(api("/regions?parent=500000")).then().statusCode(200)
                .body("code", hasItems("500118")).body("parentCode", everyItem(equalTo("500000")));
        given().auth().oauth2(admin).get(api("/regions?parent=149998")).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    @Order(9)
    void departmentAndDecompositionWritesNeedTheAdminAreCheckedAndAnnounced() {
        String admin = Tokens.user("admin");
        String office = "140829-system-test-office";
        Map<String, Object> original = given().auth().oauth2(admin).get(api("/regions/140829/decomposition"))
                .then().statusCode(200).extract().jsonPath().getMap("entries.find { it.indicator == '41' }");
        List<String> originalUnits = ((List<Map<String, Object>>) original.get("responsibleUnits")).stream()
                .map(u -> (String) u.get("code")).toList();
        Map<String, Object> restore = Map.of("tasks", List.of(), "measures", List.of(), "leadUnits", List.of(),
                "responsibleUnits", originalUnits);

        given().auth().oauth2(Tokens.user("pl-market")).contentType(ContentType.JSON)
                .body(Map.of("name", "平陆县系统测试办公室", "kind", "OTHER"))
                .put(api("/regions/140829/departments/" + office)).then().statusCode(403);
        // a field's own rule is its constraint (the invalid-field 400 of every endpoint); the region's rules follow (422)
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "平陆县系统测试办公室", "kind", "BUREAU"))
                .put(api("/regions/140829/departments/" + office))
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:nmsdz:problem:invalid-field")).body("errors.field", equalTo(List.of("/kind")));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "县市场监管局", "kind", "OTHER"))
                .put(api("/regions/140829/departments/" + office))
                .then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors.field", equalTo(List.of("/name")));
        KafkaConsumer<String, String> events = tail();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "平陆县系统测试办公室", "aliases", List.of("县测试办"), "kind", "OTHER"))
                .put(api("/regions/140829/departments/" + office)).then().statusCode(200);
        try (events) {
            List<String> units = new java.util.ArrayList<>(originalUnits);
            units.add(office);
            given().auth().oauth2(Tokens.user("pl-market")).contentType(ContentType.JSON)
                    .body(Map.of("responsibleUnits", units)).put(api("/regions/140829/decomposition/41"))
                    .then().statusCode(403);
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("tasks", List.of(99), "responsibleUnits", List.of("140829-nowhere")))
                    .put(api("/regions/140829/decomposition/41"))
                    .then().statusCode(422).body("errors.field", equalTo(List.of("/tasks/0", "/responsibleUnits/0")));
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("responsibleUnits", units)).put(api("/regions/140829/decomposition/41"))
                    .then().statusCode(200)
                    .body("responsibleUnits.code", equalTo(units))
                    .body("responsibleUnits.find { it.code == '" + office + "' }.name", equalTo("平陆县系统测试办公室"));

            EventEnvelope event = awaitEvent(events, e -> EventTypes.DECOMPOSITION_CHANGED.equals(e.type())
                    && "140829".equals(e.data().path("region").asText())
                    && e.data().get("entries").toString().contains(office));
            assertTrue(event.data().get("departments").toString().contains("平陆县系统测试办公室"));

            // a department still named by an indicator cannot be removed
            given().auth().oauth2(admin).delete(api("/regions/140829/departments/" + office))
                    .then().statusCode(409).body("detail", containsString("indicator 41"));
        } finally {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(restore)
                    .put(api("/regions/140829/decomposition/41")).then().statusCode(200);
            given().auth().oauth2(admin).delete(api("/regions/140829/departments/" + office)).then().statusCode(204);
        }
        given().auth().oauth2(admin).get(api("/regions/140829/departments"))
                .then().statusCode(200).body("code", not(hasItem(office)));
    }

    // ------------------------------------------------------------------ helpers

    @SuppressWarnings("unchecked")
    static Map<String, Object> official(String token) {
        Response r = given().auth().oauth2(token).get(api("/systems/NMSDZ?version=1"));
        r.then().statusCode(200);
        return new java.util.LinkedHashMap<>(r.jsonPath().getMap("$"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> firstLevel(Map<String, Object> system, int i) {
        return ((List<Map<String, Object>>) system.get("firstLevel")).get(i);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> indicator(Map<String, Object> system, int first, int second, int i) {
        Map<String, Object> node = ((List<Map<String, Object>>) firstLevel(system, first).get("children")).get(second);
        return ((List<Map<String, Object>>) node.get("indicators")).get(i);
    }

    static List<Map<String, Object>> versionsOf(String token, String code) {
        List<Map<String, Object>> all = given().auth().oauth2(token).get(api("/systems"))
                .then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(v -> code.equals(v.get("code"))).toList();
    }

    /** A consumer of catalogue.events positioned at its end: it sees only what is published from now on. */
    static KafkaConsumer<String, String> tail() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(WalkingSkeletonIT.consumerProps());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.CATALOGUE).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before the action
        return consumer;
    }

    static EventEnvelope awaitEvent(KafkaConsumer<String, String> consumer, java.util.function.Predicate<EventEnvelope> wanted) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                EventEnvelope event = EventEnvelope.fromJson(record.value());
                if (wanted.test(event)) {
                    assertEquals(event.data().path("region").asText(), record.key(), "keyed by region code");
                    return event;
                }
            }
        }
        throw new AssertionError("no such event on " + Topics.CATALOGUE + " within 60 s");
    }
}
