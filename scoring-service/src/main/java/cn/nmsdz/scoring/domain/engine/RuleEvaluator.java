package cn.nmsdz.scoring.domain.engine;

import cn.nmsdz.events.catalogue.Band;
import cn.nmsdz.events.catalogue.Condition;
import cn.nmsdz.events.catalogue.Indicator;
import cn.nmsdz.events.catalogue.Item;
import cn.nmsdz.events.catalogue.MetricDefinition;
import cn.nmsdz.events.catalogue.MetricKind;
import cn.nmsdz.events.catalogue.Operand;
import cn.nmsdz.events.catalogue.Rule;
import cn.nmsdz.events.catalogue.Scope;
import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.domain.model.IndicatorStatus;
import cn.nmsdz.scoring.domain.model.InputUsed;
import cn.nmsdz.scoring.domain.model.MissingInput;
import cn.nmsdz.scoring.domain.model.ObservationFact;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Evaluates the rules of one indicator system for one region, year and basis (SPEC §3.1). */
final class RuleEvaluator {

    static final String NATIONAL_REGION = "CN";

    private final String region;
    private final Zone zone;
    private final int year;
    private final List<Integer> window;
    private final ObservationIndex observations;
    private final ExpertPanel panel;
    private final Map<String, MetricDefinition> metrics;

    RuleEvaluator(String region, Zone zone, int year, List<Integer> window, ObservationIndex observations,
                  ExpertPanel panel, Map<String, MetricDefinition> metrics) {
        this.region = region;
        this.zone = zone;
        this.year = year;
        this.window = window;
        this.observations = observations;
        this.panel = panel;
        this.metrics = metrics;
    }

    IndicatorScore evaluate(Indicator indicator) {
        BigDecimal max = Numbers.nz(indicator.maxPoints());
        Rule rule = indicator.rule();
        Work w = new Work();
        if (rule instanceof Rule.YearlyComparison r) {
            yearlyComparison(indicator, r, w);
        } else if (rule instanceof Rule.RatioBands r) {
            ratioBands(r, w);
        } else if (rule instanceof Rule.CountBands r) {
            countBands(r, w);
        } else if (rule instanceof Rule.Items) {
            items(indicator, w);
        } else if (rule instanceof Rule.AnyItem r) {
            anyItem(indicator, r, w);
        } else if (rule instanceof Rule.ExpertPoints) {
            expertPoints(indicator, w);
        } else if (rule instanceof Rule.CappedCount r) {
            cappedCount(indicator, r, w);
        } else {
            w.say("no scoring rule → 0");
        }
        BigDecimal points = Numbers.clamp(w.points, max);
        if (points.compareTo(w.points) < 0) {
            w.say("capped at the maximum " + Numbers.plain(max));
        }
        IndicatorStatus status = !w.missing.isEmpty() ? IndicatorStatus.MISSING_INPUT
                : !w.awaiting.isEmpty() ? IndicatorStatus.AWAITING_EXPERT : IndicatorStatus.SCORED;
        w.say("= " + Numbers.plain(points) + " of " + Numbers.plain(max));
        return new IndicatorScore(indicator.code(), indicator.number(), indicator.name(), kind(rule),
                Numbers.points(points), Numbers.points(max), status,
                List.copyOf(w.inputs), List.copyOf(w.explanation), List.copyOf(w.missing), List.copyOf(w.awaiting));
    }

    static String kind(Rule rule) {
        if (rule instanceof Rule.YearlyComparison) {
            return "yearly_comparison";
        } else if (rule instanceof Rule.RatioBands) {
            return "ratio_bands";
        } else if (rule instanceof Rule.CountBands) {
            return "count_bands";
        } else if (rule instanceof Rule.Items) {
            return "items";
        } else if (rule instanceof Rule.AnyItem) {
            return "any_item";
        } else if (rule instanceof Rule.ExpertPoints) {
            return "expert_points";
        } else if (rule instanceof Rule.CappedCount) {
            return "capped_count";
        }
        return "none";
    }

    // ---------------------------------------------------------------- yearly_comparison

