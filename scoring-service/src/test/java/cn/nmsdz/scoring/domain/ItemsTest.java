package cn.nmsdz.scoring.domain;

import static cn.nmsdz.scoring.domain.Catalogue.cond;
import static cn.nmsdz.scoring.domain.Catalogue.condAgainst;
import static cn.nmsdz.scoring.domain.Catalogue.d;
import static cn.nmsdz.scoring.domain.Catalogue.indicator;
import static cn.nmsdz.scoring.domain.Catalogue.item;
import static cn.nmsdz.scoring.domain.Catalogue.national;
import static cn.nmsdz.scoring.domain.Catalogue.self;
import static cn.nmsdz.scoring.domain.Catalogue.system;
import static cn.nmsdz.scoring.domain.Evidence.evidence;
import static cn.nmsdz.scoring.domain.Support.R;
import static cn.nmsdz.scoring.domain.Support.Y;
import static cn.nmsdz.scoring.domain.Support.assertExplains;
import static cn.nmsdz.scoring.domain.Support.assertPoints;
import static cn.nmsdz.scoring.domain.Support.confirmed;
import static cn.nmsdz.scoring.domain.Support.projected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.nmsdz.events.catalogue.Comparison;
import cn.nmsdz.events.catalogue.Condition;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.Rule;
import cn.nmsdz.scoring.domain.model.EvidenceState;
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.domain.model.IndicatorStatus;
import cn.nmsdz.scoring.domain.model.MissingInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** items and any_item: each item on its own; conditions all hold; expert items need the verdict; both when both. */
class ItemsTest {

    /** 17.1: rate > 95 % (2 points); 17.2: expert only (1 point). */
    static final IndicatorSystemDocument RATE_GT_95 = system(indicator("17", "3", new Rule.Items(),
            item("17.1", "2", false, cond(self("clue_check_on_time_rate"), Comparison.GT, "95")),
            item("17.2", "1", true)));

    @Test
    void exactly95IsNotGreaterThan95() {
        IndicatorScore s = confirmed(RATE_GT_95, evidence()
                .obs(R, "clue_check_on_time_rate", Y, "95")
                .verdict("e1", "17", "17.2", true));
        assertPoints("1", s.points());
        assertExplains(s, "17.1 2024: clue_check_on_time_rate 95.00 % > 95 % → does not hold");
        assertExplains(s, "17.1 not satisfied → +0");
        assertEquals(IndicatorStatus.SCORED, s.status());
    }

    @Test
    void justAbove95IsGreater() {
        IndicatorScore s = confirmed(RATE_GT_95, evidence()
                .obs(R, "clue_check_on_time_rate", Y, "95.01")
                .verdict("e1", "17", "17.2", true));
        assertPoints("3", s.points());
        assertExplains(s, "95.01 % > 95 % → holds");
    }

    @Test
    void conditionsAreReadForYearYOnly() {
        IndicatorScore s = confirmed(RATE_GT_95, evidence()
                .obs(R, "clue_check_on_time_rate", Y - 1, "99")
                .verdict("e1", "17", "17.2", true));
        assertPoints("1", s.points());
        assertEquals(IndicatorStatus.MISSING_INPUT, s.status());
        assertEquals(List.of(new MissingInput("clue_check_on_time_rate", R, Y)), s.missing());
    }

    @Test
    void aMissingItemEarnsNothingButTheOthersStillCountAndTheAwaitedExpertIsListed() {
        IndicatorScore s = confirmed(RATE_GT_95, evidence().obs(R, "clue_check_on_time_rate", Y, "99"));
        assertPoints("2", s.points());
        assertEquals(IndicatorStatus.AWAITING_EXPERT, s.status());
        assertEquals(List.of("17.2"), s.awaitingExpert());
        assertEquals(List.of(), s.missing());
    }

    @Test
    void missingInputWinsOverAwaitingExpertInTheStatus() {
        IndicatorScore s = confirmed(RATE_GT_95, evidence());
        assertEquals(IndicatorStatus.MISSING_INPUT, s.status());
        assertEquals(List.of("17.2"), s.awaitingExpert());
        assertEquals(List.of(new MissingInput("clue_check_on_time_rate", R, Y)), s.missing());
    }

