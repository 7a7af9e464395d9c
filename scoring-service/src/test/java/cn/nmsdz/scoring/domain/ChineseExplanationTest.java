package cn.nmsdz.scoring.domain;

import static cn.nmsdz.scoring.domain.Evidence.evidence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.catalogue.MetricDefinition;
import cn.nmsdz.scoring.domain.engine.Explainer;
import cn.nmsdz.scoring.domain.model.Basis;
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.domain.model.ScoreResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The explanation of every rule kind in Simplified Chinese, from the reasons the engine stores, with the official
 * catalogue's metric names and the regions' names (永川区, 全国); the same reasons render the English the engine stores.
 * The scenario is {@link OfficialCatalogueScenarioTest#passing()} (永川区, 2025, window 2024–2025), projected.
 */
class ChineseExplanationTest {

    static Explainer chinese;
    static ScoreResult passing;
    static ScoreResult empty;

    @BeforeAll
    static void score() throws IOException {
        OfficialCatalogueScenarioTest.load();
        Map<String, String> names = new HashMap<>();
        for (MetricDefinition m : OfficialCatalogueScenarioTest.official.metrics()) {
            names.put(m.code(), m.name());
        }
        chinese = new Explainer(Locale.SIMPLIFIED_CHINESE, new Explainer.Vocabulary() {
            @Override
            public String metric(String code) {
                return names.getOrDefault(code, code);
            }

            @Override
            public String region(String code) {
                return Map.of("500118", "永川区", "CN", "全国").getOrDefault(code, code);
            }
        });
        passing = OfficialCatalogueScenarioTest.ENGINE.score(OfficialCatalogueScenarioTest.official,
                OfficialCatalogueScenarioTest.YONGCHUAN, 2025, OfficialCatalogueScenarioTest.passing().build(), Basis.PROJECTED);
        empty = OfficialCatalogueScenarioTest.ENGINE.score(OfficialCatalogueScenarioTest.official,
                OfficialCatalogueScenarioTest.YONGCHUAN, 2025, evidence().build(), Basis.CONFIRMED);
    }

    static List<String> zh(ScoreResult r, String indicator) {
        return chinese.render(r.indicator(indicator).reasons());
    }

    @Test
    void yearlyComparisonSaysEachYearWithRegionsAndMetricNames() {
        assertEquals(List.of(
                "2024—2025年每年网上零售额同比增速高于全国网上零售额同比增速的，各得1分",
                "2024年：永川区网上零售额同比增速 12.00%（据永川区2023、2024年网上零售额推算） 高于全国网上零售额同比增速 7.20%，得1分",
                "2025年：永川区网上零售额同比增速 15.00%（据永川区2024、2025年网上零售额推算） 高于全国网上零售额同比增速 8.60%，得1分",
                "得 2 分（满分 2 分）"), zh(passing, "1"));
    }

    @Test
    void ratioBandsSaysTheRatioAndItsBand() {
        assertEquals(List.of(
                "2025年：永川区网络交易经营者数量与市场主体数量之比 15.00%（据永川区2025年网络交易经营者数量与市场主体数量推算），在“15及以上”档，得2分",
                "得 2 分（满分 2 分）"), zh(passing, "3"));
    }

    @Test
    void countBandsSaysTheZoneThresholdAndEachEnterprise() {
        assertEquals(List.of(
                "西部地区门槛：2024—2025年新增网络交易经营者年度电子商务销售额不低于 5000万元，每家企业只计一次",
                "91500118MA5UA0001A：2024年 6000.00万元、2025年 7000.00万元，达到 5000万元，计1家",
                "91500118MA5UB0002B：2025年 5000.00万元，达到 5000万元，计1家",
                "共2家，在“2及以上”档，得2分",
                "得 2 分（满分 2 分）"), zh(passing, "4"));
    }

    @Test
    void itemsSayEachConditionAndVerdict() {
        assertEquals(List.of(
                "第17.1项 2025年：涉网违法案件线索举报按时核查率为 96.00%，高于 95%，条件成立",
                "第17.1项符合，得1分",
                "第17.2项 2025年：上级机关交办、督办的涉网违法案件线索处置及时率为 92.00%，高于 90%，条件成立",
                "第17.2项 2025年：上级机关交办、督办的涉网违法案件线索完成率为 91.00%，高于 90%，条件成立",
                "第17.2项符合，得1分",
                "第17.3项：1位专家中1位认为符合（e1认为符合），过半数，符合",
                "第17.3项符合，得1分",
                "得 3 分（满分 3 分）"), zh(passing, "17"));
    }

    @Test
    void anyItemSaysWhichItemSuffices() {
        assertEquals(List.of(
                "第28.1项：等待专家评估",
                "第28.1项尚未确定",
                "第28.2项：1位专家中1位认为符合（e1认为符合），过半数，符合",
                "第28.2项符合",
                "第28.3项：等待专家评估",
                "第28.3项尚未确定",
                "符合一项即可：第28.2项符合，得3分",
                "得 3 分（满分 3 分）"), zh(passing, "28"));
    }

    @Test
    void expertPointsSayTheAwardsAndTheirMean() {
        assertEquals(List.of(
                "指标10：专家评分 e1 2分、e2 1.5分，平均 1.8 分（四舍五入保留一位小数）",
                "得 1.8 分（满分 2 分）"), zh(passing, "10"));
    }

    @Test
    void cappedCountSaysTheCountAndTheCap() {
        assertEquals(List.of(
                "形成的网络市场监管与服务有关法规、规章、规范性文件或标准：2024年 1（1条）；2025年 2（1条），合计 3 × 1 = 3 分（上限 2 分）",
                "超过满分，按满分 2 分计",
                "得 2 分（满分 2 分）"), zh(passing, "34"));
    }

    @Test
    void missingInputsAndTheVerdictAreChineseToo() {
        IndicatorScore one = empty.indicator("1");
        assertEquals("2025年：缺少永川区2025年网上零售额同比增速公布值；推算增速缺少永川区2024年网上零售额、永川区2025年网上零售额；"
                        + "对比值：缺少全国2025年网上零售额同比增速公布值；推算增速缺少全国2024年网上零售额、全国2025年网上零售额，"
                        + "不得分（缺少数据）", chinese.render(one.reasons().get(2)));
        assertEquals("永川区2024年网上零售额同比增速", chinese.missing(one.missing().get(0)));
        List<String> verdict = chinese.render(empty.verdict().because());
        assertEquals("合计 0.0 分，低于达标线 85 分", verdict.get(0));
        assertEquals("一级指标“促进发展”得分率 0.00%，低于 75%", verdict.get(1));
    }

    @Test
    void theSameReasonsRenderTheEnglishTheEngineStores() {
        for (ScoreResult r : List.of(passing, empty)) {
            for (IndicatorScore s : r.indicators()) {
                assertEquals(s.explanation(), Explainer.english().render(s.reasons()), s.code());
                assertEquals(s.missingText(), s.missing().stream().map(Explainer.english()::missing).toList(), s.code());
            }
            assertEquals(r.verdict().reasons(), Explainer.english().render(r.verdict().because()));
        }
        assertEquals("2024: 12.00 % (500118, derived: (online_retail_sales 2024 / 2023 − 1) × 100) > 7.20 % (CN, published) → +1",
                passing.indicator("1").explanation().get(1));
        assertEquals("total 0.0 < 85", empty.verdict().reasons().get(0));
    }

    @Test
    void everyEnglishMessageHasItsChineseOne() throws IOException {
        Properties en = load("explanations.properties");
        Properties zh = load("explanations_zh.properties");
        List<String> untranslated = en.stringPropertyNames().stream().filter(k -> !zh.containsKey(k)).sorted().toList();
        assertEquals(List.of(), untranslated, "messages that would fall back to English in Chinese");
        assertTrue(zh.getProperty("verdict.total").contains("合计"));
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Explainer.class.getResourceAsStream(name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
