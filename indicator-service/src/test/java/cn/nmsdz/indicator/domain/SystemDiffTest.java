package cn.nmsdz.indicator.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.indicator.domain.diff.SystemDiff;
import cn.nmsdz.indicator.domain.diff.SystemDiff.Change;
import cn.nmsdz.indicator.domain.validation.SystemValidator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The diff between two versions of the catalogue, and the 2026 revision as a new version that is only data. */
class SystemDiffTest {
    static final String IND_3 = SystemValidatorTest.IND_3;

    static ObjectNode tree() {
        return SystemValidatorTest.tree();
    }

    static IndicatorSystemDocument doc(ObjectNode tree) {
        return CatalogueFixtures.toDocument(tree);
    }

    @Test
    void a_version_does_not_differ_from_itself() {
        SystemDiff diff = SystemDiff.between(doc(tree()), doc(tree()));
        assertTrue(diff.isEmpty(), diff.toString());
    }

    @Test
    void the_2026_revision_is_a_valid_second_version_that_changes_only_the_pass_standard() {
        ObjectNode revised = tree();
        revised.put("version", 2);
        SystemValidatorTest.at(revised, "/passStandard").put("minFirstLevelRate", 80);
        IndicatorSystemDocument v2 = doc(revised);

        assertEquals(List.of(), new SystemValidator().validate(v2), "the revision needs no code, only data");
        SystemDiff diff = SystemDiff.between(CatalogueFixtures.official(), v2);
        assertEquals(1, diff.from());
        assertEquals(2, diff.to());
        assertEquals(1, diff.passStandard().size());
        Change change = diff.passStandard().get(0);
        assertEquals(SystemDiff.CHANGED, change.change());
        assertEquals("minFirstLevelRate", change.field());
        assertEquals(0, new BigDecimal("75").compareTo((BigDecimal) change.before()));
        assertEquals(0, new BigDecimal("80").compareTo((BigDecimal) change.after()));
        assertTrue(diff.nodes().isEmpty() && diff.items().isEmpty() && diff.rules().isEmpty() && diff.metrics().isEmpty()
                && diff.system().isEmpty(), diff.toString());
    }

    @Test
    void numbers_compare_by_value() {
        ObjectNode t = tree();
        SystemValidatorTest.at(t, "/firstLevel/0").put("maxPoints", new BigDecimal("20.0"));
        ((ObjectNode) t.at(IND_3 + "/rule/bands/0")).put("points", new BigDecimal("1.00"));
        assertTrue(SystemDiff.between(CatalogueFixtures.official(), doc(t)).isEmpty());
    }

    @Test
    void names_points_items_and_rules_are_listed_by_code() {
        ObjectNode t = tree();
        SystemValidatorTest.at(t, "/firstLevel/0").put("name", "促进发展（修订）");
        SystemValidatorTest.at(t, SystemValidatorTest.A1).put("maxPoints", 11);
        SystemValidatorTest.at(t, IND_3).put("maxPoints", 3);
        ((ObjectNode) t.at(IND_3 + "/rule/bands/1")).put("points", 3);
        ObjectNode ind20 = (ObjectNode) t.at("/firstLevel/2/children/0/indicators/0");
        ((ObjectNode) ind20.at("/items/0")).put("text", "改写的条款");
        ArrayNode items = (ArrayNode) ind20.get("items");
        ObjectNode removed = (ObjectNode) items.remove(2);
        SystemValidatorTest.at(t, "/passStandard").put("minTotal", 90);

        SystemDiff diff = SystemDiff.between(CatalogueFixtures.official(), doc(t));

        assertEquals(List.of(
                new Change("CHANGED", "A", "name", "促进发展", "促进发展（修订）"),
                new Change("CHANGED", "A1", "maxPoints", new BigDecimal("10"), new BigDecimal("11")),
                new Change("CHANGED", "3", "maxPoints", new BigDecimal("2"), new BigDecimal("3"))),
                diff.nodes().stream().map(SystemDiffTest::plain).toList());
        assertEquals(List.of("CHANGED 20.1 text", "REMOVED " + removed.get("code").asText() + " null"),
                diff.items().stream().map(c -> c.change() + " " + c.code() + " " + c.field()).toList());
        assertEquals(List.of("3"), diff.rules().stream().map(Change::code).toList());
        assertEquals("rule", diff.rules().get(0).field());
        assertEquals(List.of("minTotal"), diff.passStandard().stream().map(Change::field).toList());
    }

    /** BigDecimal values with their scale stripped, so the expected values read naturally. */
    static Change plain(Change c) {
        return new Change(c.change(), c.code(), c.field(), strip(c.before()), strip(c.after()));
    }

    static Object strip(Object o) {
        return o instanceof BigDecimal b ? new BigDecimal(b.stripTrailingZeros().toPlainString()) : o;
    }
}
