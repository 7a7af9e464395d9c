package cn.nmsdz.scoring.component;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.EventTypes;
import cn.nmsdz.events.catalogue.DecompositionData;
import cn.nmsdz.events.catalogue.FirstLevelNode;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.SecondLevelNode;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.scoring.messaging.ProjectionConsumer;
import cn.nmsdz.scoring.report.Reports;
import cn.nmsdz.scoring.snapshot.SnapshotEntity;
import cn.nmsdz.testsupport.TestEvents;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scorecard and gap workbooks of 永川区 (its seed decomposition: departments and lead/responsible units), read back
 * with Apache POI cell by cell and compared with the JSON the same snapshot gives.
 */
@QuarkusTest
@ScoringComponentTest
class ReportWorkbookTest {
    static final String REGION = ExplanationLanguageTest.REGION;
    static final int YEAR = ExplanationLanguageTest.YEAR;
    static final String READER = ExplanationLanguageTest.ADMIN;
    static final Path SEED = Path.of("../indicator-service/src/main/resources/seed/regions/500118-yongchuan.json");

    @Inject
    ProjectionConsumer consumer;

    @Inject
    ExplanationLanguageTest.Scored scored;

    @BeforeEach
    void yongchuanWithItsDecomposition() throws Exception {
        scored.ensure();
        projectSeedDecomposition(consumer);
    }