    private void yearlyComparison(Indicator indicator, Rule.YearlyComparison rule, Work w) {
        BigDecimal perYear = rule.pointsPerYear() != null ? rule.pointsPerYear()
                : Numbers.nz(indicator.maxPoints()).divide(BigDecimal.valueOf(window.size()), 2,
                java.math.RoundingMode.HALF_UP);
        // name both operands once, so that the explanation names every input even when a figure is published
        w.say("each year of " + windowText() + ": " + describe(rule.value()) + " > " + describe(rule.comparator())
                + " → +" + Numbers.plain(perYear));
        for (int y : window) {
            Figure v = figure(rule.value(), y, "value " + y);
            Figure c = figure(rule.comparator(), y, "comparator " + y);
            if (!v.defined() || !c.defined()) {
                w.lack(v.missing());
                w.lack(c.missing());
                List<String> why = new ArrayList<>();
                if (!v.defined()) {
                    why.add(v.problem());
                }
                if (!c.defined()) {
                    why.add("comparator: " + c.problem());
                }
                w.say(y + ": " + String.join("; ", why) + " → +0 (missing input)");
                continue;
            }
            w.use(v);
            w.use(c);
            boolean greater = v.value().compareTo(c.value()) > 0;
            if (greater) {
                w.add(perYear);
            }
            w.say(y + ": " + v.shown() + ownLabel(v) + (greater ? " > " : " ≤ ") + c.shown()
                    + " (" + c.source() + ") → +" + (greater ? Numbers.plain(perYear) : "0"));
        }
    }

    /** The value's own source is left out when it is simply the region's published figure. */
    private String ownLabel(Figure f) {
        return (region + ", published").equals(f.source()) ? "" : " (" + f.source() + ")";
    }

    // ---------------------------------------------------------------- ratio_bands

    private void ratioBands(Rule.RatioBands rule, Work w) {
        Figure v = figure(rule.value(), year, "value " + year);
        if (!v.defined()) {
            w.lack(v.missing());
            w.use(v);
            w.say(year + ": " + v.problem() + " → 0");
            return;
        }
        w.use(v);
        Band band = band(rule.bands(), v.value());
        if (band == null) {
            w.say(year + ": " + v.shown() + " (" + v.source() + ") is in no band " + bandsText(rule.bands()) + " → 0");
            return;
        }
        w.add(band.points());
        w.say(year + ": " + v.shown() + " (" + v.source() + ") in band " + bandText(band) + " → +"
                + Numbers.plain(band.points()));
    }

    /** Both ends included; where several bands hold the value, the higher band (greatest lower end) wins. */
    static Band band(List<Band> bands, BigDecimal value) {
        Band best = null;
        for (Band b : bands == null ? List.<Band>of() : bands) {
            if (b == null) {
                continue;
            }
            boolean aboveMin = b.min() == null || value.compareTo(b.min()) >= 0;
            boolean belowMax = b.max() == null || value.compareTo(b.max()) <= 0;
            if (aboveMin && belowMax && (best == null || higher(b, best))) {
                best = b;
            }
        }
        return best;
    }

    private static boolean higher(Band a, Band b) {
        if (a.min() == null || b.min() == null) {
            if (a.min() == null && b.min() == null) {
                return Numbers.nz(a.points()).compareTo(Numbers.nz(b.points())) > 0;
            }
            return b.min() == null;
        }
        int c = a.min().compareTo(b.min());
        return c > 0 || (c == 0 && Numbers.nz(a.points()).compareTo(Numbers.nz(b.points())) > 0);
    }

    private static String bandText(Band b) {
        return "[" + (b.min() == null ? "−∞" : Numbers.plain(b.min())) + ", "
                + (b.max() == null ? "∞)" : Numbers.plain(b.max()) + "]");
    }

    private static String bandsText(List<Band> bands) {
        List<String> parts = new ArrayList<>();
        for (Band b : bands == null ? List.<Band>of() : bands) {
            parts.add(bandText(b) + "→" + Numbers.plain(b.points()));
        }
        return String.join(" ", parts);
    }

    // ---------------------------------------------------------------- count_bands

