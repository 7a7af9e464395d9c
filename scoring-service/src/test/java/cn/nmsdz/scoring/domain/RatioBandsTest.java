package cn.nmsdz.scoring.domain;

import static cn.nmsdz.scoring.domain.Catalogue.band;
import static cn.nmsdz.scoring.domain.Catalogue.indicator;
import static cn.nmsdz.scoring.domain.Catalogue.ratio;
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
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.domain.model.IndicatorStatus;
import cn.nmsdz.scoring.domain.model.MissingInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ratio_bands: year Y only, bands include both ends, the higher band wins on a shared end. */
class RatioBandsTest {

    /** Indicator 3 shape: online_operators / market_entities × 100; [3, 8] → 1, [8, 15] → 1.5, [15, ∞) → 2. */
    static final IndicatorSystemDocument SYSTEM = system(indicator("3", "2",
            new Rule.RatioBands(ratio("online_operators", "market_entities", "100"), List.of(
                    band("3", "8", "1"), band("8", "15", "1.5"), band("15", null, "2")))));

    private static IndicatorScore withRatio(String operators, String entities) {
        return confirmed(SYSTEM, evidence()
                .obs(R, "online_operators", Y, operators)
                .obs(R, "market_entities", Y, entities)
                .obs(R, "online_operators", Y - 1, "999")      // other years are not read
                .obs(R, "market_entities", Y - 1, "1000"));
    }

    @Test
    void exactly15PercentScoresTheHigherBand() {
        IndicatorScore s = withRatio("150", "1000");
        assertPoints("2", s.points());
        assertEquals(IndicatorStatus.SCORED, s.status());
        assertExplains(s, "15.00 %");
        assertExplains(s, "[15, ∞) → +2");
    }

    @Test
    void exactly8PercentScoresTheHigherBand() {
        IndicatorScore s = withRatio("80", "1000");
        assertPoints("1.5", s.points());
        assertExplains(s, "[8, 15] → +1.5");
    }

    @Test
    void justBelowASharedEndStaysInTheLowerBand() {
        assertPoints("1.5", withRatio("1499", "10000").points());   // 14.99 %
        assertPoints("1", withRatio("799", "10000").points());      // 7.99 %
    }

    @Test
    void lowerEndOfTheLowestBandIsIncludedAndBelowAllBandsScoresZero() {
        assertPoints("1", withRatio("30", "1000").points());        // exactly 3 %
        IndicatorScore below = withRatio("29", "1000");             // 2.9 %
        assertPoints("0", below.points());
        assertEquals(IndicatorStatus.SCORED, below.status());
        assertExplains(below, "in no band");
    }

    @Test
    void onlyYearYIsRead() {
        IndicatorScore s = confirmed(SYSTEM, evidence()
                .obs(R, "online_operators", Y - 1, "200")
                .obs(R, "market_entities", Y - 1, "1000"));
        assertPoints("0", s.points());
        assertEquals(IndicatorStatus.MISSING_INPUT, s.status());
        assertEquals(List.of(new MissingInput("online_operators", R, Y), new MissingInput("market_entities", R, Y)),
                s.missing());
    }

    @Test
    void zeroDenominatorGivesNothingAndNamesTheDenominatorWithoutThrowing() {
        IndicatorScore s = withRatio("150", "0");
        assertPoints("0", s.points());
        assertEquals(IndicatorStatus.MISSING_INPUT, s.status());
        assertEquals(List.of(new MissingInput("market_entities", R, Y)), s.missing());
        assertExplains(s, "division by zero");
    }

    @Test
    void inputsCarryEvidenceIdsAndValues() {
        IndicatorScore s = withRatio("150", "1000");
        assertEquals(2, s.inputs().size());
        assertTrue(s.inputs().stream().allMatch(i -> i.evidenceId() != null && i.year() == Y));
        assertTrue(s.inputs().stream().anyMatch(i -> i.metric().equals("market_entities")
                && i.value().intValue() == 1000 && i.role().contains("denominator")));
    }
}
