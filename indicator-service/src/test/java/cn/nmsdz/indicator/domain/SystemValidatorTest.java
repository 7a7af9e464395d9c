package cn.nmsdz.indicator.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.indicator.domain.validation.SystemValidator;
import cn.nmsdz.indicator.domain.validation.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A deliberately broken copy of the official catalogue: the validator must list every error at
 * once, each with the JSON Pointer of the offending place.
 */
class SystemValidatorTest {

    // pointers of the official tree used below
    static final String A = "/firstLevel/0";
    static final String A1 = A + "/children/0";
    static final String A2 = A + "/children/1";
    static final String B1 = "/firstLevel/1/children/0";
    static final String B2 = "/firstLevel/1/children/1";
    static final String D1 = "/firstLevel/3/children/0";
    static final String D2 = "/firstLevel/3/children/1";
    static final String E = "/firstLevel/4";
    static final String E2 = E + "/children/1";

    static final String IND_3 = A1 + "/indicators/2";
    static final String IND_4 = A1 + "/indicators/3";
    static final String IND_5 = A1 + "/indicators/4";
    static final String IND_7 = A2 + "/indicators/1";
    static final String IND_8 = A2 + "/indicators/2";
    static final String IND_12 = B1 + "/indicators/1";
    static final String IND_13 = B1 + "/indicators/2";
    static final String IND_17 = B2 + "/indicators/1";
    static final String IND_28 = D1 + "/indicators/0";
    static final String IND_33 = D2 + "/indicators/1";
    static final String IND_41 = E2 + "/indicators/3";

    private final SystemValidator validator = new SystemValidator();

    static ObjectNode tree() {
        return (ObjectNode) CatalogueFixtures.officialTree();
    }

    static ObjectNode at(JsonNode tree, String pointer) {
        return (ObjectNode) tree.at(pointer);
    }

    List<Violation> validate(JsonNode tree) {
        return validator.validate(CatalogueFixtures.toDocument(tree));
    }

    static String describe(List<Violation> violations) {
        return violations.stream().map(Violation::toString).collect(Collectors.joining("\n", "\n", "\n"));
    }

    @Test
    void the_official_tree_as_loaded_here_is_valid() {
        assertEquals(List.of(), validate(tree()));
    }

    @Test
    void a_broken_copy_reports_every_error_with_its_pointer() {
        ObjectNode t = tree();
        // wrong sums: a second-level node, a first-level node, an item
        at(t, A2).put("maxPoints", 12);
        at(t, E).put("maxPoints", 16);
        at(t, IND_12 + "/items/0").put("points", 2);
        // duplicate codes: node, item, metric
        at(t, B2).put("code", "B1");
        at(t, IND_13 + "/items/1").put("code", "13.1");
        ((ArrayNode) t.get("metrics")).add(t.get("metrics").get(0).deepCopy());
        // undefined metrics: in a condition and in a derivation
        at(t, IND_17 + "/items/0/conditions/0/value").put("metric", "clue_check_rate");
        at(t, IND_3 + "/rule/value/derive").put("numerator", "online_sellers");
        // bands: unordered (open band first) and a band whose ends are reversed
        ArrayNode bands7 = (ArrayNode) t.at(IND_7 + "/rule/bands");
        JsonNode low = bands7.remove(0);
        bands7.add(low);
        at(t, IND_8 + "/rule/bands/0").put("max", 2);
        // zone table without NORTHEAST
        at(t, IND_4 + "/rule/thresholdByZone").remove("NORTHEAST");
        // an indicator without a rule
        at(t, IND_41).putNull("rule");
        // any_item points that are not the indicator's maximum
        at(t, IND_28 + "/rule").put("points", 2);
        // pass standard rate above 100 %
        at(t, "/passStandard").put("minFirstLevelRate", 120);
        // a duplicate indicator number (and so a code that is not its number)
        at(t, IND_5).put("number", 4);
        // an item code that does not start with its indicator's code
        at(t, IND_33 + "/items/1").put("code", "32.2");

        List<Violation> violations = validate(t);

        Set<String> expected = new TreeSet<>(List.of(
                A2 + "/maxPoints",                                   // indicators add up to 10, not 12
                A + "/maxPoints",                                    // second-level nodes add up to 22, not 20
                E + "/maxPoints",                                    // second-level nodes add up to 15, not 16
                "/firstLevel",                                       // first-level nodes add up to 101
                IND_12 + "/maxPoints",                               // items add up to 4, not 3
                B2 + "/code",                                        // duplicate node code B1
                IND_13 + "/items/1/code",                            // duplicate item code 13.1
                "/metrics/35/code",                                  // duplicate metric code
                IND_17 + "/items/0/conditions/0/value/metric",       // undefined metric
                IND_3 + "/rule/value/derive/numerator",              // undefined metric
                IND_7 + "/rule/bands/1",                             // bands not sorted
                IND_8 + "/rule/bands/0",                             // min > max
                IND_4 + "/rule/thresholdByZone/NORTHEAST",           // missing zone
                IND_41 + "/rule",                                    // missing rule
                IND_28 + "/rule/points",                             // any_item points != 3
                "/passStandard/minFirstLevelRate",                   // 120 %
                IND_5 + "/number",                                   // duplicate number 4
                IND_5 + "/code",                                     // code '5' is not number 4
                IND_33 + "/items/1/code"));                          // item code not prefixed by 33.
        Set<String> actual = violations.stream().map(Violation::pointer).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, actual, describe(violations));
        assertEquals(expected.size(), violations.size(), "each error is reported once" + describe(violations));
        violations.forEach(v -> assertFalse(v.message().isBlank(), v.pointer()));

