package cn.nmsdz.scoring.domain;

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
import cn.nmsdz.events.catalogue.PassStandard;
import cn.nmsdz.events.catalogue.Rule;
import cn.nmsdz.events.catalogue.Scope;
import cn.nmsdz.events.catalogue.SecondLevelNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test-data builder for small hand-built indicator systems. */
final class Catalogue {

    static final List<MetricDefinition> METRICS = List.of(
            metric("online_retail_sales", "亿元", MetricKind.LEVEL),
            metric("online_retail_sales_growth", "%", MetricKind.RATE),
            metric("retail_sales_total", "亿元", MetricKind.LEVEL),
            metric("online_retail_share", "%", MetricKind.RATE),
            metric("online_operators", "户", MetricKind.COUNT),
            metric("market_entities", "户", MetricKind.COUNT),
            metric("new_operator_ecommerce_sales", "万元", MetricKind.LEVEL),
            metric("clue_check_on_time_rate", "%", MetricKind.RATE),
            metric("mediation_success_rate", "%", MetricKind.RATE),
            metric("odr_on_time_rate", "%", MetricKind.RATE),
            metric("institutional_outputs", "项", MetricKind.COUNT));

    private Catalogue() {
    }

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static MetricDefinition metric(String code, String unit, MetricKind kind) {
        return new MetricDefinition(code, code, unit, kind, null, null, false, null);
    }

    static Operand self(String metric) {
        return new Operand(metric, Scope.SELF, null);
    }

    static Operand national(String metric) {
        return new Operand(metric, Scope.NATIONAL, null);
    }

    /** A published growth metric that falls back to (level_Y / level_Y-1 − 1) × 100. */
    static Operand growth(Scope scope, String published, String level) {
        return new Operand(published, scope, new Operand.Derivation(level, null, null, null));
    }

    /** numerator / denominator × scale, derivation only. */
    static Operand ratio(String numerator, String denominator, String scale) {
        return new Operand(null, Scope.SELF, new Operand.Derivation(null, numerator, denominator, d(scale)));
    }

    static Band band(String min, String max, String points) {
        return new Band(min == null ? null : d(min), max == null ? null : d(max), d(points));
    }

    static Condition cond(Operand value, Comparison op, String threshold) {
        return new Condition(value, op, d(threshold), null, false);
    }

    static Condition condAgainst(Operand value, Comparison op, Operand against) {
        return new Condition(value, op, null, against, false);
    }

    static Item item(String code, String points, boolean expert, Condition... conditions) {
        return new Item(code, "item " + code, points == null ? null : d(points), expert, List.of(conditions));
    }

    static Indicator indicator(String code, String max, Rule rule, Item... items) {
        return new Indicator(code, Integer.parseInt(code), "indicator " + code, d(max), Nature.QUANTITATIVE,
                "定量", "standard " + code, List.of("数据比对"), List.of("统计局"), List.of(items), rule);
    }

    /** One first-level node "A" with one second-level node "A1" holding the indicators; window of 2 years. */
    static IndicatorSystemDocument system(Indicator... indicators) {
        BigDecimal max = Arrays.stream(indicators).map(Indicator::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        SecondLevelNode second = new SecondLevelNode("A1", "发展规模", max, List.of(indicators));
        FirstLevelNode first = new FirstLevelNode("A", "促进发展", max, List.of(second));
        return new IndicatorSystemDocument("TEST", 1, "test system", 2,
                new PassStandard(d("85"), d("75")), List.of(), METRICS, List.of(first));
    }

    /**
     * The official shape in miniature: five first-level nodes of 20/25/20/20/15 points, each with one
     * second-level node holding one expert_points indicator of the same maximum (codes 1 … 5), so that
     * any total can be set through expert points.
     */
    static IndicatorSystemDocument fiveNodes(String minTotal, String minRate) {
        String[][] nodes = {
                {"A", "促进发展", "20"}, {"B", "规范监管", "25"}, {"C", "优化服务", "20"},
                {"D", "社会共治", "20"}, {"E", "保障措施", "15"}};
        List<FirstLevelNode> first = new ArrayList<>();
        for (int i = 0; i < nodes.length; i++) {
            Indicator ind = indicator(String.valueOf(i + 1), nodes[i][2], new Rule.ExpertPoints());
            SecondLevelNode second = new SecondLevelNode(nodes[i][0] + "1", nodes[i][1] + " 1",
                    d(nodes[i][2]), List.of(ind));
            first.add(new FirstLevelNode(nodes[i][0], nodes[i][1], d(nodes[i][2]), List.of(second)));
        }
        return new IndicatorSystemDocument("TEST", 1, "test system", 2,
                new PassStandard(d(minTotal), d(minRate)), List.of(), METRICS, first);
    }
}