    private void countBands(Rule.CountBands rule, Work w) {
        BigDecimal threshold = zone == null || rule.thresholdByZone() == null ? null : rule.thresholdByZone().get(zone);
        String metric = rule.metric();
        if (threshold == null) {
            w.say("the rule gives no threshold for zone " + zone + " → 0");
            return;
        }
        String unit = unit(metric);
        w.say("threshold for " + zone + ": " + metric + " ≥ " + Numbers.plain(threshold)
                + (unit.isEmpty() ? "" : " " + unit) + " in " + windowText() + ", each subject once");
        Map<String, List<ObservationFact>> bySubject = new TreeMap<>();
        boolean any = false;
        int withoutSubject = 0;
        for (int y : window) {
            for (ObservationFact f : observations.all(region, metric, y)) {
                any = true;
                String subject = ObservationIndex.blankToNull(f.subject());
                if (subject == null) {
                    withoutSubject++;
                    continue;
                }
                bySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(f);
            }
        }
        if (!any) {
            for (int y : window) {
                w.missing.add(new MissingInput(metric, region, y));
            }
            w.say("no observation of " + metric + " for " + region + " in " + windowText() + " → 0 (missing input)");
            return;
        }
        if (withoutSubject > 0) {
            w.say(withoutSubject + " observation(s) without a subject ignored: subjects are counted by unified social credit code");
        }
        int count = 0;
        for (Map.Entry<String, List<ObservationFact>> e : bySubject.entrySet()) {
            List<ObservationFact> reaching = new ArrayList<>();
            ObservationFact highest = null;
            for (ObservationFact f : e.getValue()) {
                if (f.value().compareTo(threshold) >= 0) {
                    reaching.add(f);
                }
                if (highest == null || f.value().compareTo(highest.value()) > 0) {
                    highest = f;
                }
            }
            if (!reaching.isEmpty()) {
                count++;
                List<String> years = new ArrayList<>();
                for (ObservationFact f : reaching) {
                    years.add(f.year() + " " + Numbers.fig(f.value(), unit));
                    w.inputs.add(input(f, "counted subject"));
                }
                w.say(e.getKey() + ": " + String.join(", ", years) + " ≥ " + Numbers.plain(threshold) + " → counted once");
            } else {
                w.inputs.add(input(highest, "below threshold"));
                w.say(e.getKey() + ": highest " + highest.year() + " " + Numbers.fig(highest.value(), unit) + " < "
                        + Numbers.plain(threshold) + " → not counted");
            }
        }
        BigDecimal n = BigDecimal.valueOf(count);
        Band band = band(rule.bands(), n);
        if (band == null) {
            w.say(count + " distinct subject(s) → in no band " + bandsText(rule.bands()) + " → 0");
        } else {
            w.add(band.points());
            w.say(count + " distinct subject(s) → band " + bandText(band) + " → +" + Numbers.plain(band.points()));
        }
    }

    // ---------------------------------------------------------------- items / any_item

    private enum Outcome { SATISFIED, NOT_SATISFIED, UNDECIDED }

    private record ItemResult(Outcome outcome, Work work) {
    }

    private void items(Indicator indicator, Work w) {
        List<Item> items = indicator.items() == null ? List.of() : indicator.items();
        if (items.isEmpty()) {
            w.say("no items → 0");
        }
        for (Item item : items) {
            ItemResult r = item(indicator, item);
            merge(r.work(), w, true);
            BigDecimal p = Numbers.nz(item.points());
            switch (r.outcome()) {
                case SATISFIED -> {
                    w.add(p);
                    w.say(item.code() + " satisfied → +" + Numbers.plain(p));
                }
                case NOT_SATISFIED -> w.say(item.code() + " not satisfied → +0");
                case UNDECIDED -> w.say(item.code() + " undecided → +0");
            }
        }
    }

    private void anyItem(Indicator indicator, Rule.AnyItem rule, Work w) {
        List<Item> items = indicator.items() == null ? List.of() : indicator.items();
        BigDecimal p = rule.points() != null ? rule.points() : Numbers.nz(indicator.maxPoints());
        Map<Item, ItemResult> results = new LinkedHashMap<>();
        String satisfiedBy = null;
        for (Item item : items) {
            ItemResult r = item(indicator, item);
            results.put(item, r);
            if (satisfiedBy == null && r.outcome() == Outcome.SATISFIED) {
                satisfiedBy = item.code();
            }
        }
        // once one item is satisfied nothing else can change the points: what others lack is not reported
        boolean decided = satisfiedBy != null;
        for (Map.Entry<Item, ItemResult> e : results.entrySet()) {
            merge(e.getValue().work(), w, !decided);
            w.say(e.getKey().code() + " " + switch (e.getValue().outcome()) {
                case SATISFIED -> "satisfied";
                case NOT_SATISFIED -> "not satisfied";
                case UNDECIDED -> "undecided";
            });
        }
        if (decided) {
            w.add(p);
            w.say("any one item suffices: " + satisfiedBy + " → +" + Numbers.plain(p));
        } else {
            w.say(items.isEmpty() ? "no items → 0" : "no item satisfied → 0");
        }
    }

