package cn.nmsdz.indicator.domain.diff;

import cn.nmsdz.events.catalogue.FirstLevelNode;
import cn.nmsdz.events.catalogue.Indicator;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.Item;
import cn.nmsdz.events.catalogue.MetricDefinition;
import cn.nmsdz.events.catalogue.PassStandard;
import cn.nmsdz.events.catalogue.SecondLevelNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two versions of an indicator system: system header, pass standard, nodes
 * (names, points, indicator texts), items, rules (by indicator) and metrics. Pure function:
 * numbers compare by value (20 = 20.0), structures field by field.
 *
 * @param system       name, assessment window, notes
 * @param passStandard minTotal, minFirstLevelRate
 * @param nodes        first-level, second-level and third-level nodes by code
 * @param items        items by item code
 * @param rules        the rule of each indicator present in both versions, by indicator code
 * @param metrics      metric definitions by code
 */
public record SystemDiff(String code, int from, int to, List<Change> system, List<Change> passStandard,
        List<Change> nodes, List<Change> items, List<Change> rules, List<Change> metrics) {

    public static final String ADDED = "ADDED";
    public static final String REMOVED = "REMOVED";
    public static final String CHANGED = "CHANGED";

    /**
     * One difference.
     *
     * @param change ADDED, REMOVED or CHANGED
     * @param code   the node, item, indicator (for a rule) or metric code; null for system fields
     * @param field  the field that changed (name, maxPoints, minFirstLevelRate, rule …); null when added or removed
     * @param before the value in the {@code from} version (null when added)
     * @param after  the value in the {@code to} version (null when removed)
     */
    public record Change(String change, String code, String field, Object before, Object after) {
    }

    public boolean isEmpty() {
        return system.isEmpty() && passStandard.isEmpty() && nodes.isEmpty() && items.isEmpty() && rules.isEmpty()
                && metrics.isEmpty();
    }

    public static SystemDiff between(IndicatorSystemDocument a, IndicatorSystemDocument b) {
        List<Change> system = new ArrayList<>();
        field(system, null, "name", a.name(), b.name());
        field(system, null, "assessmentYears", a.assessmentYears(), b.assessmentYears());
        field(system, null, "notes", a.notes(), b.notes());

        List<Change> pass = new ArrayList<>();
        PassStandard pa = a.passStandard();
        PassStandard pb = b.passStandard();
        field(pass, null, "minTotal", pa == null ? null : pa.minTotal(), pb == null ? null : pb.minTotal());
        field(pass, null, "minFirstLevelRate", pa == null ? null : pa.minFirstLevelRate(),
                pb == null ? null : pb.minFirstLevelRate());

        Map<String, Map<String, Object>> na = nodes(a);
        Map<String, Map<String, Object>> nb = nodes(b);
        List<Change> nodes = new ArrayList<>();
        compare(nodes, na, nb, n -> n.get("name"), (code, x, y) -> x.forEach((f, v) -> field(nodes, code, f, v, y.get(f))));

        Map<String, Item> ia = items(a);
        Map<String, Item> ib = items(b);
        List<Change> items = new ArrayList<>();
        compare(items, ia, ib, Item::text, (code, x, y) -> {
            field(items, code, "text", x.text(), y.text());
            field(items, code, "points", x.points(), y.points());
            field(items, code, "expert", x.expert(), y.expert());
            field(items, code, "conditions", x.conditions(), y.conditions());
        });

        Map<String, Indicator> ra = indicators(a);
        Map<String, Indicator> rb = indicators(b);
        List<Change> rules = new ArrayList<>();
        ra.forEach((code, x) -> {
            Indicator y = rb.get(code);
            if (y != null) {
                field(rules, code, "rule", x.rule(), y.rule());
            }
        });

        Map<String, MetricDefinition> ma = metrics(a);
        Map<String, MetricDefinition> mb = metrics(b);
        List<Change> metrics = new ArrayList<>();
        compare(metrics, ma, mb, MetricDefinition::name, (code, x, y) -> field(metrics, code, "definition", x, y));

        return new SystemDiff(b.code(), a.version(), b.version(), system, pass, nodes, items, rules, metrics);
    }

    private interface Pair<T> {
        void both(String code, T a, T b);
    }

    private static <T> void compare(List<Change> out, Map<String, T> a, Map<String, T> b, Function<T, Object> label,
            Pair<T> both) {
        a.forEach((code, x) -> {
            T y = b.get(code);
            if (y == null) {
                out.add(new Change(REMOVED, code, null, label.apply(x), null));
            } else {
                both.both(code, x, y);
            }
        });
        b.forEach((code, y) -> {
            if (!a.containsKey(code)) {
                out.add(new Change(ADDED, code, null, null, label.apply(y)));
            }
        });
    }

    private static void field(List<Change> out, String code, String field, Object a, Object b) {
        if (!same(a, b)) {
            out.add(new Change(CHANGED, code, field, a, b));
        }
    }

    /** Field by field: records by their kind and components, lists in order, maps by key, numbers by value. */
    static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            return x.keySet().equals(y.keySet()) && x.keySet().stream().allMatch(k -> same(x.get(k), y.get(k)));
        }
        if (a instanceof Record && b instanceof Record) {
            if (a.getClass() != b.getClass()) {
                return false;
            }
            for (RecordComponent c : a.getClass().getRecordComponents()) {
                if (!same(component(c, a), component(c, b))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static Object component(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass().getSimpleName(), e);
        }
    }

    /** Every node by code with the fields a diff shows. */
    private static Map<String, Map<String, Object>> nodes(IndicatorSystemDocument d) {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        for (FirstLevelNode f : list(d.firstLevel())) {
            all.put(f.code(), node(1, null, f.name(), f.maxPoints()));
            for (SecondLevelNode s : list(f.children())) {
                all.put(s.code(), node(2, f.code(), s.name(), s.maxPoints()));
                for (Indicator i : list(s.indicators())) {
                    Map<String, Object> n = node(3, s.code(), i.name(), i.maxPoints());
                    n.put("number", i.number());
                    n.put("nature", i.nature() == null ? null : i.nature().name());
                    n.put("natureText", i.natureText());
                    n.put("standard", i.standard());
                    n.put("evaluationMethods", i.evaluationMethods());
                    n.put("dataSources", i.dataSources());
                    all.put(i.code(), n);
                }
            }
        }
        return all;
    }

    private static Map<String, Object> node(int level, String parent, String name, BigDecimal maxPoints) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("name", name);
        n.put("maxPoints", maxPoints);
        n.put("level", level);
        n.put("parent", parent);
        return n;
    }

    private static Map<String, Indicator> indicators(IndicatorSystemDocument d) {
        Map<String, Indicator> all = new LinkedHashMap<>();
        for (FirstLevelNode f : list(d.firstLevel())) {
            for (SecondLevelNode s : list(f.children())) {
                list(s.indicators()).forEach(i -> all.put(i.code(), i));
            }
        }
        return all;
    }

    private static Map<String, Item> items(IndicatorSystemDocument d) {
        Map<String, Item> all = new LinkedHashMap<>();
        indicators(d).values().forEach(i -> list(i.items()).forEach(item -> all.put(item.code(), item)));
        return all;
    }

    private static Map<String, MetricDefinition> metrics(IndicatorSystemDocument d) {
        Map<String, MetricDefinition> all = new LinkedHashMap<>();
        list(d.metrics()).forEach(m -> all.put(m.code(), m));
        return all;
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
