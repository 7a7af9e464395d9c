package cn.nmsdz.evidence.judgement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.nmsdz.evidence.projection.IndicatorDefinitionEntity;
import cn.nmsdz.evidence.projection.ItemDefinitionEntity;
import cn.nmsdz.support.rest.Problem;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class JudgementRulesTest {
    static final IndicatorDefinitionEntity ITEMS = indicator("12", "3", "items");
    static final IndicatorDefinitionEntity EXPERT_POINTS = indicator("10", "2", "expert_points");
    static final ItemDefinitionEntity ITEM_12_1 = item("12.1", "12", true);
    static final ItemDefinitionEntity ITEM_11_1 = item("11.1", "11", false);

    static IndicatorDefinitionEntity indicator(String code, String max, String rule) {
        IndicatorDefinitionEntity i = new IndicatorDefinitionEntity();
        i.code = code;
        i.maxPoints = new BigDecimal(max);
        i.ruleKind = rule;
        return i;
    }

    static ItemDefinitionEntity item(String code, String indicator, boolean expert) {
        ItemDefinitionEntity i = new ItemDefinitionEntity();
        i.code = code;
        i.indicatorCode = indicator;
        i.expert = expert;
        return i;
    }

    static JudgementInput in(String indicator, String item, Boolean satisfied, String points, String comment) {
        return new JudgementInput(indicator, item, 2025, satisfied, points == null ? null : new BigDecimal(points), comment, null);
    }

    static List<String> fields(List<Problem.FieldError> errors) {
        return errors.stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void anExpertSaysYesOrNoOnAnItemWithAComment() {
        assertEquals(List.of(), JudgementRules.validate(in("12", "12.1", true, null, "制度齐全"), true, ITEMS, ITEM_12_1));
        assertEquals(List.of("/satisfied", "/comment"),
                fields(JudgementRules.validate(in("12", "12.1", null, null, " "), true, ITEMS, ITEM_12_1)));
        assertEquals(List.of("/points"), fields(JudgementRules.validate(in("12", "12.1", true, "1", "x"), true, ITEMS, ITEM_12_1)));
    }

    @Test
    void anExpertGivesPointsOnlyForAWholeExpertPointsIndicatorWithinItsMaximum() {
        assertEquals(List.of(), JudgementRules.validate(in("10", null, null, "1.5", "良好"), true, EXPERT_POINTS, null));
        assertEquals(List.of("/points"), fields(JudgementRules.validate(in("10", null, null, "2.5", "x"), true, EXPERT_POINTS, null)));
        // one decimal at most and not negative: JudgementInput's constraints (RequestPipelineTest), not judged twice
        assertEquals(List.of(), JudgementRules.validate(in("10", null, null, "1.25", "x"), true, EXPERT_POINTS, null));
        assertEquals(List.of("/item"), fields(JudgementRules.validate(in("12", null, null, "1", "x"), true, ITEMS, null)));
    }

    @Test
    void anExpertDoesNotJudgeAnItemDecidedByFigures() {
        assertEquals(List.of("/item"), fields(JudgementRules.validate(in("11", "11.1", true, null, "x"), true,
                indicator("11", "3", "items"), ITEM_11_1)));
    }

    @Test
    void aClaimNeedsNoCommentAndMaySayAWholeIndicatorIsSatisfiedOrClaimPoints() {
        assertEquals(List.of(), JudgementRules.validate(in("12", "12.1", false, null, null), false, ITEMS, ITEM_12_1));
        assertEquals(List.of(), JudgementRules.validate(in("12", null, true, null, null), false, ITEMS, null));
        assertEquals(List.of(), JudgementRules.validate(in("12", null, null, "2", null), false, ITEMS, null));
        assertEquals(List.of("/points"), fields(JudgementRules.validate(in("12", null, true, "2", null), false, ITEMS, null)));
    }

    @Test
    void unknownIndicatorsItemsAndDocumentIdsAreNamed() {
        assertEquals(List.of("/indicator"), fields(JudgementRules.validate(in("99", null, true, null, null), false, null, null)));
        assertEquals(List.of("/item"), fields(JudgementRules.validate(in("12", "11.1", true, null, null), false, ITEMS, ITEM_11_1)));
        JudgementInput docs = new JudgementInput("12", "12.1", 2025, true, null, null, List.of("not-a-uuid"));
        assertEquals(List.of("/documentIds/0"), fields(JudgementRules.validate(docs, false, ITEMS, ITEM_12_1)));
    }

    @Test
    void aJudgementIsForAnAssessmentYearNoLaterThanNextYear() {
        int next = java.time.Year.now(java.time.ZoneOffset.UTC).getValue() + 1;
        JudgementInput noYear = new JudgementInput("12", "12.1", null, true, null, "制度齐全", null);
        // a missing year is JudgementInput's constraint (RequestPipelineTest); the last year moves with the calendar
        assertEquals(List.of(), JudgementRules.validate(noYear, true, ITEMS, ITEM_12_1));
        JudgementInput tooLate = new JudgementInput("12", "12.1", next + 1, true, null, "制度齐全", null);
        assertEquals(List.of("/year"), fields(JudgementRules.validate(tooLate, true, ITEMS, ITEM_12_1)));
        JudgementInput nextYear = new JudgementInput("12", "12.1", next, true, null, "制度齐全", null);
        assertEquals(List.of(), JudgementRules.validate(nextYear, true, ITEMS, ITEM_12_1));
    }
}
