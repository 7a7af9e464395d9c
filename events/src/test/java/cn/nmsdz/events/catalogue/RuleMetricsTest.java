package cn.nmsdz.events.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleMetricsTest {

    static Indicator indicator(Rule rule, List<Item> items) {
        return new Indicator("x", 1, "n", BigDecimal.TEN, null, "定量", "", List.of(), List.of(), items, rule);
    }

    @Test
    void aComparisonReadsItsMetricsAndWhatTheyAreDerivedFrom() {
        Operand growth = new Operand("online_retail_sales_growth", Scope.SELF,
                new Operand.Derivation("online_retail_sales", null, null, null));
        Operand national = new Operand("online_retail_sales_growth", Scope.NATIONAL, null);
        assertEquals(Set.of("online_retail_sales_growth", "online_retail_sales"),
                RuleMetrics.of(indicator(new Rule.YearlyComparison(growth, national, BigDecimal.ONE), List.of())));
    }

    @Test
    void ratiosCountsAndItemConditionsNameTheirMetrics() {
        Operand ratio = new Operand(null, Scope.SELF, new Operand.Derivation(null, "online_operators", "market_entities",
                new BigDecimal("100")));
        assertEquals(Set.of("online_operators", "market_entities"),
                RuleMetrics.of(indicator(new Rule.RatioBands(ratio, List.of()), List.of())));
        assertEquals(Set.of("institutional_outputs"),
                RuleMetrics.of(indicator(new Rule.CappedCount("institutional_outputs", BigDecimal.ONE), List.of())));
        Item item = new Item("17.1", "t", BigDecimal.ONE, false, List.of(new Condition(
                new Operand("clue_check_on_time_rate", Scope.SELF, null), Comparison.EQ, new BigDecimal("100"), null, false)));
        assertEquals(Set.of("clue_check_on_time_rate"), RuleMetrics.of(indicator(new Rule.Items(), List.of(item))));
        assertEquals(Set.of(), RuleMetrics.of(indicator(new Rule.ExpertPoints(), List.of())));
    }
}
