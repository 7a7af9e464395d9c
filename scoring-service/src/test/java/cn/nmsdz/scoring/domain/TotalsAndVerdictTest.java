package cn.nmsdz.scoring.domain;

import static cn.nmsdz.scoring.domain.Catalogue.fiveNodes;
import static cn.nmsdz.scoring.domain.Evidence.evidence;
import static cn.nmsdz.scoring.domain.Support.assertPoints;
import static cn.nmsdz.scoring.domain.Support.score;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.scoring.domain.model.Basis;
import cn.nmsdz.scoring.domain.model.FirstLevelScore;
import cn.nmsdz.scoring.domain.model.ScoreResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Totals, first/second-level rates and the pass verdict (total ≥ 85 and every first-level rate ≥ 75 %). */
class TotalsAndVerdictTest {

    static final IndicatorSystemDocument SYSTEM = fiveNodes("85", "75");

    /** Expert points for indicators 1 … 5 (nodes A 20, B 25, C 20, D 20, E 15). */
    private static ScoreResult scored(IndicatorSystemDocument system, String a, String b, String c, String d, String e) {
        return score(system, evidence()
                .points("e1", "1", a).points("e1", "2", b).points("e1", "3", c)
                .points("e1", "4", d).points("e1", "5", e), Basis.CONFIRMED);
    }

    @Test
    void passesAtExactly85AndExactly75Percent() {
        ScoreResult r = scored(SYSTEM, "15", "20", "18", "17", "15");   // A 15/20 = 75 %
        assertPoints("85", r.total());
        assertPoints("100", r.maxTotal());
        assertPoints("75.00", r.firstLevel().get(0).rate());
        assertTrue(r.verdict().passed(), () -> r.verdict().reasons().toString());
        assertEquals(List.of(), r.verdict().reasons());
    }

    @Test
    void failsJustBelow85WithTheNumbers() {
        ScoreResult r = scored(SYSTEM, "15", "20", "18", "17", "14.9");
        assertPoints("84.9", r.total());
        assertFalse(r.verdict().passed());
        assertEquals(List.of("total 84.9 < 85"), r.verdict().reasons());
    }

    @Test
    void aTotalAbove85FailsOnOneFirstLevelRate() {
        ScoreResult r = scored(SYSTEM, "20", "18.7", "20", "20", "15");  // B 18.7/25 = 74.80 %
        assertPoints("93.7", r.total());
        assertFalse(r.verdict().passed());
        assertEquals(List.of("B 规范监管 rate 74.80 % < 75 %"), r.verdict().reasons());
    }

    @Test
    void everyFailureIsListed() {
        ScoreResult r = scored(SYSTEM, "14", "18", "20", "20", "11");
        assertFalse(r.verdict().passed());
        assertEquals(List.of("total 83.0 < 85", "A 促进发展 rate 70.00 % < 75 %",
                "B 规范监管 rate 72.00 % < 75 %", "E 保障措施 rate 73.33 % < 75 %"), r.verdict().reasons());
    }

    @Test
    void ratesAreRoundedHalfUpToTwoDecimals() {
        ScoreResult r = scored(SYSTEM, "20", "25", "20", "20", "11.3");  // 11.3/15 = 75.333…
        FirstLevelScore e = r.firstLevel().get(4);
        assertEquals("75.33", e.rate().toPlainString());
        assertEquals("75.33", e.children().get(0).rate().toPlainString());
        assertPoints("11.3", e.children().get(0).points());
        assertTrue(r.verdict().passed());
        ScoreResult up = scored(SYSTEM, "20", "25", "20", "20", "11.9");  // 79.333… and 11.9/15
        assertEquals("79.33", up.firstLevel().get(4).rate().toPlainString());
        ScoreResult half = scored(SYSTEM, "20", "25", "20", "20", "13.1"); // 87.3333
        assertEquals("87.33", half.firstLevel().get(4).rate().toPlainString());
    }

    @Test
    void aRevisedStandardIsDataNotCode() {
        ScoreResult r = scored(fiveNodes("85", "80"), "15", "20", "18", "17", "15");
        assertFalse(r.verdict().passed());
        assertEquals(List.of("A 促进发展 rate 75.00 % < 80 %"), r.verdict().reasons());
    }

    @Test
    void totalsAreSumsOfIndicatorPointsAndResultsKeepCatalogueOrder() {
        ScoreResult r = scored(SYSTEM, "10", "20.5", "3", "0", "7");
        assertPoints("40.5", r.total());
        assertEquals(List.of("1", "2", "3", "4", "5"), r.indicators().stream().map(i -> i.code()).toList());
        assertEquals(List.of("A", "B", "C", "D", "E"), r.firstLevel().stream().map(FirstLevelScore::code).toList());
        assertPoints("20.5", r.firstLevel().get(1).points());
        assertPoints("82.00", r.firstLevel().get(1).rate());
        assertEquals(Basis.CONFIRMED, r.basis());
    }

    @Test
    void scoringIsDeterministic() {
        assertEquals(scored(SYSTEM, "10", "20.5", "3", "0", "7"), scored(SYSTEM, "10", "20.5", "3", "0", "7"));
    }
}