    private static void merge(Work from, Work into, boolean withOpenQuestions) {
        into.inputs.addAll(from.inputs);
        into.explanation.addAll(from.explanation);
        if (withOpenQuestions) {
            into.missing.addAll(from.missing);
            into.awaiting.addAll(from.awaiting);
        }
    }

    /**
     * One item: its conditions must all hold (each for year Y, or for every year of the window) and, when it
     * needs an expert (expert=true, or no conditions at all), the expert verdict — or in PROJECTED a claim —
     * must say yes. Once the outcome is settled (a condition fails or the experts say no), nothing else is
     * reported as missing or awaited for that item.
     */
    private ItemResult item(Indicator indicator, Item item) {
        Work w = new Work();
        String label = item.code() == null ? indicator.code() : item.code();
        List<Condition> conditions = item.conditions() == null ? List.of() : item.conditions();
        boolean conditionFailed = false;
        Set<MissingInput> conditionMissing = new java.util.LinkedHashSet<>();
        for (Condition c : conditions) {
            List<Integer> years = c.everyYear() ? window : List.of(year);
            for (int y : years) {
                Boolean holds = condition(label, c, y, w, conditionMissing);
                if (Boolean.FALSE.equals(holds)) {
                    conditionFailed = true;
                }
            }
        }
        if (conditionFailed) {
            return new ItemResult(Outcome.NOT_SATISFIED, w);
        }
        boolean needsExpert = item.expert() || conditions.isEmpty();
        boolean awaiting = false;
        if (needsExpert) {
            ExpertPanel.Judgement j = panel.yesNo(indicator.code(), item.code(), label);
            if (j.decided()) {
                w.use(j.inputs());
                w.say(j.explanation());
                if (!j.satisfied()) {
                    return new ItemResult(Outcome.NOT_SATISFIED, w);
                }
            } else {
                awaiting = true;
                w.awaiting.add(label);
                w.say(label + ": awaiting expert verdict");
            }
        }
        if (!conditionMissing.isEmpty() || awaiting) {
            w.missing.addAll(conditionMissing);
            return new ItemResult(Outcome.UNDECIDED, w);
        }
        return new ItemResult(Outcome.SATISFIED, w);
    }

    /** TRUE / FALSE, or null when an input is missing (recorded in {@code missing}). */
    private Boolean condition(String label, Condition c, int y, Work w, Set<MissingInput> missing) {
        Figure v = figure(c.value(), y, "condition " + label + " " + y);
        String what = label + " " + y + ": " + describe(c.value())
                + (c.against() == null ? "" : " vs " + describe(c.against()));
        if (c.op() == null || (c.threshold() == null && c.against() == null)) {
            w.say(what + ": the condition names no comparison → not satisfied");
            return Boolean.FALSE;
        }
        Figure ref = null;
        BigDecimal reference = c.threshold();
        if (c.against() != null) {
            ref = figure(c.against(), y, "reference " + label + " " + y);
            reference = ref.value();
        }
        if (!v.defined() || (ref != null && !ref.defined())) {
            List<String> why = new ArrayList<>();
            if (!v.defined()) {
                missing.addAll(v.missing());
                why.add(v.problem());
            }
            if (ref != null && !ref.defined()) {
                missing.addAll(ref.missing());
                why.add("reference: " + ref.problem());
            }
            w.say(what + ": " + String.join("; ", why) + " (missing input)");
            return null;
        }
        w.use(v);
        if (ref != null) {
            w.use(ref);
        }
        boolean holds = Numbers.holds(v.value(), c.op(), reference);
        String refText = ref != null ? ref.shown() + " (" + ref.source() + ")"
                : Numbers.plain(reference) + (v.unit().isEmpty() ? "" : " " + v.unit());
        w.say(what + " " + v.shown() + ownLabel(v) + " " + Numbers.symbol(c.op()) + " " + refText
                + (holds ? " → holds" : " → does not hold"));
        return holds;
    }

