package cn.nmsdz.indicator.domain.validation;

import cn.nmsdz.events.catalogue.Band;
import cn.nmsdz.events.catalogue.Condition;
import cn.nmsdz.events.catalogue.FirstLevelNode;
import cn.nmsdz.events.catalogue.Indicator;
import cn.nmsdz.events.catalogue.Item;
import cn.nmsdz.events.catalogue.MetricDefinition;
import cn.nmsdz.events.catalogue.Nature;
import cn.nmsdz.events.catalogue.Operand;
import cn.nmsdz.events.catalogue.PassStandard;
import cn.nmsdz.events.catalogue.Rule;
import cn.nmsdz.events.catalogue.SecondLevelNode;
import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an indicator system document before it is imported or published, and reports every
 * problem at once, each with a JSON Pointer into the document.
 *
 * <p>What it checks:
 * <ul>
 *   <li>header: code, name, version ≥ 1, assessment window ≥ 1 year;</li>
 *   <li>points: first-level nodes add up to {@value #TOTAL_POINTS}, second-level nodes to their
 *       first-level node, indicators to their second-level node, and the items of an
 *       {@code items} rule to their indicator; an {@code any_item} rule awards the indicator's
 *       maximum; band, per-year and per-count points fit the indicator;</li>
 *   <li>codes: node codes (all levels), item codes and metric codes are unique; an item code is
 *       {@code "{indicator code}.{n}"}; indicator numbers are 1 … N, unique, and the code is the
 *       number as text;</li>
 *   <li>rules: every indicator has one; every metric named by a rule, a condition or a
 *       derivation is defined in {@code metrics}; operands, conditions and derivations are
 *       complete; bands have {@code min ≤ max}, are sorted by their lower end and do not overlap
 *       except on a shared end; a {@code count_bands} rule has a threshold for every {@link Zone};
 *       every item can be satisfied (expert verdict or conditions);</li>
 *   <li>pass standard: present, {@code 0 ≤ minTotal ≤} the total points,
 *       {@code 0 ≤ minFirstLevelRate ≤ 100}.</li>
 * </ul>
 *
 * <p>Plain Java, no framework: pointers refer to the document as Jackson serialises the records
 * (field names = record component names, lists by index, maps by key).
 */
public final class SystemValidator {
    static final java.util.regex.Pattern SYSTEM_CODE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,32}");

    /** Points of the whole system: the official system is worth 100 points. */
    public static final int TOTAL_POINTS = 100;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Set<String> EVALUATION_METHODS = Set.of("数据比对", "资料审查", "专家评估");
    private static final Map<String, Nature> NATURE_TEXTS = Map.of(
            "定量", Nature.QUANTITATIVE,
            "定性", Nature.QUALITATIVE,
            "定量+定性", Nature.MIXED,
            "定性+定量", Nature.MIXED);

    /**
     * @return every violation found, in document order of discovery; empty when the document is valid
     */
    public List<Violation> validate(IndicatorSystemDocument document) {
        if (document == null) {
            return List.of(new Violation("", "the document is missing"));
        }
        Run run = new Run(document);
        run.validate();
        return List.copyOf(run.violations);
    }

    /** State of one validation: the document, the defined metrics, codes seen so far, findings. */
    private static final class Run {
        private final IndicatorSystemDocument doc;
        private final List<Violation> violations = new ArrayList<>();
        private final Map<String, String> metricCodes = new HashMap<>();
        private final Map<String, String> nodeCodes = new HashMap<>();
        private final Map<String, String> itemCodes = new HashMap<>();
        private final Map<Integer, String> numbers = new HashMap<>();
        private int indicatorCount;

        Run(IndicatorSystemDocument doc) {
            this.doc = doc;
        }

        void validate() {
            header();
            metrics();
            indicatorCount = countIndicators();
            BigDecimal total = tree();
            passStandard(total);
        }

        private void add(String pointer, String message) {
            violations.add(new Violation(pointer, message));
        }

        // ---------------------------------------------------------------- header and metrics

        private void header() {
            if (blank(doc.code())) {
                add("/code", "the system has no code");
            } else if (!SYSTEM_CODE.matcher(doc.code()).matches()) {
                // the code is a path segment (/systems/{code}) and a column of 32 characters
                add("/code", "must be 1 to 32 letters, digits, '-' or '_', is '"
                        + (doc.code().length() > 40 ? doc.code().substring(0, 40) + "…" : doc.code()) + "'");
            }
            if (doc.version() < 1) {
                add("/version", "version must be 1 or more, is " + doc.version());
            }
            if (blank(doc.name())) {
                add("/name", "the system has no name");
            }
            if (doc.assessmentYears() < 1) {
                add("/assessmentYears", "the assessment window must cover at least 1 year, is " + doc.assessmentYears());
            }
        }

        private void metrics() {
            List<MetricDefinition> metrics = doc.metrics();
            if (metrics == null) {
                add("/metrics", "the system defines no metrics list");
                return;
            }
            for (int i = 0; i < metrics.size(); i++) {
                String p = "/metrics/" + i;
                MetricDefinition m = metrics.get(i);
                if (m == null) {
                    add(p, "empty metric definition");
                    continue;
                }
                if (blank(m.code())) {
                    add(p + "/code", "the metric has no code");
                } else {
                    String first = metricCodes.putIfAbsent(m.code(), p);
                    if (first != null) {
                        add(p + "/code", "duplicate metric code '" + m.code() + "' (first defined at " + first + ")");
                    }
                }
                if (blank(m.name())) {
                    add(p + "/name", "the metric has no name");
                }
                if (blank(m.unit())) {
                    add(p + "/unit", "the metric has no unit");
                }
                if (m.kind() == null) {
                    add(p + "/kind", "the metric has no kind (LEVEL, RATE or COUNT)");
                }
                if (m.min() != null && m.max() != null && m.min().compareTo(m.max()) > 0) {
                    add(p + "/min", "min " + num(m.min()) + " is greater than max " + num(m.max()));
                }
            }
        }

        private void passStandard(BigDecimal total) {
            PassStandard ps = doc.passStandard();
            if (ps == null) {
                add("/passStandard", "the system has no pass standard");
                return;
            }
            if (ps.minTotal() == null) {
                add("/passStandard/minTotal", "the pass standard has no minimum total");
            } else if (ps.minTotal().signum() < 0) {
                add("/passStandard/minTotal", "minimum total " + num(ps.minTotal()) + " is negative");
            } else if (total != null && ps.minTotal().compareTo(total) > 0) {
                add("/passStandard/minTotal", "minimum total " + num(ps.minTotal())
                        + " is more than the system's " + num(total) + " points");
            }
            if (ps.minFirstLevelRate() == null) {
                add("/passStandard/minFirstLevelRate", "the pass standard has no minimum first-level rate");
            } else if (ps.minFirstLevelRate().signum() < 0 || ps.minFirstLevelRate().compareTo(HUNDRED) > 0) {
                add("/passStandard/minFirstLevelRate", "minimum first-level rate " + num(ps.minFirstLevelRate())
                        + " % is outside 0 … 100");
            }
        }

        // ---------------------------------------------------------------- the tree

        private int countIndicators() {
            int n = 0;
            for (FirstLevelNode f : nullSafe(doc.firstLevel())) {
                if (f == null) {
                    continue;
                }
                for (SecondLevelNode s : nullSafe(f.children())) {
                    if (s != null) {
                        n += nullSafe(s.indicators()).size();
                    }
                }
            }
            return n;
        }

        /** @return the sum of the first-level points, or null when one is missing */
        private BigDecimal tree() {
            List<FirstLevelNode> firstLevel = doc.firstLevel();
            if (firstLevel == null || firstLevel.isEmpty()) {
                add("/firstLevel", "the system has no first-level nodes");
                return null;
            }
            Sum sum = new Sum();
            for (int i = 0; i < firstLevel.size(); i++) {
                String p = "/firstLevel/" + i;
                FirstLevelNode f = firstLevel.get(i);
                if (f == null) {
                    add(p, "empty first-level node");
                    sum.broken = true;
                    continue;
                }
                node(p, f.code(), f.name(), f.maxPoints());
                sum.add(f.maxPoints());
                List<SecondLevelNode> children = f.children();
                if (children == null || children.isEmpty()) {
                    add(p + "/children", "first-level node '" + f.code() + "' has no second-level nodes");
                    continue;
                }
                Sum childSum = new Sum();
                for (int j = 0; j < children.size(); j++) {
                    childSum.add(secondLevel(p + "/children/" + j, children.get(j)));
                }
                sumMatches(p + "/maxPoints", f.maxPoints(), childSum, "second-level nodes of '" + f.code() + "'");
            }
            if (sum.broken) {
                return null;
            }
            if (sum.value.compareTo(BigDecimal.valueOf(TOTAL_POINTS)) != 0) {
                add("/firstLevel", "first-level nodes add up to " + num(sum.value) + " points, must be " + TOTAL_POINTS);
            }
            return sum.value;
        }

        /** @return the node's maxPoints (null when missing) */
        private BigDecimal secondLevel(String p, SecondLevelNode s) {
            if (s == null) {
                add(p, "empty second-level node");
                return null;
            }
            node(p, s.code(), s.name(), s.maxPoints());
            List<Indicator> indicators = s.indicators();
            if (indicators == null || indicators.isEmpty()) {
                add(p + "/indicators", "second-level node '" + s.code() + "' has no indicators");
                return s.maxPoints();
            }
            Sum sum = new Sum();
            for (int k = 0; k < indicators.size(); k++) {
                sum.add(indicator(p + "/indicators/" + k, indicators.get(k)));
            }
            sumMatches(p + "/maxPoints", s.maxPoints(), sum, "indicators of '" + s.code() + "'");
            return s.maxPoints();
        }

        private void node(String p, String code, String name, BigDecimal maxPoints) {
            if (blank(code)) {
                add(p + "/code", "the node has no code");
            } else {
                String first = nodeCodes.putIfAbsent(code, p);
                if (first != null) {
                    add(p + "/code", "duplicate node code '" + code + "' (first used at " + first + ")");
                }
            }
            if (blank(name)) {
                add(p + "/name", "node '" + code + "' has no name");
            }
            if (maxPoints == null) {
                add(p + "/maxPoints", "node '" + code + "' has no maximum points");
            } else if (maxPoints.signum() <= 0) {
                add(p + "/maxPoints", "node '" + code + "' must be worth more than 0 points, is " + num(maxPoints));
            }
        }

        private void sumMatches(String pointer, BigDecimal expected, Sum sum, String what) {
            if (expected == null || sum.broken) {
                return;
            }
            if (expected.compareTo(sum.value) != 0) {
                add(pointer, what + " add up to " + num(sum.value) + " points, but maxPoints is " + num(expected));
            }
        }

        // ---------------------------------------------------------------- indicators

        /** @return the indicator's maxPoints (null when missing) */
        private BigDecimal indicator(String p, Indicator ind) {
            if (ind == null) {
                add(p, "empty indicator");
                return null;
            }
            node(p, ind.code(), ind.name(), ind.maxPoints());
            number(p, ind);
            if (ind.nature() == null) {
                add(p + "/nature", "indicator '" + ind.code() + "' has no nature");
            }
            if (blank(ind.natureText())) {
                add(p + "/natureText", "indicator '" + ind.code() + "' has no 变量性质 text");
            } else if (!NATURE_TEXTS.containsKey(ind.natureText())) {
                add(p + "/natureText", "unknown 变量性质 '" + ind.natureText() + "'; expected one of " + NATURE_TEXTS.keySet());
            } else if (ind.nature() != null && NATURE_TEXTS.get(ind.natureText()) != ind.nature()) {
                add(p + "/nature", "nature " + ind.nature() + " does not match 变量性质 '" + ind.natureText() + "'");
            }
            if (blank(ind.standard())) {
                add(p + "/standard", "indicator '" + ind.code() + "' has no scoring standard text");
            }
            List<String> methods = ind.evaluationMethods();
            if (methods == null || methods.isEmpty()) {
                add(p + "/evaluationMethods", "indicator '" + ind.code() + "' names no evaluation method");
            } else {
                for (int m = 0; m < methods.size(); m++) {
                    if (!EVALUATION_METHODS.contains(methods.get(m))) {
                        add(p + "/evaluationMethods/" + m, "unknown evaluation method '" + methods.get(m)
                                + "'; expected one of " + EVALUATION_METHODS);
                    }
                }
            }
            if (ind.dataSources() == null || ind.dataSources().isEmpty()) {
                add(p + "/dataSources", "indicator '" + ind.code() + "' names no data source");
            }
            items(p, ind);
            rule(p, ind);
            return ind.maxPoints();
        }

        private void number(String p, Indicator ind) {
            int n = ind.number();
            if (n < 1 || n > indicatorCount) {
                add(p + "/number", "number " + n + " is outside 1 … " + indicatorCount);
            } else {
                String first = numbers.putIfAbsent(n, p);
                if (first != null) {
                    add(p + "/number", "duplicate indicator number " + n + " (first used at " + first + ")");
                }
            }
            if (ind.code() != null && !ind.code().equals(String.valueOf(n))) {
                add(p + "/code", "indicator code '" + ind.code() + "' must be its number as text ('" + n + "')");
            }
        }

        private void items(String p, Indicator ind) {
            List<Item> items = nullSafe(ind.items());
            for (int k = 0; k < items.size(); k++) {
                String ip = p + "/items/" + k;
                Item item = items.get(k);
                if (item == null) {
                    add(ip, "empty item");
                    continue;
                }
                if (blank(item.code())) {
                    add(ip + "/code", "the item has no code");
                } else {
                    String first = itemCodes.putIfAbsent(item.code(), ip);
                    if (first != null) {
                        add(ip + "/code", "duplicate item code '" + item.code() + "' (first used at " + first + ")");
                    } else if (ind.code() != null && !item.code().startsWith(ind.code() + ".")) {
                        add(ip + "/code", "item code '" + item.code() + "' must start with its indicator's code '"
                                + ind.code() + ".'");
                    }
                }
                if (blank(item.text())) {
                    add(ip + "/text", "item '" + item.code() + "' has no text");
                }
                List<Condition> conditions = nullSafe(item.conditions());
                for (int c = 0; c < conditions.size(); c++) {
                    condition(ip + "/conditions/" + c, conditions.get(c));
                }
            }
        }

        // ---------------------------------------------------------------- rules

        private void rule(String p, Indicator ind) {
            String rp = p + "/rule";
            Rule rule = ind.rule();
            BigDecimal max = ind.maxPoints();
            if (rule == null) {
                add(rp, "indicator '" + ind.code() + "' has no scoring rule");
                return;
            }
            if (rule instanceof Rule.YearlyComparison yc) {
                operand(rp + "/value", yc.value());
                operand(rp + "/comparator", yc.comparator());
                if (positive(rp + "/pointsPerYear", yc.pointsPerYear(), "points per year") && max != null
                        && doc.assessmentYears() >= 1) {
                    BigDecimal reachable = yc.pointsPerYear().multiply(BigDecimal.valueOf(doc.assessmentYears()));
                    if (reachable.compareTo(max) != 0) {
                        add(rp + "/pointsPerYear", num(yc.pointsPerYear()) + " points × " + doc.assessmentYears()
                                + " years = " + num(reachable) + ", but the indicator is worth " + num(max));
                    }
                }
            } else if (rule instanceof Rule.RatioBands rb) {
                operand(rp + "/value", rb.value());
                bands(rp + "/bands", rb.bands(), max);
            } else if (rule instanceof Rule.CountBands cb) {
                metricRef(rp + "/metric", cb.metric());
                zones(rp + "/thresholdByZone", cb.thresholdByZone());
                bands(rp + "/bands", cb.bands(), max);
            } else if (rule instanceof Rule.Items) {
                itemsRule(p, ind);
            } else if (rule instanceof Rule.AnyItem ai) {
                anyItemRule(p, ind, ai);
            } else if (rule instanceof Rule.CappedCount cc) {
                metricRef(rp + "/metric", cc.metric());
                if (positive(rp + "/pointsPerCount", cc.pointsPerCount(), "points per count") && max != null
                        && cc.pointsPerCount().compareTo(max) > 0) {
                    add(rp + "/pointsPerCount", "points per count " + num(cc.pointsPerCount())
                            + " exceed the indicator's " + num(max) + " points");
                }
            }
            // Rule.ExpertPoints: an expert awards 0 … maxPoints; nothing more to check.
        }

        private void itemsRule(String p, Indicator ind) {
            List<Item> items = nullSafe(ind.items());
            if (items.isEmpty()) {
                add(p + "/items", "an items rule needs items; indicator '" + ind.code() + "' has none");
                return;
            }
            Sum sum = new Sum();
            for (int k = 0; k < items.size(); k++) {
                Item item = items.get(k);
                if (item == null) {
                    sum.broken = true;
                    continue;
                }
                String ip = p + "/items/" + k;
                if (item.points() == null) {
                    add(ip + "/points", "item '" + item.code() + "' of an items rule has no points");
                    sum.broken = true;
                } else if (item.points().signum() < 0) {
                    add(ip + "/points", "item '" + item.code() + "' has negative points " + num(item.points()));
                }
                sum.add(item.points());
                satisfiable(ip, item);
            }
            sumMatches(p + "/maxPoints", ind.maxPoints(), sum, "items of indicator '" + ind.code() + "'");
        }

        private void anyItemRule(String p, Indicator ind, Rule.AnyItem rule) {
            if (rule.points() == null) {
                add(p + "/rule/points", "the any_item rule of indicator '" + ind.code() + "' has no points");
            } else if (ind.maxPoints() != null && rule.points().compareTo(ind.maxPoints()) != 0) {
                add(p + "/rule/points", "an any_item rule awards the indicator's maximum " + num(ind.maxPoints())
                        + ", not " + num(rule.points()));
            }
            List<Item> items = nullSafe(ind.items());
            if (items.isEmpty()) {
                add(p + "/items", "an any_item rule needs items; indicator '" + ind.code() + "' has none");
                return;
            }
            for (int k = 0; k < items.size(); k++) {
                Item item = items.get(k);
                if (item == null) {
                    continue;
                }
                String ip = p + "/items/" + k;
                if (item.points() != null) {
                    add(ip + "/points", "items of an any_item rule carry no points (the rule does); item '"
                            + item.code() + "' has " + num(item.points()));
                }
                satisfiable(ip, item);
            }
        }

        private void satisfiable(String ip, Item item) {
            if (!item.expert() && nullSafe(item.conditions()).isEmpty()) {
                add(ip, "item '" + item.code() + "' can never be satisfied: it needs an expert verdict or conditions");
            }
        }

        private void zones(String p, Map<Zone, BigDecimal> thresholds) {
            if (thresholds == null) {
                add(p, "the count_bands rule has no threshold table");
                return;
            }
            for (Zone zone : Zone.values()) {
                BigDecimal t = thresholds.get(zone);
                if (t == null) {
                    add(p + "/" + zone.name(), "no threshold for economic zone " + zone.name());
                } else if (t.signum() < 0) {
                    add(p + "/" + zone.name(), "threshold for " + zone.name() + " is negative: " + num(t));
                }
            }
        }

        private void bands(String p, List<Band> bands, BigDecimal max) {
            if (bands == null || bands.isEmpty()) {
                add(p, "the rule has no bands");
                return;
            }
            BigDecimal best = null;
            Band previous = null;
            for (int b = 0; b < bands.size(); b++) {
                String bp = p + "/" + b;
                Band band = bands.get(b);
                if (band == null) {
                    add(bp, "empty band");
                    previous = null;
                    continue;
                }
                if (band.points() == null) {
                    add(bp + "/points", "the band has no points");
                } else if (band.points().signum() < 0) {
                    add(bp + "/points", "the band has negative points " + num(band.points()));
                } else {
                    if (max != null && band.points().compareTo(max) > 0) {
                        add(bp + "/points", "band points " + num(band.points()) + " exceed the indicator's "
                                + num(max) + " points");
                    }
                    best = best == null ? band.points() : best.max(band.points());
                }
                if (band.min() == null) {
                    add(bp + "/min", "the band has no lower end");
                    previous = null;
                    continue;
                }
                if (band.max() != null && band.min().compareTo(band.max()) > 0) {
                    add(bp, "the band's lower end " + num(band.min()) + " is above its upper end " + num(band.max()));
                } else if (previous != null) {
                    order(bp, previous, band);
                }
                previous = band;
            }
            if (best != null && max != null && best.compareTo(max) < 0) {
                add(p, "the best band awards " + num(best) + " points, so the indicator's " + num(max)
                        + " points cannot be reached");
            }
        }

        /** Bands sorted by lower end; consecutive bands may share an end but not overlap. */
        private void order(String bp, Band previous, Band band) {
            if (band.min().compareTo(previous.min()) < 0) {
                add(bp, "bands are not sorted by their lower end: " + num(band.min()) + " comes after "
                        + num(previous.min()));
            } else if (previous.max() == null) {
                add(bp, "the band starting at " + num(band.min())
                        + " overlaps the previous band, which is open-ended (starts at " + num(previous.min()) + ")");
            } else if (band.min().compareTo(previous.max()) < 0) {
                add(bp, "the band starting at " + num(band.min()) + " overlaps the previous band, which ends at "
                        + num(previous.max()) + " (only a shared end is allowed)");
            }
        }

        private void condition(String p, Condition c) {
            if (c == null) {
                add(p, "empty condition");
                return;
            }
            operand(p + "/value", c.value());
            if (c.op() == null) {
                add(p + "/op", "the condition has no comparison");
            }
            if (c.threshold() == null && c.against() == null) {
                add(p, "the condition needs a threshold or an operand to compare against");
            } else if (c.threshold() != null && c.against() != null) {
                add(p, "the condition has both a threshold and an operand to compare against; give one");
            } else if (c.against() != null) {
                operand(p + "/against", c.against());
            }
        }

        private void operand(String p, Operand o) {
            if (o == null) {
                add(p, "missing operand");
                return;
            }
            if (o.scope() == null) {
                add(p + "/scope", "the operand has no scope (SELF or NATIONAL)");
            }
            if (o.metric() == null && o.derive() == null) {
                add(p, "the operand names neither a metric nor a derivation");
            }
            if (o.metric() != null) {
                metricRef(p + "/metric", o.metric());
            }
            Operand.Derivation d = o.derive();
            if (d == null) {
                return;
            }
            String dp = p + "/derive";
            boolean growth = d.growthOf() != null;
            boolean ratio = d.numerator() != null || d.denominator() != null;
            if (growth == ratio) {
                add(dp, "a derivation is either growthOf or numerator/denominator, exactly one of them");
            }
            if (growth) {
                metricRef(dp + "/growthOf", d.growthOf());
            }
            if (ratio) {
                if (d.numerator() == null) {
                    add(dp + "/numerator", "the ratio has no numerator");
                } else {
                    metricRef(dp + "/numerator", d.numerator());
                }
                if (d.denominator() == null) {
                    add(dp + "/denominator", "the ratio has no denominator");
                } else {
                    metricRef(dp + "/denominator", d.denominator());
                }
                if (d.scale() == null || d.scale().signum() <= 0) {
                    add(dp + "/scale", "the ratio needs a positive scale (100 for a percentage, 1 for a plain ratio)");
                }
            }
        }

        private void metricRef(String p, String code) {
            if (blank(code)) {
                add(p, "no metric named");
            } else if (!metricCodes.containsKey(code)) {
                add(p, "metric '" + code + "' is not defined in /metrics");
            }
        }

        private boolean positive(String p, BigDecimal value, String what) {
            if (value == null) {
                add(p, "the rule has no " + what);
                return false;
            }
            if (value.signum() <= 0) {
                add(p, what + " must be more than 0, is " + num(value));
                return false;
            }
            return true;
        }
    }

    /** A running sum of points that remembers whether a part was missing. */
    private static final class Sum {
        BigDecimal value = BigDecimal.ZERO;
        boolean broken;

        void add(BigDecimal part) {
            if (part == null) {
                broken = true;
            } else {
                value = value.add(part);
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String num(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }
}
