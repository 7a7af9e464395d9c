package cn.nmsdz.support.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class RegionHierarchyTest {
    static final Map<String, String> PARENT = Map.of("500118", "500000", "500000", "CN", "140829", "140800",
            "140800", "140000", "140000", "CN");
    static final UnaryOperator<String> TREE = PARENT::get;

    @Test
    void aRegionIsReadByItselfAndEveryRegionAboveItAndTheNationReadsAll() {
        assertTrue(RegionHierarchy.isSelfOrBelow("500118", "500118", TREE));
        assertTrue(RegionHierarchy.isSelfOrBelow("500118", "500000", TREE));
        assertTrue(RegionHierarchy.isSelfOrBelow("999999", "CN", TREE), "the nation lies above every region");
        assertFalse(RegionHierarchy.isSelfOrBelow("500000", "500118", TREE), "not upwards");
        assertFalse(RegionHierarchy.isSelfOrBelow("140829", "500000", TREE), "not sideways");
        assertFalse(RegionHierarchy.isSelfOrBelow("500118", null, TREE), "a token without region reads by no tree");
    }

    @Test
    void anExpertReadsExactlyTheAssignedRegions() {
        Caller expert = new Caller("expert1", null, null, Set.of("500118"), Set.of(Caller.EXPERT));
        assertTrue(RegionHierarchy.reads(expert, "500118", TREE));
        assertFalse(RegionHierarchy.reads(expert, "500000", TREE));
        Caller notExpert = new Caller("x", null, null, Set.of("500118"), Set.of("score-reader"));
        assertFalse(RegionHierarchy.reads(notExpert, "500118", TREE), "assigned regions count for experts only");
    }

    @Test
    void aCycleInTheTreeEnds() {
        assertFalse(RegionHierarchy.isSelfOrBelow("a", "z", Map.of("a", "b", "b", "a")::get));
    }
}
