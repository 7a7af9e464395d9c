package cn.nmsdz.scoring.domain;

import static cn.nmsdz.scoring.domain.Catalogue.d;
import static cn.nmsdz.scoring.domain.Catalogue.growth;
import static cn.nmsdz.scoring.domain.Catalogue.indicator;
import static cn.nmsdz.scoring.domain.Catalogue.system;
import static cn.nmsdz.scoring.domain.Evidence.evidence;
import static cn.nmsdz.scoring.domain.Support.R;
import static cn.nmsdz.scoring.domain.Support.Y;
import static cn.nmsdz.scoring.domain.Support.assertExplains;
import static cn.nmsdz.scoring.domain.Support.assertPoints;
import static cn.nmsdz.scoring.domain.Support.confirmed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.Rule;
import cn.nmsdz.events.catalogue.Scope;
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.domain.model.IndicatorStatus;
import cn.nmsdz.scoring.domain.model.MissingInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** yearly_comparison: each year of the window on its own, strictly greater, published rate wins. */
class YearlyComparisonTest {

    /** Indicator 1: the region's online retail growth > the national one, +1 per year. */
    static final IndicatorSystemDocument GROWTH = system(indicator("1", "2", new Rule.YearlyComparison(
            growth(Scope.SELF, "online_retail_sales_growth", "online_retail_sales"),
            growth(Scope.NATIONAL, "online_retail_sales_growth", "online_retail_sales"),
            d("1"))));

    /** National published growth 2023: 11.0 %, 2024: 7.2 %. */
    static Evidence national() {
        return evidence()
                .obs("CN", "online_retail_sales_growth", Y - 1, "11.0")
                .obs("CN", "online_retail_sales_growth", Y, "7.2");
    }

    @Test
    void eachYearAboveTheNationalFigureEarnsItsPointAndTheExplanationShowsTheComparison() {
        IndicatorScore s = confirmed(GROWTH, national()
                .obs(R, "online_retail_sales_growth", Y - 1, "11.5")
                .obs(R, "online_retail_sales_growth", Y, "12.3"));
        assertPoints("2", s.points());
        assertEquals(IndicatorStatus.SCORED, s.status());
        assertEquals("yearly_comparison", s.ruleKind());
        assertExplains(s, "2023: 11.50 % > 11.00 % (CN, published) → +1");
        assertExplains(s, "2024: 12.30 % > 7.20 % (CN, published) → +1");
        assertEquals(4, s.inputs().size());
    }

    @Test
    void equalToTheComparatorIsNotGreater() {
        IndicatorScore s = confirmed(GROWTH, national()
                .obs(R, "online_retail_sales_growth", Y - 1, "11.00")
                .obs(R, "online_retail_sales_growth", Y, "7.21"));
        assertPoints("1", s.points());
        assertExplains(s, "2023: 11.00 % ≤ 11.00 % (CN, published) → +0");
        assertExplains(s, "2024: 7.21 % > 7.20 %");
    }

    @Test
    void publishedGrowthWinsOverDerivedGrowth() {
        // levels would derive 20 % in 2024, but the published 5.0 % is used: 5.0 ≤ 7.2 → +0
        IndicatorScore s = confirmed(GROWTH, national()
                .obs(R, "online_retail_sales", Y - 2, "80")
                .obs(R, "online_retail_sales", Y - 1, "100")
                .obs(R, "online_retail_sales", Y, "120")
                .obs(R, "online_retail_sales_growth", Y, "5.0"));
        assertExplains(s, "2024: 5.00 % ≤ 7.20 % (CN, published) → +0");
        // 2023 has no published figure: derived (100/80 − 1) × 100 = 25 % > 11 %
        assertExplains(s, "2023: 25.00 % (500118, derived: (online_retail_sales 2023 / 2022 − 1) × 100) > 11.00 %");
        assertPoints("1", s.points());
        assertEquals(IndicatorStatus.SCORED, s.status());
    }

