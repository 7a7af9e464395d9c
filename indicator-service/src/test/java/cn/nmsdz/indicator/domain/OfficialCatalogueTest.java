package cn.nmsdz.indicator.domain;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.catalogue.Band;
import cn.nmsdz.events.catalogue.Comparison;
import cn.nmsdz.events.catalogue.Condition;
import cn.nmsdz.events.catalogue.FirstLevelNode;
import cn.nmsdz.events.catalogue.Indicator;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.Item;
import cn.nmsdz.events.catalogue.MetricDefinition;
import cn.nmsdz.events.catalogue.MetricKind;
import cn.nmsdz.events.catalogue.Nature;
import cn.nmsdz.events.catalogue.Operand;
import cn.nmsdz.events.catalogue.Rule;
import cn.nmsdz.events.catalogue.Scope;
import cn.nmsdz.events.catalogue.SecondLevelNode;
import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.indicator.domain.validation.SystemValidator;
import cn.nmsdz.indicator.domain.validation.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The shipped catalogue file against SPEC §3 and against the 平陆县 seed text (the table with
 * 评估方式及数据或资料来源), character by character up to whitespace.
 */
class OfficialCatalogueTest {

    /** 平陆县 seed: the full indicator table. Surefire runs in the module directory. */
    static final Path PINGLU_SEED = Path.of("..", "..", "shared", "seeds", "003_8729f1a4ca8d2a50.txt");
    /** 永川区 seed: the same table, some characters lost in extraction. */
    static final Path YONGCHUAN_SEED = Path.of("..", "..", "shared", "seeds", "000_2a08821178c9f128.txt");

    static final List<String> SPEC_METRICS = List.of(
            "online_retail_sales", "online_retail_sales_growth",
            "retail_sales_total", "retail_sales_total_growth",
            "online_retail_share",
            "express_volume", "express_volume_growth",
            "online_operators", "market_entities",
            "online_operators_2y",
            "new_operator_ecommerce_sales",
            "online_employment", "total_employment",
            "ecommerce_tax", "total_tax",
            "platform_users", "regulatory_staff",
            "identity_claim_rate",
            "clue_check_on_time_rate",
            "assigned_clue_timely_rate", "assigned_clue_completion_rate",
            "case_upheld_rate", "case_win_rate",
            "procedural_violation_cases",
            "monitoring_check_timely_rate", "monitoring_check_completion_rate",
            "complaint_initial_check_on_time_rate", "complaint_closed_on_time_rate",
            "mediation_success_rate",
            "consumer_satisfaction",
            "odr_on_time_rate", "odr_settlement_rate",
            "training_coverage", "training_hours_per_person",
            "institutional_outputs");

    static IndicatorSystemDocument doc;
    static List<Indicator> indicators;
    static Map<String, Indicator> byCode;
    static String pinglu;

    @BeforeAll
    static void load() throws IOException {
        doc = CatalogueFixtures.official();
        indicators = new ArrayList<>();
        for (FirstLevelNode f : doc.firstLevel()) {
            for (SecondLevelNode s : f.children()) {
                indicators.addAll(s.indicators());
            }
        }
        byCode = indicators.stream().collect(Collectors.toMap(Indicator::code, i -> i, (a, b) -> a, LinkedHashMap::new));
        pinglu = squeeze(Files.readString(PINGLU_SEED, StandardCharsets.UTF_8));
    }

    /** Whitespace (line breaks, tabs, spaces of the extraction) removed; every other character kept. */
    static String squeeze(String s) {
        return s.replaceAll("[\\s\\u3000\\u00a0]+", "");
    }

    static BigDecimal bd(int n) {
        return BigDecimal.valueOf(n);
    }

    static void assertPoints(int expected, BigDecimal actual, String what) {
        assertNotNull(actual, what);
        assertEquals(0, bd(expected).compareTo(actual), what + ": expected " + expected + " points, got " + actual);
    }

    // ------------------------------------------------------------------ shape and sums

