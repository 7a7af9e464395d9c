package cn.nmsdz.scoring.domain;

import static cn.nmsdz.scoring.domain.Catalogue.band;
import static cn.nmsdz.scoring.domain.Catalogue.d;
import static cn.nmsdz.scoring.domain.Catalogue.indicator;
import static cn.nmsdz.scoring.domain.Catalogue.system;
import static cn.nmsdz.scoring.domain.Evidence.evidence;
import static cn.nmsdz.scoring.domain.Support.R;
import static cn.nmsdz.scoring.domain.Support.Y;
import static cn.nmsdz.scoring.domain.Support.assertExplains;
import static cn.nmsdz.scoring.domain.Support.assertPoints;
import static cn.nmsdz.scoring.domain.Support.confirmed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.Rule;
import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.scoring.domain.model.Basis;
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.domain.model.IndicatorStatus;
import cn.nmsdz.scoring.domain.model.MissingInput;
import cn.nmsdz.scoring.domain.model.RegionProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** count_bands (indicator 4): distinct subjects reaching the zone's threshold (≥) in any window year. */
class CountBandsTest {

    static final String M = "new_operator_ecommerce_sales";

    /** 万元; NORTHEAST has its own (deliberately different) entry so that the test can tell it apart. */
    static final IndicatorSystemDocument SYSTEM = system(indicator("4", "2", new Rule.CountBands(M,
            Map.of(Zone.EAST, d("20000"), Zone.CENTRAL, d("10000"), Zone.WEST, d("5000"), Zone.NORTHEAST, d("8000")),
            List.of(band("1", "1", "1"), band("2", null, "2")))));

    @Test
    void exactly5000WanYuanCountsInTheWest() {
        IndicatorScore s = confirmed(SYSTEM, evidence().subject(R, M, Y, "5000", "91500118AAAAAAAAAA"));
        assertPoints("1", s.points());
        assertEquals(IndicatorStatus.SCORED, s.status());
        assertExplains(s, "threshold for WEST: new_operator_ecommerce_sales ≥ 5000 万元");
        assertExplains(s, "1 distinct subject(s) → band [1, 1] → +1");
    }

    @Test
    void just4999WanYuanDoesNotCount() {
        IndicatorScore s = confirmed(SYSTEM, evidence().subject(R, M, Y, "4999", "91500118AAAAAAAAAA"));
        assertPoints("0", s.points());
        assertEquals(IndicatorStatus.SCORED, s.status());
        assertExplains(s, "not counted");
    }

    @Test
    void anEnterpriseReachingTheThresholdInBothYearsIsCountedOnce() {
        IndicatorScore s = confirmed(SYSTEM, evidence()
                .subject(R, M, Y - 1, "6000", "91500118AAAAAAAAAA")
                .subject(R, M, Y, "7000", "91500118AAAAAAAAAA"));
        assertPoints("1", s.points());
        assertExplains(s, "1 distinct subject(s)");
    }

    @Test
    void twoEnterprisesInDifferentYearsScoreTheTopBand() {
        IndicatorScore s = confirmed(SYSTEM, evidence()
                .subject(R, M, Y - 1, "6000", "91500118AAAAAAAAAA")
                .subject(R, M, Y, "5000", "91500118BBBBBBBBBB")
                .subject(R, M, Y - 2, "90000", "91500118CCCCCCCCCC"));   // outside the window
        assertPoints("2", s.points());
        assertExplains(s, "2 distinct subject(s) → band [2, ∞) → +2");
    }

    @Test
    void northeastUsesItsOwnTableEntry() {
        RegionProfile shenyang = new RegionProfile("210100", Zone.NORTHEAST);
        Evidence ev = evidence()
                .subject("210100", M, Y, "8000", "91210100AAAAAAAAAA")   // NORTHEAST 8000: counts
                .subject("210100", M, Y, "7999", "91210100BBBBBBBBBB");  // would count in the WEST, not here
        IndicatorScore s = Support.ENGINE.score(SYSTEM, shenyang, Y, ev.build(), Basis.CONFIRMED).indicators().get(0);
        assertPoints("1", s.points());
        assertExplains(s, "threshold for NORTHEAST: new_operator_ecommerce_sales ≥ 8000");
    }

    @Test
    void theZoneDecidesTheThreshold() {
        Evidence ev = evidence().subject("140829", M, Y, "9999", "91140829AAAAAAAAAA");
        IndicatorScore central = Support.ENGINE.score(SYSTEM, new RegionProfile("140829", Zone.CENTRAL), Y,
                ev.build(), Basis.CONFIRMED).indicators().get(0);
        IndicatorScore west = Support.ENGINE.score(SYSTEM, new RegionProfile("140829", Zone.WEST), Y,
                ev.build(), Basis.CONFIRMED).indicators().get(0);
        assertPoints("0", central.points());
        assertPoints("1", west.points());
    }

    @Test
    void noObservationInTheWindowIsMissingInput() {
        IndicatorScore s = confirmed(SYSTEM, evidence());
        assertPoints("0", s.points());
        assertEquals(IndicatorStatus.MISSING_INPUT, s.status());
        assertEquals(List.of(new MissingInput(M, R, Y - 1), new MissingInput(M, R, Y)), s.missing());
    }

    @Test
    void aZoneWithoutThresholdScoresNothingWithoutThrowing() {
        IndicatorSystemDocument westOnly = system(indicator("4", "2", new Rule.CountBands(M,
                Map.of(Zone.WEST, d("5000")), List.of(band("1", "1", "1"), band("2", null, "2")))));
        IndicatorScore s = Support.ENGINE.score(westOnly, new RegionProfile("210100", Zone.NORTHEAST), Y,
                evidence().subject("210100", M, Y, "90000", "X").build(), Basis.CONFIRMED).indicators().get(0);
        assertPoints("0", s.points());
        assertExplains(s, "no threshold for zone NORTHEAST");
    }

    @Test
    void observationsWithoutSubjectCannotBeCountedAndAreSaidToBeIgnored() {
        IndicatorScore s = confirmed(SYSTEM, evidence().obs(R, M, Y, "90000"));
        assertPoints("0", s.points());
        assertEquals(IndicatorStatus.SCORED, s.status());
        assertExplains(s, "without a subject ignored");
    }
}