    @Test
    void publishedNationalGrowthWinsOverNationalLevels() {
        // NATIONAL_STATS.md: 2024 159722 vs 155200 derives 2.9 %, the published 8.6 % must be used
        IndicatorScore s = confirmed(GROWTH, evidence()
                .obs("CN", "online_retail_sales", Y - 1, "155200")
                .obs("CN", "online_retail_sales", Y, "159722")
                .obs("CN", "online_retail_sales_growth", Y, "8.6")
                .obs("CN", "online_retail_sales_growth", Y - 1, "7.2")
                .obs(R, "online_retail_sales_growth", Y - 1, "8.0")
                .obs(R, "online_retail_sales_growth", Y, "5.0"));
        assertExplains(s, "2024: 5.00 % ≤ 8.60 % (CN, published) → +0");
        assertExplains(s, "2023: 8.00 % > 7.20 % (CN, published) → +1");
        assertPoints("1", s.points());
    }

    @Test
    void derivedGrowthWithMissingLevelOfYMinus2MissesThatYearButTheOtherYearStillScores() {
        IndicatorScore s = confirmed(GROWTH, national()
                .obs(R, "online_retail_sales", Y - 1, "100")
                .obs(R, "online_retail_sales", Y, "112.3"));
        assertPoints("1", s.points());
        assertEquals(IndicatorStatus.MISSING_INPUT, s.status());
        // the published growth of 2023 would win; failing it, the derivation lacks the level of 2022
        assertEquals(List.of(new MissingInput("online_retail_sales_growth", R, Y - 1),
                new MissingInput("online_retail_sales", R, Y - 2)), s.missing());
        assertExplains(s, "2024: 12.30 % (500118, derived: (online_retail_sales 2024 / 2023 − 1) × 100) > 7.20 % (CN, published) → +1");
        assertExplains(s, "2023: no published online_retail_sales_growth for 500118 2023; derived growth needs online_retail_sales 500118 2022");
    }

    @Test
    void missingNationalComparatorIsListedWithRegionCn() {
        IndicatorScore s = confirmed(GROWTH, evidence()
                .obs("CN", "online_retail_sales_growth", Y, "7.2")
                .obs(R, "online_retail_sales_growth", Y - 1, "11.5")
                .obs(R, "online_retail_sales_growth", Y, "12.3"));
        assertPoints("1", s.points());
        assertEquals(IndicatorStatus.MISSING_INPUT, s.status());
        // the published national growth of 2023 first, then the levels it could be derived from
        assertEquals(List.of(new MissingInput("online_retail_sales_growth", "CN", Y - 1),
                new MissingInput("online_retail_sales", "CN", Y - 2),
                new MissingInput("online_retail_sales", "CN", Y - 1)), s.missing());
    }

    @Test
    void derivedGrowthFromAZeroBaseIsUndefinedNotAnException() {
        IndicatorScore s = confirmed(GROWTH, national()
                .obs(R, "online_retail_sales", Y - 2, "50")
                .obs(R, "online_retail_sales", Y - 1, "0")
                .obs(R, "online_retail_sales", Y, "10"));
        assertPoints("0", s.points());   // 2023: −100 % ≤ 11 %; 2024: undefined
        assertEquals(List.of(new MissingInput("online_retail_sales_growth", R, Y),
                new MissingInput("online_retail_sales", R, Y - 1)), s.missing());
        assertExplains(s, "division by zero");
    }

    @Test
    void comparatorMayBeAnotherMetricOfTheRegionItself() {
        // indicator 2 shape: online retail growth > total retail growth of the same region
        IndicatorSystemDocument system = system(indicator("2", "2", new Rule.YearlyComparison(
                Catalogue.self("online_retail_sales_growth"), Catalogue.self("retail_sales_total_growth"), d("1"))));
        IndicatorScore s = confirmed(system, evidence()
                .obs(R, "online_retail_sales_growth", Y - 1, "9")
                .obs(R, "retail_sales_total_growth", Y - 1, "9.5")
                .obs(R, "online_retail_sales_growth", Y, "10")
                .obs(R, "retail_sales_total_growth", Y, "4"));
        assertPoints("1", s.points());
        assertTrue(s.explanation().stream().anyMatch(l -> l.startsWith("2024: 10.00 % > 4.00 (500118, published) → +1")),
                () -> Support.lines(s.explanation()));
    }
}