    @Test
    void header_and_pass_standard() {
        assertEquals("NMSDZ", doc.code());
        assertEquals(1, doc.version());
        assertEquals("全国网络市场监管与服务示范区创建评估指标体系", doc.name());
        assertEquals(2, doc.assessmentYears());
        assertPoints(85, doc.passStandard().minTotal(), "minTotal");
        assertPoints(75, doc.passStandard().minFirstLevelRate(), "minFirstLevelRate");
        assertFalse(doc.notes().isEmpty());
        assertTrue(doc.notes().stream().anyMatch(n -> n.contains("NORTHEAST") && n.contains("1亿元")),
                "a note explains the NORTHEAST threshold");
    }

    @Test
    void file_is_exactly_what_the_records_serialise_to() throws IOException {
        JsonNode file = CatalogueFixtures.officialTree();
        JsonNode again = CatalogueFixtures.MAPPER.readTree(CatalogueFixtures.MAPPER.writeValueAsString(doc));
        assertEquals(file, again, "export of the loaded document differs from the file");
    }

    @Test
    void five_first_level_nodes_with_spec_points() {
        List<FirstLevelNode> first = doc.firstLevel();
        assertEquals(List.of("A", "B", "C", "D", "E"), first.stream().map(FirstLevelNode::code).toList());
        assertEquals(List.of("促进发展", "规范监管", "优化服务", "探索创新", "综合保障"),
                first.stream().map(FirstLevelNode::name).toList());
        int[] points = {20, 25, 20, 20, 15};
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < first.size(); i++) {
            assertPoints(points[i], first.get(i).maxPoints(), first.get(i).code());
            total = total.add(first.get(i).maxPoints());
        }
        assertPoints(100, total, "total");
    }

    @Test
    void ten_second_level_nodes_with_spec_points() {
        List<SecondLevelNode> second = doc.firstLevel().stream().flatMap(f -> f.children().stream()).toList();
        assertEquals(List.of("A1", "A2", "B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2"),
                second.stream().map(SecondLevelNode::code).toList());
        assertEquals(List.of("发展规模", "发展质量", "完善监管", "规范执法", "服务网络经营", "服务网络消费",
                "创新工作", "创新效果", "组织机制保障", "工作基础保障"), second.stream().map(SecondLevelNode::name).toList());
        int[] points = {10, 10, 15, 10, 11, 9, 12, 8, 7, 8};
        for (int i = 0; i < second.size(); i++) {
            SecondLevelNode s = second.get(i);
            assertPoints(points[i], s.maxPoints(), s.code());
            BigDecimal sum = s.indicators().stream().map(Indicator::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertPoints(points[i], sum, "indicators of " + s.code());
        }
        for (FirstLevelNode f : doc.firstLevel()) {
            BigDecimal sum = f.children().stream().map(SecondLevelNode::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, f.maxPoints().compareTo(sum), "second-level nodes of " + f.code());
        }
    }

    @Test
    void forty_one_indicators_numbered_in_order_each_with_a_rule() {
        assertEquals(41, indicators.size());
        assertEquals(IntStream.rangeClosed(1, 41).boxed().toList(), indicators.stream().map(Indicator::number).toList());
        for (Indicator i : indicators) {
            assertEquals(String.valueOf(i.number()), i.code());
            assertNotNull(i.rule(), "rule of indicator " + i.code());
        }
        BigDecimal total = indicators.stream().map(Indicator::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertPoints(100, total, "41 indicators");
    }

    @Test
    void rule_kinds_follow_spec_3_1() {
        Map<Class<?>, Set<Integer>> expected = new LinkedHashMap<>();
        expected.put(Rule.YearlyComparison.class, Set.of(1, 2, 5, 6));
        expected.put(Rule.RatioBands.class, Set.of(3, 7, 8, 9));
        expected.put(Rule.CountBands.class, Set.of(4));
        expected.put(Rule.AnyItem.class, Set.of(28, 29, 30, 31));
        expected.put(Rule.ExpertPoints.class, Set.of(10, 16, 32, 35));
        expected.put(Rule.CappedCount.class, Set.of(34));
        for (Indicator i : indicators) {
            Class<?> kind = expected.entrySet().stream().filter(e -> e.getValue().contains(i.number()))
                    .map(Map.Entry::getKey).findFirst().orElse(Rule.Items.class);
            assertInstanceOf(kind, i.rule(), "rule kind of indicator " + i.code());
        }
    }

    @Test
    void items_add_up_and_carry_their_indicator_code() {
        for (Indicator i : indicators) {
            for (int k = 0; k < i.items().size(); k++) {
                assertEquals(i.code() + "." + (k + 1), i.items().get(k).code());
            }
            if (i.rule() instanceof Rule.Items) {
                assertFalse(i.items().isEmpty(), "items of " + i.code());
                BigDecimal sum = i.items().stream().map(Item::points).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertEquals(0, i.maxPoints().compareTo(sum), "items of indicator " + i.code());
            } else if (i.rule() instanceof Rule.AnyItem any) {
                assertEquals(3, i.items().size());
                assertPoints(3, any.points(), "any_item " + i.code());
                i.items().forEach(it -> {
                    assertNull(it.points(), it.code());
                    assertTrue(it.expert(), it.code());
                });
            } else {
                assertTrue(i.items().isEmpty(), "indicator " + i.code() + " has no numbered sub-points");
            }
        }
    }

    @Test
    void the_validator_finds_nothing_wrong() {
        List<Violation> violations = new SystemValidator().validate(doc);
        assertTrue(violations.isEmpty(), () -> violations.stream().map(Violation::toString)
                .collect(Collectors.joining("\n", "unexpected violations:\n", "")));
    }

    // ------------------------------------------------------------------ verbatim against the seed

    @Test
    void indicator_names_occur_verbatim_in_the_pinglu_seed() {
        List<Executable> checks = new ArrayList<>();
        for (Indicator i : indicators) {
            checks.add(() -> assertTrue(pinglu.contains(squeeze(i.name())), "name of " + i.code() + ": " + i.name()));
            // the name as printed in the table: name, full stop, then (N分)
            String printed = i.name() + "。（" + i.maxPoints().stripTrailingZeros().toPlainString() + "分）";
            checks.add(() -> assertTrue(pinglu.contains(squeeze(printed)), "name with points of " + i.code() + ": " + printed));
            checks.add(() -> assertFalse(i.name().endsWith("。") || i.name().contains("分）"),
                    "name of " + i.code() + " carries no full stop and no points: " + i.name()));
        }
        assertAll(checks);
    }

    @Test
    void standards_items_natures_methods_and_sources_occur_verbatim_in_the_pinglu_seed() {
        List<Executable> checks = new ArrayList<>();
        for (Indicator i : indicators) {
            // the row of the table: number, 变量性质, name (N分), standard, 方式
            String row = i.number() + i.natureText() + i.name() + "。（"
                    + i.maxPoints().stripTrailingZeros().toPlainString() + "分）" + i.standard() + "方式：";
            checks.add(() -> assertTrue(pinglu.contains(squeeze(row)),
                    "number, nature, name and standard of " + i.code() + " as one table row"));
            checks.add(() -> assertTrue(pinglu.contains(squeeze("方式：" + String.join("、", i.evaluationMethods()) + "。")),
                    "evaluation methods of " + i.code() + ": " + i.evaluationMethods()));
            for (String source : i.dataSources()) {
                checks.add(() -> assertTrue(pinglu.contains(squeeze(source)), "data source of " + i.code() + ": " + source));
            }
            for (Item item : i.items()) {
                checks.add(() -> assertTrue(pinglu.contains(squeeze(item.text())), "text of item " + item.code()));
                checks.add(() -> assertTrue(i.standard().contains(item.text()), "item " + item.code() + " is part of the standard"));
                String numbered = item.code().substring(item.code().indexOf('.') + 1) + "." + item.text();
                checks.add(() -> assertTrue(i.standard().contains(numbered), "item " + item.code() + " keeps its number"));
                if (item.points() != null) {
                    String withPoints = item.text() + (item.code().equals(i.items().get(i.items().size() - 1).code()) ? "。" : "；")
                            + "（" + item.points().stripTrailingZeros().toPlainString() + "分）";
                    checks.add(() -> assertTrue(i.standard().contains(withPoints),
                            "item " + item.code() + " is worth the points printed after it"));
                }
            }
            checks.add(() -> assertEquals(switch (i.natureText()) {
                case "定量" -> Nature.QUANTITATIVE;
                case "定性" -> Nature.QUALITATIVE;
                case "定量+定性", "定性+定量" -> Nature.MIXED;
                default -> null;
            }, i.nature(), "nature of " + i.code()));
        }
        assertAll(checks);
    }

    @Test
    void node_names_and_system_name_occur_in_the_seeds() throws IOException {
        for (FirstLevelNode f : doc.firstLevel()) {
            assertTrue(pinglu.contains(f.name() + "（" + f.maxPoints().toPlainString() + "分）"), f.name());
            for (SecondLevelNode s : f.children()) {
                assertTrue(pinglu.contains(s.name() + "（" + s.maxPoints().toPlainString() + "分）"), s.name());
            }
        }
        assertTrue(pinglu.contains("本评估指标体系合格标准为：总分≧85分，且每个一级指标得分率≧75%。"));
        String yongchuan = squeeze(Files.readString(YONGCHUAN_SEED, StandardCharsets.UTF_8));
        assertTrue(yongchuan.contains(doc.name()), "system name in the 永川 seed");
        assertTrue(pinglu.contains(doc.name().substring("全国".length())), "system name in the 平陆 seed");
    }

    // ------------------------------------------------------------------ metrics and readings

    @Test
    void metrics_are_exactly_the_spec_codes() {
        assertEquals(SPEC_METRICS, doc.metrics().stream().map(MetricDefinition::code).toList());
        for (MetricDefinition m : doc.metrics()) {
            assertFalse(m.name().isBlank(), m.code());
            assertFalse(m.unit().isBlank(), m.code());
            assertNotNull(m.kind(), m.code());
            assertEquals(m.code().equals("new_operator_ecommerce_sales"), m.subjectRequired(), m.code());
            if (m.kind() == MetricKind.RATE) {
                if (m.code().endsWith("_growth")) {
                    assertNull(m.min(), m.code() + " can be negative");
                    assertNull(m.max(), m.code());
                } else {
                    assertPoints(0, m.min(), m.code() + " min");
                    assertPoints(100, m.max(), m.code() + " max");
                }
            }
        }
        Set<String> rates = doc.metrics().stream().filter(m -> m.kind() == MetricKind.RATE)
                .map(MetricDefinition::code).collect(Collectors.toCollection(LinkedHashSet::new));
        assertTrue(rates.containsAll(List.of("online_retail_sales_growth", "online_retail_share", "identity_claim_rate",
                "mediation_success_rate", "odr_on_time_rate", "training_coverage")));
        assertFalse(rates.contains("consumer_satisfaction"), "consumer satisfaction is a score, not a percentage");
    }

    @Test
    void yearly_comparisons() {
        Rule.YearlyComparison r1 = (Rule.YearlyComparison) byCode.get("1").rule();
        assertEquals(new Operand("online_retail_sales_growth", Scope.SELF,
                new Operand.Derivation("online_retail_sales", null, null, null)), r1.value());
        assertEquals(new Operand("online_retail_sales_growth", Scope.NATIONAL,
                new Operand.Derivation("online_retail_sales", null, null, null)), r1.comparator());
        assertPoints(1, r1.pointsPerYear(), "1 point per year");

        Rule.YearlyComparison r2 = (Rule.YearlyComparison) byCode.get("2").rule();
        assertEquals("online_retail_sales_growth", r2.value().metric());
        assertEquals(new Operand("retail_sales_total_growth", Scope.SELF,
                new Operand.Derivation("retail_sales_total", null, null, null)), r2.comparator());

        Rule.YearlyComparison r5 = (Rule.YearlyComparison) byCode.get("5").rule();
        assertEquals("express_volume_growth", r5.value().metric());
        assertEquals(Scope.NATIONAL, r5.comparator().scope());
        assertEquals("express_volume", r5.comparator().derive().growthOf());

        Rule.YearlyComparison r6 = (Rule.YearlyComparison) byCode.get("6").rule();
        Operand.Derivation share = new Operand.Derivation(null, "online_retail_sales", "retail_sales_total", bd(100));
        assertEquals("online_retail_share", r6.value().metric());
        assertEquals(Scope.SELF, r6.value().scope());
        assertEquals(share.numerator(), r6.value().derive().numerator());
        assertEquals(share.denominator(), r6.value().derive().denominator());
        assertPoints(100, r6.value().derive().scale(), "share scale");
        assertEquals("online_retail_share", r6.comparator().metric());
        assertEquals(Scope.NATIONAL, r6.comparator().scope());
    }

    @Test
    void ratio_bands_include_both_ends() {
        assertRatio("3", "online_operators", "market_entities", 8, 15);
        assertRatio("7", "online_employment", "total_employment", 3, 5);
        assertRatio("8", "ecommerce_tax", "total_tax", 3, 5);
        assertRatio("9", "online_operators_2y", "online_operators", 30, 50);
    }

    private static void assertRatio(String code, String numerator, String denominator, int low, int high) {
        Rule.RatioBands r = (Rule.RatioBands) byCode.get(code).rule();
        assertNull(r.value().metric(), "indicator " + code + " derives its ratio");
        assertEquals(numerator, r.value().derive().numerator());
        assertEquals(denominator, r.value().derive().denominator());
        assertPoints(100, r.value().derive().scale(), "percentage");
        assertEquals(2, r.bands().size());
        assertBand(r.bands().get(0), low, high, 1);
        assertBand(r.bands().get(1), high, null, 2);
    }

    private static void assertBand(Band band, int min, Integer max, int points) {
        assertPoints(min, band.min(), "band min");
        if (max == null) {
            assertNull(band.max(), "open band");
        } else {
            assertPoints(max, band.max(), "band max");
        }
        assertPoints(points, band.points(), "band points");
    }

    @Test
    void indicator_4_counts_new_operators_by_zone_with_the_central_figure_for_the_northeast() {
        Rule.CountBands r = (Rule.CountBands) byCode.get("4").rule();
        assertEquals("new_operator_ecommerce_sales", r.metric());
        assertEquals(Set.of(Zone.values()), r.thresholdByZone().keySet());
        assertPoints(20000, r.thresholdByZone().get(Zone.EAST), "EAST 2亿元 in 万元");
        assertPoints(10000, r.thresholdByZone().get(Zone.CENTRAL), "CENTRAL 1亿元 in 万元");
        assertPoints(5000, r.thresholdByZone().get(Zone.WEST), "WEST 5000万元");
        assertPoints(10000, r.thresholdByZone().get(Zone.NORTHEAST), "NORTHEAST uses the central figure");
        assertBand(r.bands().get(0), 1, 1, 1);
        assertBand(r.bands().get(1), 2, null, 2);
        assertEquals("万元", doc.metrics().stream().filter(m -> m.code().equals(r.metric())).findFirst().orElseThrow().unit());
    }

    @Test
    void expert_any_item_and_capped_count_rules() {
        for (String code : List.of("10", "16", "32", "35")) {
            assertInstanceOf(Rule.ExpertPoints.class, byCode.get(code).rule(), code);
        }
        Rule.CappedCount r34 = (Rule.CappedCount) byCode.get("34").rule();
        assertEquals("institutional_outputs", r34.metric());
        assertPoints(1, r34.pointsPerCount(), "有1项得1分");
        assertPoints(2, byCode.get("34").maxPoints(), "最高得2分");
    }

    @Test
    void item_conditions_follow_the_reading_of_the_standard() {
        assertCondition(item("11.1"), 0, null, Comparison.GT, 50, null);
        Operand ratio = item("11.1").conditions().get(0).value();
        assertEquals("platform_users", ratio.derive().numerator());
        assertEquals("regulatory_staff", ratio.derive().denominator());
        assertPoints(100, ratio.derive().scale(), "11.1 as a percentage");
        assertCondition(item("11.2"), 0, "identity_claim_rate", Comparison.EQ, 100, null);
        assertTrue(item("11.3").expert());

        assertCondition(item("17.1"), 0, "clue_check_on_time_rate", Comparison.GT, 95, null);
        assertCondition(item("17.2"), 0, "assigned_clue_timely_rate", Comparison.GT, 90, null);
        assertCondition(item("17.2"), 1, "assigned_clue_completion_rate", Comparison.GT, 90, null);
        assertCondition(item("18.1"), 0, "case_upheld_rate", Comparison.GT, 95, null);
        assertCondition(item("18.1"), 1, "case_win_rate", Comparison.GT, 95, null);
        assertCondition(item("18.2"), 0, "procedural_violation_cases", Comparison.EQ, 0, null);
        assertCondition(item("19.1"), 0, "monitoring_check_timely_rate", Comparison.GT, 90, null);
        assertCondition(item("19.2"), 0, "monitoring_check_completion_rate", Comparison.GT, 90, null);
        assertCondition(item("25.1"), 0, "complaint_initial_check_on_time_rate", Comparison.GT, 95, null);
        assertCondition(item("25.1"), 1, "complaint_closed_on_time_rate", Comparison.GT, 95, null);
        assertCondition(item("25.2"), 0, "mediation_success_rate", Comparison.GT, null, "mediation_success_rate");
        assertCondition(item("25.3"), 0, "consumer_satisfaction", Comparison.GT, null, "consumer_satisfaction");
        assertCondition(item("26.1"), 0, "odr_on_time_rate", Comparison.GT, null, "odr_on_time_rate");
        assertCondition(item("26.1"), 1, "odr_settlement_rate", Comparison.GT, null, "odr_settlement_rate");
        assertTrue(item("26.1").expert(), "26.1 names a mechanism and a figure: both are needed");
        assertCondition(item("38.2"), 0, "training_coverage", Comparison.EQ, 100, null);
        assertCondition(item("38.2"), 1, "training_hours_per_person", Comparison.GE, 50, null);

        for (String quantitative : List.of("11.1", "11.2", "17.1", "17.2", "18.1", "18.2", "19.1", "19.2",
                "25.1", "25.2", "25.3", "38.2")) {
            assertFalse(item(quantitative).expert(), quantitative + " is decided by its figures");
        }
        for (Indicator i : indicators) {
            for (Item it : i.items()) {
                assertTrue(it.expert() || !it.conditions().isEmpty(), it.code() + " can be satisfied");
                if (i.nature() == Nature.QUALITATIVE) {
                    assertTrue(it.expert() && it.conditions().isEmpty(), it.code() + " of a 定性 indicator is an expert item");
                }
            }
        }
    }

    private static Item item(String code) {
        Indicator i = byCode.get(code.substring(0, code.indexOf('.')));
        return i.items().stream().filter(it -> it.code().equals(code)).findFirst().orElseThrow();
    }

    private static void assertCondition(Item item, int index, String metric, Comparison op, Integer threshold,
                                        String nationalMetric) {
        Condition c = item.conditions().get(index);
        String what = item.code() + " condition " + index;
        assertEquals(metric, c.value().metric(), what);
        assertEquals(Scope.SELF, c.value().scope(), what);
        assertEquals(op, c.op(), what);
        assertFalse(c.everyYear(), what);
        if (threshold == null) {
            assertNull(c.threshold(), what);
        } else {
            assertPoints(threshold, c.threshold(), what + " threshold");
        }
        if (nationalMetric == null) {
            assertNull(c.against(), what);
        } else {
            assertEquals(new Operand(nationalMetric, Scope.NATIONAL, null), c.against(), what);
        }
    }
}
