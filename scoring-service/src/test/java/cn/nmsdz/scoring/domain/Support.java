package cn.nmsdz.scoring.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.scoring.domain.engine.ScoringEngine;
import cn.nmsdz.scoring.domain.model.Basis;
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.domain.model.RegionProfile;
import cn.nmsdz.scoring.domain.model.ScoreResult;
import java.math.BigDecimal;
import java.util.List;

/** Shared fixtures: 永川区 (WEST), assessment year 2024, window 2023–2024. */
final class Support {

    static final String R = "500118";
    static final RegionProfile YONGCHUAN = new RegionProfile(R, Zone.WEST);
    static final int Y = 2024;
    static final ScoringEngine ENGINE = new ScoringEngine();

    private Support() {
    }

    static ScoreResult score(IndicatorSystemDocument system, Evidence evidence, Basis basis) {
        return ENGINE.score(system, YONGCHUAN, Y, evidence.build(), basis);
    }

    static IndicatorScore only(IndicatorSystemDocument system, Evidence evidence, Basis basis) {
        return score(system, evidence, basis).indicators().get(0);
    }

    static IndicatorScore confirmed(IndicatorSystemDocument system, Evidence evidence) {
        return only(system, evidence, Basis.CONFIRMED);
    }

    static IndicatorScore projected(IndicatorSystemDocument system, Evidence evidence) {
        return only(system, evidence, Basis.PROJECTED);
    }

    static void assertPoints(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    static void assertExplains(IndicatorScore s, String fragment) {
        assertTrue(s.explanation().stream().anyMatch(l -> l.contains(fragment)),
                () -> "no explanation line contains \"" + fragment + "\": " + s.explanation());
    }

    static String lines(List<String> explanation) {
        return String.join("\n", explanation);
    }
}
