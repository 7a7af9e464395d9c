package cn.nmsdz.scoring.domain;

import static cn.nmsdz.scoring.domain.Evidence.evidence;
import static cn.nmsdz.scoring.domain.Support.R;
import static cn.nmsdz.scoring.domain.Support.Y;
import static cn.nmsdz.scoring.domain.Support.assertExplains;
import static cn.nmsdz.scoring.domain.Support.assertPoints;
import static cn.nmsdz.scoring.domain.Support.confirmed;
import static cn.nmsdz.scoring.domain.Support.projected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.scoring.domain.model.EvidenceState;
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.domain.model.IndicatorStatus;
import cn.nmsdz.scoring.domain.model.MissingInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which observation versions count in which basis, and which one wins. */
class EvidenceSelectionTest {

    private static Evidence nationalAnd2023() {
        return YearlyComparisonTest.national().obs(R, "online_retail_sales_growth", Y - 1, "12");
    }

    @Test
    void aPendingObservationCountsInProjectedOnly() {
        Evidence ev = nationalAnd2023().pending(R, "online_retail_sales_growth", Y, "12.3");
        IndicatorScore c = confirmed(YearlyComparisonTest.GROWTH, ev);
        assertPoints("1", c.points());
        assertEquals(IndicatorStatus.MISSING_INPUT, c.status());
        assertEquals(List.of(new MissingInput("online_retail_sales_growth", R, Y),
                new MissingInput("online_retail_sales", R, Y - 1), new MissingInput("online_retail_sales", R, Y)),
                c.missing());
        IndicatorScore p = projected(YearlyComparisonTest.GROWTH, ev);
        assertPoints("2", p.points());
        assertEquals(IndicatorStatus.SCORED, p.status());
    }

    @Test
    void rejectedAndWithdrawnObservationsNeverCount() {
        Evidence ev = nationalAnd2023()
                .obs(R, "online_retail_sales_growth", Y, "12.3", null, EvidenceState.REJECTED)
                .obs(R, "online_retail_sales_growth", Y, "12.4", null, EvidenceState.WITHDRAWN);
        assertPoints("1", confirmed(YearlyComparisonTest.GROWTH, ev).points());
        assertPoints("1", projected(YearlyComparisonTest.GROWTH, ev).points());
    }

    @Test
    void theLatestAcceptedCorrectionWins() {
        Evidence ev = nationalAnd2023()
                .obs(R, "online_retail_sales_growth", Y, "12.3")
                .obs(R, "online_retail_sales_growth", Y, "6.0");      // corrected below the national 7.2
        IndicatorScore c = confirmed(YearlyComparisonTest.GROWTH, ev);
        assertPoints("1", c.points());
        assertExplains(c, "2024: 6.00 % ≤ 7.20 %");
        assertEquals(4, c.inputs().size());   // two national figures and the region's 2023 and 2024
        assertTrue(c.inputs().stream().noneMatch(i -> i.value().compareTo(new java.math.BigDecimal("12.3")) == 0));
    }

    @Test
    void aPendingCorrectionWinsOnlyInProjectedAndARejectedOneNever() {
        Evidence ev = nationalAnd2023()
                .obs(R, "online_retail_sales_growth", Y, "12.3")
                .pending(R, "online_retail_sales_growth", Y, "6.0")
                .obs(R, "online_retail_sales_growth", Y, "1.0", null, EvidenceState.REJECTED);
        assertExplains(confirmed(YearlyComparisonTest.GROWTH, ev), "2024: 12.30 % > 7.20 %");
        assertExplains(projected(YearlyComparisonTest.GROWTH, ev), "2024: 6.00 % ≤ 7.20 %");
    }

    @Test
    void observationsOfOtherRegionsAndOutsideTheWindowAreIgnored() {
        Evidence ev = YearlyComparisonTest.national()
                .obs("500101", "online_retail_sales_growth", Y, "50")
                .obs(R, "online_retail_sales_growth", Y + 1, "50")
                .obs(R, "online_retail_sales_growth", Y - 2, "50");
        IndicatorScore s = confirmed(YearlyComparisonTest.GROWTH, ev);
        assertPoints("0", s.points());
        assertEquals(IndicatorStatus.MISSING_INPUT, s.status());
    }
}
