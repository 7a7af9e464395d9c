package cn.nmsdz.scoring.component;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.catalogue.CampaignData;
import cn.nmsdz.scoring.messaging.ProjectionConsumer;
import cn.nmsdz.scoring.report.Reports;
import cn.nmsdz.testsupport.TestEvents;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The 自评报告 draft of 永川区 (issue 15): its plan and leadership group as the campaign event carried them, the score by
 * first level with the verdict, each indicator with its Chinese explanation, owning units and evidence (a figure with
 * its source, a document with its file name and SHA-256), and the gaps, read back with Apache POI and compared with the
 * JSON of the same snapshot.
 */
@QuarkusTest
@ScoringComponentTest
class SelfEvaluationReportTest {
    static final String REGION = ExplanationLanguageTest.REGION;
    static final int YEAR = ExplanationLanguageTest.YEAR;
    static final String READER = ExplanationLanguageTest.ADMIN;
    static final String SHA = "ab".repeat(32);

    @Inject
    ProjectionConsumer consumer;

    @Inject
    ExplanationLanguageTest.Scored scored;

    @BeforeEach
    void yongchuanWithPlanGroupAndADocument() throws Exception {
        scored.ensure();
        ReportWorkbookTest.projectSeedDecomposition(consumer);
        consumer.onCatalogue(TestEvents.campaign(new CampaignData(REGION, List.of(), List.of(), List.of(),
                new CampaignData.Plan("重庆市永川区创建“全国网络市场监管与服务示范区”总体方案", "永川府办发〔2023〕14号",
                        "重庆市永川区人民政府办公室", LocalDate.of(2023, 2, 21)),
                new CampaignData.Leadership("永川区创建工作领导小组", List.of(
                        new CampaignData.Member("组长", "张三", "区政府区长", "500118-government"),
                        new CampaignData.Member("成员", "李四", "区商务委主任", "500118-commerce")),
                        new CampaignData.Office("领导小组办公室负责日常工作", "500118-market-supervision", "王五", "赵六")))));
        consumer.onEvidence(List.of(TestEvents.document(REGION, "12", "永川区网络市场监管工作方案.pdf", SHA)));
    }

    static List<String> paragraphs(XWPFDocument doc) {
        List<String> texts = new ArrayList<>();
        for (XWPFParagraph p : doc.getParagraphs()) {
            texts.add(p.getText());
        }
        return texts;
    }

