package cn.nmsdz.scoring.domain;

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
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.domain.model.IndicatorStatus;
import cn.nmsdz.scoring.domain.model.MissingInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** capped_count (indicator 34): counted records over the window × points per count, capped at the maximum. */
class CappedCountTest {

    static final IndicatorSystemDocument SYSTEM = system(indicator("34", "2",
            new Rule.CappedCount("institutional_outputs", d("0.5"))));

    @Test
    void recordsOfBothYearsAndAllSubjectsAreSummed() {
        IndicatorScore s = confirmed(SYSTEM, evidence()
                .subject(R, "institutional_outputs", Y - 1, "1", "doc-a")
                .subject(R, "institutional_outputs", Y, "1", "doc-b")
                .obs(R, "institutional_outputs", Y - 2, "9"));            // outside the window
        assertPoints("1", s.points());
        assertEquals(IndicatorStatus.SCORED, s.status());
        assertExplains(s, "→ 2 × 0.5 = 1");
    }

    @Test
    void pointsAreCappedAtTheMaximum() {
        IndicatorScore s = confirmed(SYSTEM, evidence()
                .obs(R, "institutional_outputs", Y - 1, "3")
                .obs(R, "institutional_outputs", Y, "4"));
        assertPoints("2", s.points());
        assertExplains(s, "capped at the maximum 2");
    }

    @Test
    void aCorrectedCountReplacesTheEarlierOne() {
        IndicatorScore s = confirmed(SYSTEM, evidence()
                .obs(R, "institutional_outputs", Y, "4")
                .obs(R, "institutional_outputs", Y, "1"));
        assertPoints("0.5", s.points());
    }

    @Test
    void nothingInTheWindowIsMissingInput() {
        IndicatorScore s = confirmed(SYSTEM, evidence());
        assertPoints("0", s.points());
        assertEquals(IndicatorStatus.MISSING_INPUT, s.status());
        assertEquals(List.of(new MissingInput("institutional_outputs", R, Y - 1),
                new MissingInput("institutional_outputs", R, Y)), s.missing());
    }
}