        // the pointers address the broken document (the missing zone is the place to add it)
        for (Violation v : violations) {
            if (!v.pointer().endsWith("/NORTHEAST")) {
                assertFalse(t.at(v.pointer()).isMissingNode(), "pointer resolves: " + v.pointer());
            }
        }
        assertTrue(message(violations, "/firstLevel").contains("101"));
        assertTrue(message(violations, A2 + "/maxPoints").contains("10"));
        assertTrue(message(violations, IND_12 + "/maxPoints").contains("4"));
        assertTrue(message(violations, IND_17 + "/items/0/conditions/0/value/metric").contains("clue_check_rate"));
        assertTrue(message(violations, IND_4 + "/rule/thresholdByZone/NORTHEAST").contains("NORTHEAST"));
        assertTrue(message(violations, "/metrics/35/code").contains("online_retail_sales"));
    }

    private static String message(List<Violation> violations, String pointer) {
        return violations.stream().filter(v -> v.pointer().equals(pointer)).map(Violation::message)
                .findFirst().orElseThrow(() -> new AssertionError("no violation at " + pointer + describe(violations)));
    }

    @Test
    void bands_may_share_an_end_but_not_overlap() {
        ObjectNode t = tree();
        at(t, IND_3 + "/rule/bands/1").put("min", 14);          // 8–15 then 14–: overlap beyond the shared end
        at(t, IND_7 + "/rule/bands/1").put("min", 5);           // 3–5 then 5–: shared end, fine
        List<Violation> violations = validate(t);
        assertEquals(List.of(IND_3 + "/rule/bands/1"), violations.stream().map(Violation::pointer).toList(),
                describe(violations));
    }

    @Test
    void operands_and_conditions_must_be_complete() {
        ObjectNode t = tree();
        ObjectNode value = at(t, IND_17 + "/items/0/conditions/0/value");
        value.putNull("metric");                                 // neither metric nor derivation
        ObjectNode condition = at(t, IND_17 + "/items/1/conditions/0");
        condition.putNull("threshold");                          // nothing to compare with
        ObjectNode derive = at(t, IND_3 + "/rule/value/derive");
        derive.put("growthOf", "online_operators");              // both growthOf and a ratio
        List<Violation> violations = validate(t);
        assertEquals(Set.of(IND_17 + "/items/0/conditions/0/value", IND_17 + "/items/1/conditions/0",
                        IND_3 + "/rule/value/derive"),
                violations.stream().map(Violation::pointer).collect(Collectors.toSet()), describe(violations));
    }

    @Test
    void items_rules_need_points_and_a_way_to_be_satisfied() {
        ObjectNode t = tree();
        at(t, IND_12 + "/items/2").put("expert", false);        // no expert, no conditions
        at(t, IND_28 + "/items/0").put("points", 3);            // any_item items carry no points
        at(t, IND_13 + "/items/0").putNull("points");           // items rule item without points
        List<Violation> violations = validate(t);
        assertEquals(Set.of(IND_12 + "/items/2", IND_28 + "/items/0/points", IND_13 + "/items/0/points"),
                violations.stream().map(Violation::pointer).collect(Collectors.toSet()), describe(violations));
    }

    @Test
    void pass_standard_must_be_present_and_reachable() {
        ObjectNode t = tree();
        t.putNull("passStandard");
        assertEquals(List.of("/passStandard"), validate(t).stream().map(Violation::pointer).toList());

        ObjectNode u = tree();
        at(u, "/passStandard").put("minTotal", 101);
        at(u, "/passStandard").put("minFirstLevelRate", -1);
        assertEquals(Set.of("/passStandard/minTotal", "/passStandard/minFirstLevelRate"),
                validate(u).stream().map(Violation::pointer).collect(Collectors.toSet()));
    }

    @Test
    void the_code_fits_its_column_and_a_path_segment() {
        for (String bad : List.of("N".repeat(33), "A/B", "NM SDZ")) {
            ObjectNode t = tree();
            t.put("code", bad);
            assertEquals(List.of("/code"), validate(t).stream().map(Violation::pointer).toList(), bad);
        }
        ObjectNode t = tree();
        t.put("code", "NMSDZ_2026-" + "X".repeat(21));
        assertEquals(List.of(), validate(t));
    }

    @Test
    void a_revised_pass_standard_is_just_data() {
        ObjectNode t = tree();
        t.put("version", 2);
        at(t, "/passStandard").put("minFirstLevelRate", 80);    // the 2026 revision: 80 % per first-level node
        assertEquals(List.of(), validate(t));
    }

    @Test
    void a_missing_document_is_one_violation() {
        assertEquals(List.of(new Violation("", "the document is missing")), validator.validate(null));
    }
}