    static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(c -> c.getText()).toList();
    }

    @Test
    void theDraftHasTheFactsTheScoresEachIndicatorWithItsEvidenceAndTheGaps() throws Exception {
        JsonPath json = given().auth().oauth2(READER).get("/api/v1/regions/" + REGION + "/scores/latest?year=" + YEAR)
                .then().statusCode(200).extract().jsonPath();
        long number = json.getLong("number");
        Response file = given().auth().oauth2(READER).get("/api/v1/regions/" + REGION + "/self-evaluation.docx?year=" + YEAR);
        file.then().statusCode(200).contentType(startsWith(Reports.DOCX)).header("Content-Disposition",
                containsString("filename*=UTF-8''%E8%87%AA%E8%AF%84%E6%8A%A5%E5%91%8A-500118-2021-" + number + ".docx"));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file.asByteArray()))) {
            assertEquals(BigInteger.valueOf(11906), doc.getDocument().getBody().getSectPr().getPgSz().getW(), "A4");
            List<String> text = paragraphs(doc);
            assertEquals("永川区创建全国网络市场监管与服务示范区自评报告", text.get(0));
            assertTrue(text.get(2).startsWith("评估年度：2021年　依据：第" + number + "号评分快照（"), text.get(2));
            assertTrue(text.contains("创建方案：《重庆市永川区创建“全国网络市场监管与服务示范区”总体方案》永川府办发〔2023〕14号，"
                    + "重庆市永川区人民政府办公室，2023年2月21日印发。"), String.join("\n", text.subList(0, 8)));
            assertTrue(text.contains("创建工作领导小组：永川区创建工作领导小组。"));
            assertTrue(text.contains("领导小组办公室：领导小组办公室负责日常工作；设在区市场监管局；主任 王五；联络员 赵六。"),
                    String.join("\n", text.subList(0, 10)));

            List<XWPFTable> tables = doc.getTables();
            XWPFTable group = tables.get(0);
            assertEquals(List.of("职务", "姓名", "职位", "所在单位"), cells(group.getRow(0)));
            assertEquals(List.of("组长", "张三", "区政府区长", "重庆市永川区人民政府"), cells(group.getRow(1)));
            assertEquals(List.of("成员", "李四", "区商务委主任", "区商务委"), cells(group.getRow(2)));

            XWPFTable scores = tables.get(1);
            assertEquals(List.of("一级指标", "满分", "确认得分", "预计得分", "确认得分率"), cells(scores.getRow(0)));
            List<Map<String, Object>> firstLevel = json.getList("confirmed.firstLevel");
            assertEquals(firstLevel.size() + 2, scores.getNumberOfRows(), "header, five first levels, total");
            assertEquals(List.of("A 促进发展", "20.0", "1.0",
                    String.format("%.1f", json.getDouble("projected.firstLevel[0].points")), "5.00%"),
                    cells(scores.getRow(1)));
            assertEquals("合计", cells(scores.getRow(firstLevel.size() + 1)).get(0));
            assertTrue(text.contains("结论：按确认得分尚未达到示范区评估标准（总分不低于85分，且各一级指标得分率不低于75%）。"));
            for (String reason : json.getList("confirmed.verdict.reasons", String.class)) {
                assertTrue(text.contains("　　" + reason), reason);
            }

            // indicator 1: points, the Chinese explanation line by line, owners, the two figures with their source
            int one = text.indexOf("1. 网上零售额同比增速");
            assertTrue(one > 0, "indicator 1 has its heading");
            String at = "confirmed.indicators.find { it.code == '1' }";
            assertTrue(text.get(one + 1).startsWith("　　得分：确认 1.0 分，"), text.get(one + 1));
            List<String> explanation = json.getList(at + ".explanation", String.class);
            for (int i = 0; i < explanation.size(); i++) {
                assertEquals("　　" + explanation.get(i), text.get(one + 2 + i));
            }
            int after = one + 2 + explanation.size();
            assertEquals("　　牵头单位：区商务委；责任单位：区统计局。", text.get(after));
            assertEquals("　　佐证材料：", text.get(after + 1));
            assertEquals("　　（1）2020年网上零售额同比增速：8.7%，来源：component test，market，已采纳", text.get(after + 2));
            assertEquals("　　（2）2021年网上零售额同比增速：6.1%，来源：component test，market，已采纳", text.get(after + 3));

            // indicator 12: the document with its file name and hash
            int twelve = text.indexOf(text.stream().filter(t -> t.startsWith("12. ")).findFirst().orElseThrow());
            assertTrue(text.subList(twelve, twelve + 12).contains(
                    "　　（1）文件《永川区网络市场监管工作方案.pdf》，SHA-256：" + SHA + "，market，已采纳"),
                    String.join("\n", text.subList(twelve, twelve + 12)));

            // 四: every gap of the gap view, largest loss first, with its lead units
            JsonPath gaps = given().auth().oauth2(READER).get("/api/v1/regions/" + REGION + "/gaps?year=" + YEAR)
                    .then().statusCode(200).extract().jsonPath();
            XWPFTable gapTable = tables.get(tables.size() - 1);
            assertEquals(List.of("序号", "指标", "失分", "原因", "牵头单位", "责任单位"), cells(gapTable.getRow(0)));
            List<String> codes = gaps.getList("gaps.code", String.class);
            assertEquals(codes.size() + 1, gapTable.getNumberOfRows());
            for (int i = 0; i < codes.size(); i++) {
                assertEquals(codes.get(i), cells(gapTable.getRow(i + 1)).get(0));
            }
        }
    }

    @Test
    void aYearWithoutASnapshotIsA404() {
        given().auth().oauth2(READER).get("/api/v1/regions/" + REGION + "/self-evaluation.docx?year=2019")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(READER).get("/api/v1/regions/" + REGION + "/self-evaluation.docx")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
    }
}
