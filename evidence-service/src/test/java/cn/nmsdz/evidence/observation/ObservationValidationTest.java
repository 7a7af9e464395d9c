package cn.nmsdz.evidence.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.evidence.projection.MetricDefinitionEntity;
import cn.nmsdz.support.rest.Problem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ObservationValidationTest {
    static final Map<String, MetricDefinitionEntity> METRICS = Map.of(
            "online_retail_sales", metric("online_retail_sales", "LEVEL", "0", null, false),
            "online_retail_share", metric("online_retail_share", "RATE", "0", "100", false),
            "online_retail_sales_growth", metric("online_retail_sales_growth", "RATE", null, null, false),
            "online_operators", metric("online_operators", "COUNT", "0", null, false),
            "new_operator_ecommerce_sales", metric("new_operator_ecommerce_sales", "LEVEL", "0", null, true));

    static MetricDefinitionEntity metric(String code, String kind, String min, String max, boolean subject) {
        MetricDefinitionEntity m = new MetricDefinitionEntity();
        m.code = code;
        m.kind = kind;
        m.minValue = min == null ? null : new BigDecimal(min);
        m.maxValue = max == null ? null : new BigDecimal(max);
        m.subjectRequired = subject;
        return m;
    }

    static ObservationInput row(String metric, Integer year, String value) {
        return new ObservationInput(metric, year, value == null ? null : new BigDecimal(value), null, "统计公报", null);
    }

    static List<Problem.FieldError> validate(List<ObservationInput> rows) {
        return ObservationService.validate(rows, METRICS, Set.of("1", "2"), 2026);
    }

    @Test
    void aGoodBatchHasNoProblems() {
        assertEquals(List.of(), validate(List.of(row("online_retail_sales", 2025, "321.5"),
                row("online_retail_sales_growth", 2020, "-3.9"), row("online_operators", 2024, "1200"))));
    }

    @Test
    void everyBadRowIsNamedByIndexAndField() {
        List<Problem.FieldError> errors = validate(List.of(row("online_retail_sales", 2025, "1"),
                row("online_retail_sales", 2027, "1"), row("no_such_metric", 2025, "1"), row("online_retail_share", 2025, "100.5")));
        assertEquals(List.of("/1/year", "/2/metric", "/3/value"), errors.stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void aValueBeyondWhatDigitsCanCountIsRefused() {
        // lengths and digits are ObservationInput's constraints; precision − scale of 1E+2147483647 overflows the int
        // in which @Digits counts, so that one is refused here
        assertEquals("/0/value", validate(List.of(row("online_retail_sales", 2025, "1E+2147483647"))).get(0).field());
        assertEquals(List.of(), validate(List.of(row("online_retail_sales", 2025, "123456789012345678.123456"))));
    }

    @Test
    void aRateOutsideItsBoundsAndAFractionalOrNegativeCountAreRefused() {
        assertEquals("/0/value", validate(List.of(row("online_retail_share", 2025, "-1"))).get(0).field());
        assertTrue(validate(List.of(row("online_operators", 2025, "1.5"))).get(0).message().contains("count"));
        assertTrue(validate(List.of(row("online_operators", 2025, "-2"))).get(0).message().contains("count"));
        assertEquals(List.of(), validate(List.of(row("online_operators", 2025, "7.000"))));
    }

    @Test
    void aFutureYearIsRefusedAndMissingFieldsAreLeftToTheConstraints() {
        assertEquals("/0/year", validate(List.of(row("online_retail_sales", 2027, "1"))).get(0).field());
        // metric, year, value, source: ObservationInput's constraints, checked before (RequestPipelineTest, the national
        // load); not judged twice
        assertEquals(List.of(), validate(List.of(new ObservationInput(null, null, null, null, " ", null))));
    }

    @Test
    void aSubjectIsRequiredWhereTheMetricSaysSoAndTheIndicatorMustExist() {
        assertEquals("/0/subject", validate(List.of(row("new_operator_ecommerce_sales", 2025, "6000"))).get(0).field());
        ObservationInput unknownIndicator = new ObservationInput("online_retail_sales", 2025, BigDecimal.ONE, null, "x", "99");
        assertEquals("/0/indicator", validate(List.of(unknownIndicator)).get(0).field());
    }

    @Test
    void anEmptyBatchIsRefusedAsAWhole() {
        // an oversized one never gets here: ObservationBatchReader stops at row 10,001 (413)
        assertEquals("/", validate(List.of()).get(0).field());
    }

    @Test
    void anIndicatorThatDoesNotReadTheMetricIsRefused() {
        Map<String, Set<String>> readers = Map.of("online_retail_sales", Set.of("1", "2"));
        List<Problem.FieldError> errors = ObservationService.validate(
                List.of(new ObservationInput("online_retail_sales", 2025, new java.math.BigDecimal("1"), null, "s", "2"),
                        new ObservationInput("online_retail_sales", 2025, new java.math.BigDecimal("1"), null, "s", "3")),
                METRICS, Set.of("1", "2", "3"), readers, 2026);
        assertEquals(List.of("/1/indicator"), errors.stream().map(Problem.FieldError::field).toList());
    }
}
