package cn.nmsdz.scoring.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.scoring.application.ApplicationFlow.Level;
import cn.nmsdz.scoring.application.ApplicationFlow.State;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplicationFlowTest {

    static ApplicationFlow.Outcome decide(State from, State to, Level... acting) {
        return ApplicationFlow.decide(from, to, acting.length == 0 ? Set.of() : EnumSet.of(acting[0], acting));
    }

    @Test
    void theCityThenTheProvinceRecommendAndTheNationNames() {
        assertEquals(Level.CITY, decide(State.SUBMITTED, State.RECOMMENDED_BY_CITY, Level.CITY).step().level());
        assertEquals(Level.PROVINCE, decide(State.RECOMMENDED_BY_CITY, State.RECOMMENDED_BY_PROVINCE, Level.PROVINCE)
                .step().level());
        assertTrue(decide(State.RECOMMENDED_BY_PROVINCE, State.NAMED, Level.NATION).allowed());
        assertTrue(decide(State.RECOMMENDED_BY_PROVINCE, State.NOT_NAMED, Level.NATION).allowed());
    }

    @Test
    void aProvinceDecidingBeforeTheCityIsRefusedNamingTheStateAndTheLevel() {
        ApplicationFlow.Outcome o = decide(State.SUBMITTED, State.RECOMMENDED_BY_CITY, Level.PROVINCE);
        assertFalse(o.allowed());
        assertTrue(o.refusal().detail().contains("SUBMITTED"), o.refusal().detail());
        assertTrue(o.refusal().detail().contains("CITY level"), o.refusal().detail());
        assertEquals("申报当前为“已申报”：“市级已推荐”由市级决定，本地区只决定省级环节。", o.refusal().chinese());
        // and the province's own step needs the city's recommendation first
        o = decide(State.SUBMITTED, State.RECOMMENDED_BY_PROVINCE, Level.PROVINCE);
        assertFalse(o.allowed());
        assertTrue(o.refusal().detail().contains("needs the application to be RECOMMENDED_BY_CITY"), o.refusal().detail());
        assertEquals("申报当前为“已申报”：下一步只能是“市级已推荐”（由市级决定）或“已退回”（由市级决定）；"
                + "“省级已推荐”要求申报处于“市级已推荐”。", o.refusal().chinese());
    }

    @Test
    void aReturnedApplicationCannotBeNamedAndACountyDecidesNothingOfItsOwn() {
        ApplicationFlow.Outcome named = decide(State.RETURNED, State.NAMED, Level.NATION);
        assertFalse(named.allowed());
        assertTrue(named.refusal().detail().contains("RETURNED"), named.refusal().detail());
        ApplicationFlow.Outcome own = decide(State.SUBMITTED, State.RECOMMENDED_BY_CITY, Level.COUNTY);
        assertFalse(own.allowed());
        assertTrue(own.refusal().detail().contains("CITY level"), own.refusal().detail());
        assertTrue(decide(State.RETURNED, State.SUBMITTED, Level.COUNTY).allowed(), "the office submits a returned one again");
    }

    @Test
    void aNamedZoneIsReviewedAndConfirmedOrRevokedByTheNation() {
        assertTrue(decide(State.NAMED, State.REVIEW_DUE, Level.NATION).allowed());
        assertTrue(decide(State.REVIEW_DUE, State.CONFIRMED, Level.NATION).allowed());
        assertTrue(decide(State.REVIEW_DUE, State.REVOKED, Level.NATION).allowed());
        assertTrue(decide(State.CONFIRMED, State.REVIEW_DUE, Level.NATION).allowed());
        assertFalse(decide(State.REVOKED, State.REVIEW_DUE, Level.NATION).allowed(), "revoked is final");
        assertFalse(decide(State.NOT_NAMED, State.NAMED, Level.NATION).allowed(), "not named is final");
    }

    @Test
    void anApplicationUnderWayWaitsForADecisionAndASettledOneForNobody() {
        for (State waiting : List.of(State.SUBMITTED, State.RECOMMENDED_BY_CITY, State.RECOMMENDED_BY_PROVINCE,
                State.RETURNED, State.REVIEW_DUE)) {
            assertTrue(ApplicationFlow.awaitsDecision(waiting), waiting.name());
        }
        for (State settled : List.of(State.NAMED, State.CONFIRMED, State.NOT_NAMED, State.REVOKED)) {
            assertFalse(ApplicationFlow.awaitsDecision(settled), settled.name());
        }
    }

    @Test
    void aProvinceActingAsTheCityOfACountyDirectlyUnderItDecidesBothSteps() {
        assertTrue(decide(State.SUBMITTED, State.RECOMMENDED_BY_CITY, Level.CITY, Level.PROVINCE).allowed());
        assertTrue(decide(State.RECOMMENDED_BY_CITY, State.RECOMMENDED_BY_PROVINCE, Level.CITY, Level.PROVINCE).allowed());
    }
}