    /** 永川区's departments and decomposition from its seed file, as indicator-service announces them. */
    static void projectSeedDecomposition(ProjectionConsumer consumer) throws Exception {
        JsonNode seed = EventEnvelope.JSON.readTree(SEED.toFile());
        List<DecompositionData.DepartmentData> departments = new ArrayList<>();
        seed.get("departments").forEach(d -> departments.add(new DecompositionData.DepartmentData(d.get("code").asText(),
                d.get("name").asText(), List.of(), d.get("kind").asText())));
        List<DecompositionData.Entry> entries = new ArrayList<>();
        seed.get("decomposition").forEach(e -> entries.add(new DecompositionData.Entry(e.get("indicator").asText(),
                List.of(), strings(e.get("leadUnits")), strings(e.get("responsibleUnits")))));
        consumer.onCatalogue(new EventEnvelope(UUID.randomUUID().toString(), EventTypes.DECOMPOSITION_CHANGED,
                "/indicator-service", REGION, OffsetDateTime.now(ZoneOffset.UTC),
                EventEnvelope.JSON.valueToTree(new DecompositionData(REGION, departments, entries))).toJson());
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    static Workbook workbook(Response r) throws Exception {
        return WorkbookFactory.create(new ByteArrayInputStream(r.asByteArray()));
    }

    static String text(Row row, int c) {
        Cell cell = row.getCell(c);
        assertEquals(CellType.STRING, cell.getCellType(), "column " + c + " of row " + row.getRowNum());
        return cell.getStringCellValue();
    }

    static double number(Row row, int c) {
        Cell cell = row.getCell(c);
        assertEquals(CellType.NUMERIC, cell.getCellType(), "column " + c + " of row " + row.getRowNum());
        return cell.getNumericCellValue();
    }

    @Test
    void theScorecardLaysOutTheTreeWithPointsExplanationsAndOwners() throws Exception {
        long number = QuarkusTransaction.requiringNew().call(() -> SnapshotEntity.<SnapshotEntity>find(
                "region = ?1 and year = ?2", Sort.descending("number"), REGION, YEAR).firstResult().number);
        JsonPath json = given().auth().oauth2(READER).get("/api/v1/regions/" + REGION + "/scores/" + number)
                .then().statusCode(200).extract().jsonPath();
        Response file = given().auth().oauth2(READER).get("/api/v1/regions/" + REGION + "/scores/" + number + ".xlsx");
        file.then().statusCode(200).contentType(startsWith(Reports.XLSX))
                .header("Content-Disposition", containsString("filename*=UTF-8''%E8%AF%84%E5%88%86%E8%A1%A8-500118-2021-"))
                .header("Content-Disposition", startsWith("attachment; filename=\"scorecard-500118-2021-" + number + ".xlsx\";"));
        // the latest of the year is the same workbook
        given().auth().oauth2(READER).get("/api/v1/regions/" + REGION + "/scores/latest.xlsx?year=" + YEAR)
                .then().statusCode(200).header("Content-Disposition", containsString("-" + number + ".xlsx"));

        IndicatorSystemDocument catalogue = TestEvents.officialCatalogue();
        try (Workbook wb = workbook(file)) {
            assertEquals(List.of("汇总", "评分表"), List.of(wb.getSheetName(0), wb.getSheetName(1)));
            Sheet summary = wb.getSheet("汇总");
            assertEquals("全国网络市场监管与服务示范区 评分汇总", text(summary.getRow(0), 0));
            assertEquals("永川区（500118）", text(summary.getRow(1), 1));
            assertEquals("2021", text(summary.getRow(2), 1));
            assertEquals(String.valueOf(number), text(summary.getRow(3), 1));
            Row confirmed = summary.getRow(8);
            assertEquals("确认得分", text(confirmed, 0));
            assertEquals(1.0, number(confirmed, 1));
            assertEquals(100.0, number(confirmed, 2));
            assertEquals("未达标", text(confirmed, 3));
            assertEquals(String.join("\n", json.getList("confirmed.verdict.reasons", String.class)), text(confirmed, 4));
            assertTrue(text(confirmed, 4).startsWith("合计 1.0 分，低于达标线 85 分\n一级指标“促进发展”得分率 5.00%，低于 75%"));
            Row firstLevelA = summary.getRow(12);
            assertEquals("A 促进发展", text(firstLevelA, 0));
            assertEquals(20.0, number(firstLevelA, 1));
            assertEquals(1.0, number(firstLevelA, 2));
            assertEquals(5.0, number(firstLevelA, 3));

            Sheet card = wb.getSheet("评分表");
            PrintSetup print = card.getPrintSetup();
            assertEquals(PrintSetup.A4_PAPERSIZE, print.getPaperSize());
            assertTrue(print.getLandscape());
            assertTrue(card.getHeader().getCenter().startsWith("永川区（500118） 2021年 第" + number + "号快照 "),
                    card.getHeader().getCenter());
            Row header = card.getRow(1);
            List<String> columns = new ArrayList<>();
            header.forEach(c -> columns.add(c.getStringCellValue()));
            assertEquals(List.of("一级指标", "二级指标", "序号", "三级指标", "满分", "确认得分", "预计得分", "得分率（%）",
                    "状态", "评分说明", "牵头单位", "责任单位"), columns);
            // every node of the 5/10/41 tree in catalogue order, each indicator with the JSON's points and explanation
            int r = 2;
            int indicators = 0;
            for (FirstLevelNode first : catalogue.firstLevel()) {
                Row row = card.getRow(r++);
                assertEquals(first.code() + " " + first.name(), text(row, 0));
                assertEquals(first.maxPoints().doubleValue(), number(row, 4));
                for (SecondLevelNode second : first.children()) {
                    Row srow = card.getRow(r++);
                    assertEquals(second.code() + " " + second.name(), text(srow, 1));
                    assertEquals(second.maxPoints().doubleValue(), number(srow, 4));
                    for (var indicator : second.indicators()) {
                        Row irow = card.getRow(r++);
                        String at = "confirmed.indicators.find { it.code == '" + indicator.code() + "' }";
                        String projectedAt = "projected.indicators.find { it.code == '" + indicator.code() + "' }";
                        assertEquals(indicator.number(), (int) number(irow, 2));
                        assertEquals(indicator.name(), text(irow, 3));
                        assertEquals(json.getDouble(at + ".maxPoints"), number(irow, 4));
                        assertEquals(json.getDouble(at + ".points"), number(irow, 5));
                        assertEquals(json.getDouble(projectedAt + ".points"), number(irow, 6));
                        assertEquals(String.join("\n", json.getList(at + ".explanation", String.class)), text(irow, 9));
                        indicators++;
                    }
                }
            }
            assertEquals(41, indicators);
            Row one = card.getRow(4);
            assertEquals("网上零售额同比增速", text(one, 3));
            assertEquals(2.0, number(one, 4));
            assertEquals(1.0, number(one, 5));
            assertEquals(50.0, number(one, 7));
            assertEquals("已评分", text(one, 8));
            assertEquals("2020—2021年每年网上零售额同比增速高于全国网上零售额同比增速的，各得1分\n"
                    + "2020年：永川区网上零售额同比增速 8.70% 高于全国网上零售额同比增速 7.20%，得1分\n"
                    + "2021年：永川区网上零售额同比增速 6.10% 未高于全国网上零售额同比增速 8.60%，不得分\n"
                    + "得 1 分（满分 2 分）", text(one, 9));
            assertEquals("区商务委", text(one, 10));
            assertEquals("区统计局", text(one, 11));
            assertEquals("缺少数据", text(card.getRow(5), 8)); // indicator 2: the retail totals are missing
        }
    }

    @Test
    void theGapsWorkbookListsTheLossesLargestFirstWithTheirOwners() throws Exception {
        JsonPath json = given().auth().oauth2(READER).get("/api/v1/regions/" + REGION + "/gaps?year=" + YEAR)
                .then().statusCode(200).extract().jsonPath();
        Response file = given().auth().oauth2(READER).get("/api/v1/regions/" + REGION + "/gaps.xlsx?year=" + YEAR);
        file.then().statusCode(200).contentType(startsWith(Reports.XLSX));
        try (Workbook wb = workbook(file)) {
            Sheet sheet = wb.getSheet("失分项");
            assertTrue(text(sheet.getRow(0), 0).contains("永川区（500118） 2021年 第" + json.getLong("snapshotNumber") + "号快照"));
            assertEquals("确认总分", text(sheet.getRow(1), 0));
            assertEquals(1.0, number(sheet.getRow(1), 1));
            assertEquals(99.0, number(sheet.getRow(1), 3));
            assertEquals("序号", text(sheet.getRow(2), 0));
            List<Map<String, Object>> gaps = json.getList("gaps");
            assertEquals(gaps.size() + 3, sheet.getPhysicalNumberOfRows());
            for (int i = 0; i < gaps.size(); i++) {
                Row row = sheet.getRow(3 + i);
                String at = "gaps[" + i + "]";
                assertEquals(json.getString(at + ".code"), text(row, 0));
                assertEquals(json.getString(at + ".name"), text(row, 1));
                assertEquals(json.getDouble(at + ".maxPoints"), number(row, 2));
                assertEquals(json.getDouble(at + ".points"), number(row, 3));
                assertEquals(json.getDouble(at + ".lost"), number(row, 5));
                assertEquals(String.join("\n", json.getList(at + ".missingText", String.class)), text(row, 7));
                assertEquals(String.join("\n", json.getList(at + ".unmet", String.class)), text(row, 8));
                assertEquals(String.join("、", json.getList(at + ".leadUnits.name", String.class)), text(row, 10));
                assertEquals(String.join("、", json.getList(at + ".responsibleUnits.name", String.class)), text(row, 11));
            }
            Row one = null;
            for (Row row : sheet) {
                if (row.getRowNum() > 2 && "1".equals(text(row, 0))) {
                    one = row;
                }
            }
            assertEquals("网上零售额同比增速", text(one, 1));
            assertEquals(1.0, number(one, 5));
            assertEquals("已评分", text(one, 6));
            assertEquals("2021年：永川区网上零售额同比增速 6.10% 未高于全国网上零售额同比增速 8.60%，不得分", text(one, 8));
            assertEquals("区商务委", text(one, 10));
            assertEquals("区统计局", text(one, 11));
        }
    }
}