    @Test
    void greaterOrEqualAndEqualIncludeTheThreshold() {
        IndicatorSystemDocument system = system(indicator("18", "2", new Rule.Items(),
                item("18.1", "1", false, cond(self("case_upheld_rate"), Comparison.GE, "90")),
                item("18.2", "1", false, cond(self("procedural_violation_cases"), Comparison.EQ, "0"))));
        IndicatorScore ok = confirmed(system, evidence()
                .obs(R, "case_upheld_rate", Y, "90")
                .obs(R, "procedural_violation_cases", Y, "0"));
        assertPoints("2", ok.points());
        IndicatorScore ko = confirmed(system, evidence()
                .obs(R, "case_upheld_rate", Y, "89.99")
                .obs(R, "procedural_violation_cases", Y, "1"));
        assertPoints("0", ko.points());
    }

    @Test
    void allConditionsOfAnItemMustHold() {
        IndicatorSystemDocument system = system(indicator("19", "2", new Rule.Items(),
                item("19.1", "2", false,
                        cond(self("monitoring_check_timely_rate"), Comparison.EQ, "100"),
                        cond(self("monitoring_check_completion_rate"), Comparison.EQ, "100"))));
        assertPoints("2", confirmed(system, evidence()
                .obs(R, "monitoring_check_timely_rate", Y, "100")
                .obs(R, "monitoring_check_completion_rate", Y, "100.00")).points());
        IndicatorScore one = confirmed(system, evidence()
                .obs(R, "monitoring_check_timely_rate", Y, "100")
                .obs(R, "monitoring_check_completion_rate", Y, "99.9"));
        assertPoints("0", one.points());
        // a failed condition settles the item: the other condition's missing input is not reported
        IndicatorScore failedAndMissing = confirmed(system, evidence()
                .obs(R, "monitoring_check_timely_rate", Y, "98"));
        assertEquals(IndicatorStatus.SCORED, failedAndMissing.status());
        assertEquals(List.of(), failedAndMissing.missing());
    }

    @Test
    void conditionAgainstTheNationalFigure() {
        IndicatorSystemDocument system = system(indicator("25", "1", new Rule.Items(),
                item("25.2", "1", false, condAgainst(self("mediation_success_rate"), Comparison.GT,
                        national("mediation_success_rate")))));
        IndicatorScore above = confirmed(system, evidence()
                .obs("CN", "mediation_success_rate", Y, "95")
                .obs(R, "mediation_success_rate", Y, "95.01"));
        assertPoints("1", above.points());
        assertExplains(above, "95.01 % > 95.00 % (CN, published) → holds");
        IndicatorScore equal = confirmed(system, evidence()
                .obs("CN", "mediation_success_rate", Y, "95")
                .obs(R, "mediation_success_rate", Y, "95"));
        assertPoints("0", equal.points());
        IndicatorScore noNational = confirmed(system, evidence().obs(R, "mediation_success_rate", Y, "99"));
        assertEquals(List.of(new MissingInput("mediation_success_rate", "CN", Y)), noNational.missing());
    }

    @Test
    void everyYearConditionMustHoldInEachYear() {
        IndicatorSystemDocument system = system(indicator("38", "1", new Rule.Items(),
                item("38.2", "1", false, new Condition(self("training_coverage"), Comparison.GE, d("90"), null, true))));
        assertPoints("1", confirmed(system, evidence()
                .obs(R, "training_coverage", Y - 1, "90")
                .obs(R, "training_coverage", Y, "95")).points());
        assertPoints("0", confirmed(system, evidence()
                .obs(R, "training_coverage", Y - 1, "89")
                .obs(R, "training_coverage", Y, "95")).points());
        IndicatorScore missingYear = confirmed(system, evidence().obs(R, "training_coverage", Y, "95"));
        assertPoints("0", missingYear.points());
        assertEquals(List.of(new MissingInput("training_coverage", R, Y - 1)), missingYear.missing());
    }