    // ---------------------------------------------------------------- expert_points

    private void expertPoints(Indicator indicator, Work w) {
        ExpertPanel.Judgement j = panel.points(indicator.code(), null, indicator.code());
        if (!j.decided()) {
            w.awaiting.add(indicator.code());
            w.say(indicator.code() + ": awaiting expert points → 0");
            return;
        }
        w.use(j.inputs());
        w.say(j.explanation());
        w.add(j.points());
    }

    // ---------------------------------------------------------------- capped_count

    private void cappedCount(Indicator indicator, Rule.CappedCount rule, Work w) {
        String metric = rule.metric();
        BigDecimal perCount = rule.pointsPerCount() == null ? BigDecimal.ONE : rule.pointsPerCount();
        BigDecimal total = BigDecimal.ZERO;
        boolean any = false;
        List<String> perYear = new ArrayList<>();
        for (int y : window) {
            BigDecimal sum = BigDecimal.ZERO;
            List<ObservationFact> facts = observations.all(region, metric, y);
            for (ObservationFact f : facts) {
                any = true;
                sum = sum.add(f.value());
                w.inputs.add(input(f, "counted"));
            }
            total = total.add(sum);
            perYear.add(y + ": " + Numbers.plain(sum) + " (" + facts.size() + " observation(s))");
        }
        if (!any) {
            for (int y : window) {
                w.missing.add(new MissingInput(metric, region, y));
            }
            w.say("no observation of " + metric + " for " + region + " in " + windowText() + " → 0 (missing input)");
            return;
        }
        BigDecimal raw = total.multiply(perCount);
        w.add(raw);
        w.say(metric + " " + String.join(", ", perYear) + " → " + Numbers.plain(total) + " × "
                + Numbers.plain(perCount) + " = " + Numbers.plain(raw) + " (cap " + Numbers.plain(indicator.maxPoints()) + ")");
    }

    // ---------------------------------------------------------------- operands

    /**
     * The operand's figure for year y: the observed metric if present (a published rate wins), otherwise the
     * derivation (growth or ratio), otherwise missing. A zero denominator makes the figure undefined: it is
     * reported as the missing (unusable) input, never as an exception.
     */
    Figure figure(Operand op, int y, String role) {
        if (op == null) {
            return new Figure(null, "", "", List.of(), List.of(), "the rule names no operand");
        }
        String reg = op.scope() == Scope.NATIONAL ? NATIONAL_REGION : region;
        if (op.metric() != null) {
            ObservationFact f = observations.figure(reg, op.metric(), y);
            if (f != null) {
                return new Figure(f.value(), unit(op.metric()), reg + ", published", List.of(input(f, role)),
                        List.of(), null);
            }
        }
        Operand.Derivation d = op.derive();
        if (d != null && d.growthOf() != null) {
            return growth(reg, op, d.growthOf(), y, role);
        }
        if (d != null && d.numerator() != null && d.denominator() != null) {
            return ratio(reg, op, d, y, role);
        }
        if (op.metric() != null) {
            return new Figure(null, unit(op.metric()), reg + ", published", List.of(),
                    List.of(new MissingInput(op.metric(), reg, y)),
                    "no " + op.metric() + " for " + reg + " " + y);
        }
        return new Figure(null, "", "", List.of(), List.of(), "the operand names neither a metric nor a derivation");
    }

