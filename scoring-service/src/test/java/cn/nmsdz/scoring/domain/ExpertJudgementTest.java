package cn.nmsdz.scoring.domain;

import static cn.nmsdz.scoring.domain.Catalogue.indicator;
import static cn.nmsdz.scoring.domain.Catalogue.item;
import static cn.nmsdz.scoring.domain.Catalogue.system;
import static cn.nmsdz.scoring.domain.Evidence.evidence;
import static cn.nmsdz.scoring.domain.Support.assertExplains;
import static cn.nmsdz.scoring.domain.Support.assertPoints;
import static cn.nmsdz.scoring.domain.Support.confirmed;
import static cn.nmsdz.scoring.domain.Support.projected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.Rule;
import cn.nmsdz.scoring.domain.model.EvidenceState;
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.domain.model.IndicatorStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expert verdicts (strict majority of each expert's latest, mean half-up) and self-assessment claims. */
class ExpertJudgementTest {

    /** 12.1: expert item worth 2 points. */
    static final IndicatorSystemDocument YES_NO = system(indicator("12", "2", new Rule.Items(),
            item("12.1", "2", true)));

    /** 10: an expert awards 0 … 4 points. */
    static final IndicatorSystemDocument POINTS = system(indicator("10", "4", new Rule.ExpertPoints()));

    @Test
    void aTieOfExpertsIsNotSatisfied() {
        IndicatorScore s = confirmed(YES_NO, evidence()
                .verdict("e1", "12", "12.1", true)
                .verdict("e2", "12", "12.1", false));
        assertPoints("0", s.points());
        assertEquals(IndicatorStatus.SCORED, s.status());
        assertExplains(s, "experts 1 of 2 yes");
        assertExplains(s, "tie, no strict majority");
    }

    @Test
    void aStrictMajorityIsSatisfied() {
        IndicatorScore s = confirmed(YES_NO, evidence()
                .verdict("e1", "12", "12.1", true)
                .verdict("e2", "12", "12.1", false)
                .verdict("e3", "12", "12.1", true));
        assertPoints("2", s.points());
        assertEquals(3, s.inputs().size());
    }

    @Test
    void onlyTheLatestVerdictOfEachExpertCounts() {
        IndicatorScore revisedToYes = confirmed(YES_NO, evidence()
                .verdict("e1", "12", "12.1", false)
                .verdict("e2", "12", "12.1", true)
                .verdict("e1", "12", "12.1", true));   // e1 revises: 2 of 2, not 2 of 3
        assertPoints("2", revisedToYes.points());
        assertExplains(revisedToYes, "experts 2 of 2 yes");
        IndicatorScore revisedToNo = confirmed(YES_NO, evidence()
                .verdict("e1", "12", "12.1", true)
                .verdict("e1", "12", "12.1", false));
        assertPoints("0", revisedToNo.points());
    }

    @Test
    void latestIsTheHighestPositionNotTheListOrder() {
        var ev = new cn.nmsdz.scoring.domain.model.EvidenceSet(List.of(), List.of(
                new cn.nmsdz.scoring.domain.model.ExpertVerdict("v9", "e1", "12", "12.1", true, null, 9),
                new cn.nmsdz.scoring.domain.model.ExpertVerdict("v3", "e1", "12", "12.1", false, null, 3)), List.of());
        IndicatorScore s = Support.ENGINE.score(YES_NO, Support.YONGCHUAN, Support.Y, ev,
                cn.nmsdz.scoring.domain.model.Basis.CONFIRMED).indicators().get(0);
        assertPoints("2", s.points());
    }

    @Test
    void expertPointsAreTheMeanRoundedHalfUpToOneDecimal() {
        IndicatorScore s = confirmed(POINTS, evidence()
                .points("e1", "10", "2")
                .points("e2", "10", "2.5"));       // 2.25 → 2.3
        assertPoints("2.3", s.points());
        assertEquals(IndicatorStatus.SCORED, s.status());
        assertEquals("expert_points", s.ruleKind());
        assertExplains(s, "mean 2.3");
        IndicatorScore down = confirmed(POINTS, evidence()
                .points("e1", "10", "2")
                .points("e2", "10", "2.4")
                .points("e3", "10", "2.3"));       // 2.2333 → 2.2
        assertPoints("2.2", down.points());
    }

    @Test
    void expertPointsUseEachExpertsLatestAwardAndAreCappedAtTheMaximum() {
        IndicatorScore revised = confirmed(POINTS, evidence()
                .points("e1", "10", "1")
                .points("e2", "10", "3")
                .points("e1", "10", "4"));          // e1 revises 1 → 4: mean 3.5
        assertPoints("3.5", revised.points());
        IndicatorScore capped = confirmed(POINTS, evidence().points("e1", "10", "5"));
        assertPoints("4", capped.points());
        assertExplains(capped, "capped at the maximum 4");
    }

    @Test
    void noExpertPointsYetIsAwaited() {
        IndicatorScore s = confirmed(POINTS, evidence());
        assertPoints("0", s.points());
        assertEquals(IndicatorStatus.AWAITING_EXPERT, s.status());
        assertEquals(List.of("10"), s.awaitingExpert());
    }

    @Test
    void aClaimCountsInProjectedOnly() {
        Evidence ev = evidence().claim("市场监管局", "12", "12.1", true, EvidenceState.SUBMITTED);
        IndicatorScore c = confirmed(YES_NO, ev);
        assertPoints("0", c.points());
        assertEquals(IndicatorStatus.AWAITING_EXPERT, c.status());
        assertEquals(List.of("12.1"), c.awaitingExpert());
        IndicatorScore p = projected(YES_NO, ev);
        assertPoints("2", p.points());
        assertEquals(IndicatorStatus.SCORED, p.status());
        assertExplains(p, "self-assessment claim of 市场监管局");
        assertTrue(p.inputs().stream().anyMatch(i -> i.role().startsWith("claim") && "市场监管局".equals(i.subject())));
    }

    @Test
    void aClaimIsIgnoredOnceAnExpertJudged() {
        Evidence ev = evidence()
                .claim("市场监管局", "12", "12.1", true, EvidenceState.ACCEPTED)
                .verdict("e1", "12", "12.1", false);
        assertPoints("0", projected(YES_NO, ev).points());
        assertPoints("0", confirmed(YES_NO, ev).points());
    }

    @Test
    void anExpertVerdictDecidesInBothBases() {
        Evidence ev = evidence().verdict("e1", "12", "12.1", true);
        assertPoints("2", confirmed(YES_NO, ev).points());
        assertPoints("2", projected(YES_NO, ev).points());
    }

    @Test
    void rejectedOrWithdrawnClaimsNeverCount() {
        Evidence ev = evidence()
                .claim("市场监管局", "12", "12.1", true, EvidenceState.REJECTED)
                .claim("商务委", "12", "12.1", true, EvidenceState.WITHDRAWN);
        IndicatorScore p = projected(YES_NO, ev);
        assertPoints("0", p.points());
        assertEquals(List.of("12.1"), p.awaitingExpert());
    }

    @Test
    void claimedPointsCountInProjectedOnlyAndYieldToExperts() {
        Evidence claimOnly = evidence().claimPoints("网信办", "10", "3", EvidenceState.SUBMITTED);
        assertPoints("0", confirmed(POINTS, claimOnly).points());
        assertPoints("3", projected(POINTS, claimOnly).points());
        Evidence judged = evidence()
                .claimPoints("网信办", "10", "4", EvidenceState.SUBMITTED)
                .points("e1", "10", "1.5");
        assertPoints("1.5", projected(POINTS, judged).points());
    }
}