    /** 26.1 (定性+定量): the figure and the mechanism, both needed. */
    static final IndicatorSystemDocument BOTH = system(indicator("26", "2", new Rule.Items(),
            item("26.1", "2", true, cond(self("odr_on_time_rate"), Comparison.GE, "90"))));

    @Test
    void itemWithConditionsAndExpertNeedsBoth() {
        assertPoints("2", confirmed(BOTH, evidence()
                .obs(R, "odr_on_time_rate", Y, "92")
                .verdict("e1", "26", "26.1", true)).points());
        IndicatorScore figureOnly = confirmed(BOTH, evidence().obs(R, "odr_on_time_rate", Y, "92"));
        assertPoints("0", figureOnly.points());
        assertEquals(IndicatorStatus.AWAITING_EXPERT, figureOnly.status());
        assertEquals(List.of("26.1"), figureOnly.awaitingExpert());
        IndicatorScore expertOnly = confirmed(BOTH, evidence()
                .obs(R, "odr_on_time_rate", Y, "89")
                .verdict("e1", "26", "26.1", true));
        assertPoints("0", expertOnly.points());
        IndicatorScore expertSaysNo = confirmed(BOTH, evidence()
                .obs(R, "odr_on_time_rate", Y, "92")
                .verdict("e1", "26", "26.1", false));
        assertPoints("0", expertSaysNo.points());
        assertEquals(IndicatorStatus.SCORED, expertSaysNo.status());
    }

    @Test
    void itemWithoutConditionsIsDecidedByTheExpertEvenIfNotMarkedExpert() {
        IndicatorSystemDocument system = system(indicator("27", "1", new Rule.Items(), item("27.1", "1", false)));
        IndicatorScore none = confirmed(system, evidence());
        assertEquals(List.of("27.1"), none.awaitingExpert());
        assertPoints("1", confirmed(system, evidence().verdict("e1", "27", "27.1", true)).points());
    }

    /** 28: 符合一项即可得3分. */
    static final IndicatorSystemDocument ANY = system(indicator("28", "3", new Rule.AnyItem(d("3")),
            item("28.1", null, true), item("28.2", null, true), item("28.3", null, true)));

    @Test
    void anyItemGivesTheFullPointsForOneSatisfiedItemAndNothingElseIsAwaited() {
        IndicatorScore s = confirmed(ANY, evidence().verdict("e1", "28", "28.2", true));
        assertPoints("3", s.points());
        assertEquals(IndicatorStatus.SCORED, s.status());
        assertEquals(List.of(), s.awaitingExpert());
        assertExplains(s, "any one item suffices: 28.2 → +3");
        assertEquals("any_item", s.ruleKind());
    }

    @Test
    void anyItemWithNoSatisfiedItemScoresZeroAndListsTheAwaitedItems() {
        IndicatorScore s = confirmed(ANY, evidence().verdict("e1", "28", "28.1", false));
        assertPoints("0", s.points());
        assertEquals(IndicatorStatus.AWAITING_EXPERT, s.status());
        assertEquals(List.of("28.2", "28.3"), s.awaitingExpert());
    }

    @Test
    void anyItemDoesNotAddUpSeveralSatisfiedItems() {
        IndicatorScore s = projected(ANY, evidence()
                .verdict("e1", "28", "28.1", true)
                .claim("商务委", "28", "28.3", true, EvidenceState.SUBMITTED));
        assertPoints("3", s.points());
    }

    @Test
    void itemPointsAreSummedAndCappedAtTheIndicatorMaximum() {
        IndicatorSystemDocument system = system(indicator("33", "2", new Rule.Items(),
                item("33.1", "1.5", true), item("33.2", "1", true)));
        IndicatorScore one = confirmed(system, evidence().verdict("e1", "33", "33.2", true));
        assertPoints("1", one.points());
        IndicatorScore both = confirmed(system, evidence()
                .verdict("e1", "33", "33.1", true)
                .verdict("e1", "33", "33.2", true));
        assertPoints("2", both.points());
        assertExplains(both, "capped at the maximum 2");
    }
}