    private Figure growth(String reg, Operand op, String level, int y, String role) {
        ObservationFact cur = observations.figure(reg, level, y);
        ObservationFact prev = observations.figure(reg, level, y - 1);
        String source = reg + ", derived: (" + level + " " + y + " / " + (y - 1) + " − 1) × 100";
        String published = op.metric() == null ? "" : "no published " + op.metric() + " for " + reg + " " + y + "; ";
        if (cur == null || prev == null) {
            List<MissingInput> missing = publishedMissing(op, reg, y);
            List<String> names = new ArrayList<>();
            if (prev == null) {
                missing.add(new MissingInput(level, reg, y - 1));
                names.add(level + " " + reg + " " + (y - 1));
            }
            if (cur == null) {
                missing.add(new MissingInput(level, reg, y));
                names.add(level + " " + reg + " " + y);
            }
            return new Figure(null, "%", source, List.of(), List.copyOf(missing),
                    published + "derived growth needs " + String.join(" and ", names));
        }
        List<InputUsed> used = List.of(input(cur, role + " level " + y), input(prev, role + " level " + (y - 1)));
        if (prev.value().signum() == 0) {
            List<MissingInput> missing = publishedMissing(op, reg, y);
            missing.add(new MissingInput(level, reg, y - 1));
            return new Figure(null, "%", source, used, List.copyOf(missing),
                    published + level + " " + reg + " " + (y - 1) + " = 0: division by zero, growth undefined");
        }
        BigDecimal value = Numbers.divide(cur.value().subtract(prev.value()), Numbers.HUNDRED, prev.value());
        return new Figure(value, "%", source, used, List.of(), null);
    }

    private Figure ratio(String reg, Operand op, Operand.Derivation d, int y, String role) {
        BigDecimal scale = d.scale() == null ? BigDecimal.ONE : d.scale();
        String unit = scale.compareTo(Numbers.HUNDRED) == 0 ? "%" : "";
        ObservationFact num = observations.figure(reg, d.numerator(), y);
        ObservationFact den = observations.figure(reg, d.denominator(), y);
        String source = reg + ", derived: " + d.numerator() + " / " + d.denominator()
                + (scale.compareTo(BigDecimal.ONE) == 0 ? "" : " × " + Numbers.plain(scale)) + " " + y;
        String published = op.metric() == null ? "" : "no published " + op.metric() + " for " + reg + " " + y + "; ";
        if (num == null || den == null) {
            List<MissingInput> missing = publishedMissing(op, reg, y);
            List<String> names = new ArrayList<>();
            if (num == null) {
                missing.add(new MissingInput(d.numerator(), reg, y));
                names.add(d.numerator() + " " + reg + " " + y);
            }
            if (den == null) {
                missing.add(new MissingInput(d.denominator(), reg, y));
                names.add(d.denominator() + " " + reg + " " + y);
            }
            return new Figure(null, unit, source, List.of(), List.copyOf(missing),
                    published + "the ratio needs " + String.join(" and ", names));
        }
        List<InputUsed> used = List.of(input(num, role + " numerator"), input(den, role + " denominator"));
        if (den.value().signum() == 0) {
            List<MissingInput> missing = publishedMissing(op, reg, y);
            missing.add(new MissingInput(d.denominator(), reg, y));
            return new Figure(null, unit, source, used, List.copyOf(missing),
                    published + d.denominator() + " " + reg + " " + y + " = 0: division by zero, ratio undefined");
        }
        return new Figure(Numbers.divide(num.value(), scale, den.value()), unit, source, used, List.of(), null);
    }

    /**
     * When an operand names a published metric and a derivation and neither can be had, what is missing is
     * the published figure first (it would win), then what the derivation lacks.
     */
    private static List<MissingInput> publishedMissing(Operand op, String reg, int y) {
        List<MissingInput> missing = new ArrayList<>();
        if (op.metric() != null) {
            missing.add(new MissingInput(op.metric(), reg, y));
        }
        return missing;
    }

    private static String describe(Operand op) {
        if (op == null) {
            return "?";
        }
        String who = op.scope() == Scope.NATIONAL ? " (CN)" : "";
        if (op.metric() != null) {
            return op.metric() + who;
        }
        Operand.Derivation d = op.derive();
        if (d != null && d.growthOf() != null) {
            return "growth of " + d.growthOf() + who;
        }
        if (d != null) {
            return d.numerator() + " / " + d.denominator() + who;
        }
        return "?";
    }

    private String unit(String metric) {
        MetricDefinition def = metric == null ? null : metrics.get(metric);
        if (def == null) {
            return "";
        }
        if (def.kind() == MetricKind.RATE) {
            return "%";
        }
        return def.unit() == null ? "" : def.unit();
    }

    private String windowText() {
        return window.get(0) + (window.size() > 1 ? "–" + window.get(window.size() - 1) : "");
    }

    private static InputUsed input(ObservationFact f, String role) {
        return new InputUsed(f.evidenceId(), f.region(), f.metric(), f.year(),
                ObservationIndex.blankToNull(f.subject()), f.value(), role);
    }
}
