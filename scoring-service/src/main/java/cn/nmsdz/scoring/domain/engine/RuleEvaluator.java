package cn.nmsdz.scoring.domain.engine;

import cn.nmsdz.events.catalogue.RegionCodes;
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
import cn.nmsdz.scoring.domain.model.Reason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Evaluates the rules of one indicator system for one region, year and basis (SPEC §3.1). */
final class RuleEvaluator {

    static final String NATIONAL_REGION = RegionCodes.NATION;

    private final String region;
    private final Zone zone;
    private final int year;
    private final List<Integer> window;
    private final ObservationIndex observations;
    private final ExpertPanel panel;
    private final Map<String, MetricDefinition> metrics;
    /** Whether each indicator's reasons are also rendered as English lines (see {@link ScoringEngine#reasonsOnly}). */
    private final boolean englishLines;

    RuleEvaluator(String region, Zone zone, int year, List<Integer> window, ObservationIndex observations,
                  ExpertPanel panel, Map<String, MetricDefinition> metrics, boolean englishLines) {
        this.region = region;
        this.zone = zone;
        this.year = year;
        this.window = window;
        this.observations = observations;
        this.panel = panel;
        this.metrics = metrics;
        this.englishLines = englishLines;
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
            w.say(Reason.of("rule.none"));
        }
        BigDecimal points = Numbers.clamp(w.points, max);
        if (points.compareTo(w.points) < 0) {
            w.say(Reason.of("capped").with("max", Numbers.plain(max)));
        }
        IndicatorStatus status = !w.missing.isEmpty() ? IndicatorStatus.MISSING_INPUT
                : !w.awaiting.isEmpty() ? IndicatorStatus.AWAITING_EXPERT : IndicatorStatus.SCORED;
        w.say(Reason.of("result").with("points", Numbers.plain(points)).with("max", Numbers.plain(max)));
        List<Reason> reasons = List.copyOf(w.explanation);
        return new IndicatorScore(indicator.code(), indicator.number(), indicator.name(), kind(rule),
                Numbers.points(points), Numbers.points(max), status,
                List.copyOf(w.inputs), englishLines ? Explainer.english().render(reasons) : null, List.copyOf(w.missing),
                List.copyOf(w.awaiting), reasons,
                englishLines ? w.missing.stream().map(Explainer.english()::missing).toList() : null);
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
        w.say(Reason.of("yearly.rule").part("window", windowReason()).part("value", describe(rule.value()))
                .part("comparator", describe(rule.comparator())).with("points", Numbers.plain(perYear)));
        for (int y : window) {
            Figure v = figure(rule.value(), y, "value " + y);
            Figure c = figure(rule.comparator(), y, "comparator " + y);
            if (!v.defined() || !c.defined()) {
                w.lack(v.missing());
                w.lack(c.missing());
                List<Reason> why = new ArrayList<>();
                if (!v.defined()) {
                    why.add(v.problem());
                }
                if (!c.defined()) {
                    why.add(Reason.of("comparator.problem").part("problem", c.problem()));
                }
                w.say(Reason.of("yearly.missing").with("year", y).parts("why", why));
                continue;
            }
            w.use(v);
            w.use(c);
            boolean greater = v.value().compareTo(c.value()) > 0;
            if (greater) {
                w.add(perYear);
            }
            w.say(Reason.of(greater ? "yearly.greater" : "yearly.notGreater").with("year", y)
                    .with("valueRegion", regionOf(rule.value())).part("valueWhat", what(rule.value()))
                    .with("value", v.value()).with("unit", v.unit()).part("valueSource", ownLabel(v))
                    .with("comparatorRegion", regionOf(rule.comparator())).part("comparatorWhat", what(rule.comparator()))
                    .with("comparatorValue", c.value()).with("comparatorUnit", c.unit())
                    .part("comparatorSource", c.source()).with("points", Numbers.plain(perYear)));
        }
    }

    /** The value's own source is left out when it is simply the region's published figure. */
    private static Reason ownLabel(Figure f) {
        return f.ownPublished() ? null : f.source();
    }

    private String regionOf(Operand op) {
        return op != null && op.scope() == Scope.NATIONAL ? NATIONAL_REGION : region;
    }

    // ---------------------------------------------------------------- ratio_bands

    private void ratioBands(Rule.RatioBands rule, Work w) {
        Figure v = figure(rule.value(), year, "value " + year);
        if (!v.defined()) {
            w.lack(v.missing());
            w.use(v);
            w.say(Reason.of("ratio.missing").with("year", year).part("problem", v.problem()));
            return;
        }
        w.use(v);
        Band band = band(rule.bands(), v.value());
        Reason line = Reason.of(band == null ? "ratio.noBand" : "ratio.band").with("year", year)
                .with("valueRegion", regionOf(rule.value())).part("what", what(rule.value()))
                .with("value", v.value()).with("unit", v.unit()).part("source", v.source());
        if (band == null) {
            w.say(line.parts("bands", bandsText(rule.bands())));
            return;
        }
        w.add(band.points());
        w.say(line.part("band", bandText(band)).with("points", Numbers.plain(band.points())));
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

    private static Reason bandText(Band b) {
        String code = b.min() == null ? (b.max() == null ? "band.any" : "band.upTo")
                : (b.max() == null ? "band.from" : "band.between");
        return Reason.of(code).with("min", b.min() == null ? null : Numbers.plain(b.min()))
                .with("max", b.max() == null ? null : Numbers.plain(b.max()));
    }

    private static List<Reason> bandsText(List<Band> bands) {
        List<Reason> parts = new ArrayList<>();
        for (Band b : bands == null ? List.<Band>of() : bands) {
            parts.add(Reason.of("band.points").part("band", bandText(b)).with("points", Numbers.plain(b.points())));
        }
        return parts;
    }

    // ---------------------------------------------------------------- count_bands

    private void countBands(Rule.CountBands rule, Work w) {
        BigDecimal threshold = zone == null || rule.thresholdByZone() == null ? null : rule.thresholdByZone().get(zone);
        String metric = rule.metric();
        if (threshold == null) {
            w.say(Reason.of("count.noThreshold").with("zone", String.valueOf(zone)));
            return;
        }
        String unit = unit(metric);
        w.say(Reason.of("count.rule").with("zone", zone).with("metric", metric)
                .with("threshold", Numbers.plain(threshold)).with("unit", unit).part("window", windowReason()));
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
            w.say(noObservation(metric));
            return;
        }
        if (withoutSubject > 0) {
            w.say(Reason.of("count.withoutSubject").with("count", withoutSubject));
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
                List<Reason> years = new ArrayList<>();
                for (ObservationFact f : reaching) {
                    years.add(Reason.of("count.figure").with("year", f.year()).with("value", f.value()).with("unit", unit));
                    w.inputs.add(input(f, "counted subject"));
                }
                w.say(Reason.of("count.counted").with("subject", e.getKey()).parts("figures", years)
                        .with("threshold", Numbers.plain(threshold)).with("unit", unit));
            } else {
                w.inputs.add(input(highest, "below threshold"));
                w.say(Reason.of("count.notCounted").with("subject", e.getKey()).with("year", highest.year())
                        .with("value", highest.value()).with("unit", unit).with("threshold", Numbers.plain(threshold)));
            }
        }
        BigDecimal n = BigDecimal.valueOf(count);
        Band band = band(rule.bands(), n);
        if (band == null) {
            w.say(Reason.of("count.noBand").with("count", count).parts("bands", bandsText(rule.bands())));
        } else {
            w.add(band.points());
            w.say(Reason.of("count.band").with("count", count).part("band", bandText(band))
                    .with("points", Numbers.plain(band.points())));
        }
    }

    // ---------------------------------------------------------------- items / any_item

    private enum Outcome { SATISFIED, NOT_SATISFIED, UNDECIDED }

    private record ItemResult(Outcome outcome, Work work) {
    }

    private void items(Indicator indicator, Work w) {
        List<Item> items = indicator.items() == null ? List.of() : indicator.items();
        if (items.isEmpty()) {
            w.say(Reason.of("items.none"));
        }
        for (Item item : items) {
            ItemResult r = item(indicator, item);
            merge(r.work(), w, true);
            BigDecimal p = Numbers.nz(item.points());
            switch (r.outcome()) {
                case SATISFIED -> {
                    w.add(p);
                    w.say(Reason.of("item.satisfied").with("item", item.code()).with("points", Numbers.plain(p)));
                }
                case NOT_SATISFIED -> w.say(Reason.of("item.notSatisfied").with("item", item.code()));
                case UNDECIDED -> w.say(Reason.of("item.undecided").with("item", item.code()));
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
            w.say(Reason.of(switch (e.getValue().outcome()) {
                case SATISFIED -> "anyItem.satisfied";
                case NOT_SATISFIED -> "anyItem.notSatisfied";
                case UNDECIDED -> "anyItem.undecided";
            }).with("item", e.getKey().code()));
        }
        if (decided) {
            w.add(p);
            w.say(Reason.of("anyItem.decided").with("item", satisfiedBy).with("points", Numbers.plain(p)));
        } else {
            w.say(Reason.of(items.isEmpty() ? "items.none" : "anyItem.none"));
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
                w.say(Reason.of("item.awaiting").with("item", label));
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
        java.util.function.Function<String, Reason> what = code -> Reason.of(code).with("item", label).with("year", y)
                .part("what", describe(c.value())).part("against", c.against() == null ? null : describe(c.against()));
        if (c.op() == null || (c.threshold() == null && c.against() == null)) {
            w.say(what.apply("condition.noComparison"));
            return Boolean.FALSE;
        }
        Figure ref = null;
        BigDecimal reference = c.threshold();
        if (c.against() != null) {
            ref = figure(c.against(), y, "reference " + label + " " + y);
            reference = ref.value();
        }
        if (!v.defined() || (ref != null && !ref.defined())) {
            List<Reason> why = new ArrayList<>();
            if (!v.defined()) {
                missing.addAll(v.missing());
                why.add(v.problem());
            }
            if (ref != null && !ref.defined()) {
                missing.addAll(ref.missing());
                why.add(Reason.of("reference.problem").part("problem", ref.problem()));
            }
            w.say(what.apply("condition.missing").parts("why", why));
            return null;
        }
        w.use(v);
        if (ref != null) {
            w.use(ref);
        }
        boolean holds = Numbers.holds(v.value(), c.op(), reference);
        Reason refText = ref != null
                ? Reason.of("reference.figure").with("value", ref.value()).with("unit", ref.unit()).part("source", ref.source())
                : Reason.of("reference.threshold").with("threshold", Numbers.plain(reference)).with("unit", v.unit());
        w.say(what.apply(holds ? "condition.holds" : "condition.fails").with("value", v.value()).with("unit", v.unit())
                .part("valueSource", ownLabel(v)).with("op", c.op().name()).part("reference", refText));
        return holds;
    }

    // ---------------------------------------------------------------- expert_points

    private void expertPoints(Indicator indicator, Work w) {
        ExpertPanel.Judgement j = panel.points(indicator.code(), null, indicator.code());
        if (!j.decided()) {
            w.awaiting.add(indicator.code());
            w.say(Reason.of("expertPoints.awaiting").with("indicator", indicator.code()));
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
        List<Reason> perYear = new ArrayList<>();
        for (int y : window) {
            BigDecimal sum = BigDecimal.ZERO;
            List<ObservationFact> facts = observations.all(region, metric, y);
            for (ObservationFact f : facts) {
                any = true;
                sum = sum.add(f.value());
                w.inputs.add(input(f, "counted"));
            }
            total = total.add(sum);
            perYear.add(Reason.of("capped.year").with("year", y).with("sum", Numbers.plain(sum)).with("count", facts.size()));
        }
        if (!any) {
            for (int y : window) {
                w.missing.add(new MissingInput(metric, region, y));
            }
            w.say(noObservation(metric));
            return;
        }
        BigDecimal raw = total.multiply(perCount);
        w.add(raw);
        w.say(Reason.of("capped.count").with("metric", metric).parts("years", perYear).with("total", Numbers.plain(total))
                .with("perCount", Numbers.plain(perCount)).with("raw", Numbers.plain(raw))
                .with("cap", Numbers.plain(indicator.maxPoints())));
    }

    // ---------------------------------------------------------------- operands

    /**
     * The operand's figure for year y: the observed metric if present (a published rate wins), otherwise the
     * derivation (growth or ratio), otherwise missing. A zero denominator makes the figure undefined: it is
     * reported as the missing (unusable) input, never as an exception.
     */
    Figure figure(Operand op, int y, String role) {
        if (op == null) {
            return new Figure(null, "", null, false, List.of(), List.of(), Reason.of("problem.noOperand"));
        }
        String reg = op.scope() == Scope.NATIONAL ? NATIONAL_REGION : region;
        Reason published = Reason.of("src.published").with("region", reg);
        boolean own = reg.equals(region);
        if (op.metric() != null) {
            ObservationFact f = observations.figure(reg, op.metric(), y);
            if (f != null) {
                return new Figure(f.value(), unit(op.metric()), published, own, List.of(input(f, role)), List.of(), null);
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
            return new Figure(null, unit(op.metric()), published, own, List.of(),
                    List.of(new MissingInput(op.metric(), reg, y)),
                    Reason.of("problem.noFigure").with("metric", op.metric()).with("region", reg).with("year", y));
        }
        return new Figure(null, "", null, false, List.of(), List.of(), Reason.of("problem.noMetric"));
    }

    private Figure growth(String reg, Operand op, String level, int y, String role) {
        ObservationFact cur = observations.figure(reg, level, y);
        ObservationFact prev = observations.figure(reg, level, y - 1);
        Reason source = Reason.of("src.growth").with("region", reg).with("level", level).with("year", y)
                .with("prevYear", y - 1);
        if (cur == null || prev == null) {
            List<MissingInput> missing = publishedMissing(op, reg, y);
            List<Reason> names = new ArrayList<>();
            if (prev == null) {
                missing.add(new MissingInput(level, reg, y - 1));
                names.add(inputReason(level, reg, y - 1));
            }
            if (cur == null) {
                missing.add(new MissingInput(level, reg, y));
                names.add(inputReason(level, reg, y));
            }
            return new Figure(null, "%", source, false, List.of(), List.copyOf(missing),
                    Reason.of("problem.growthNeeds").with("publishedMetric", op.metric()).with("region", reg)
                            .with("year", y).parts("needs", names));
        }
        List<InputUsed> used = List.of(input(cur, role + " level " + y), input(prev, role + " level " + (y - 1)));
        if (prev.value().signum() == 0) {
            List<MissingInput> missing = publishedMissing(op, reg, y);
            missing.add(new MissingInput(level, reg, y - 1));
            return new Figure(null, "%", source, false, used, List.copyOf(missing),
                    Reason.of("problem.growthZero").with("publishedMetric", op.metric()).with("region", reg)
                            .with("year", y).with("level", level).with("prevYear", y - 1));
        }
        BigDecimal value = Numbers.divide(cur.value().subtract(prev.value()), Numbers.HUNDRED, prev.value());
        return new Figure(value, "%", source, false, used, List.of(), null);
    }

    private Figure ratio(String reg, Operand op, Operand.Derivation d, int y, String role) {
        BigDecimal scale = d.scale() == null ? BigDecimal.ONE : d.scale();
        String unit = scale.compareTo(Numbers.HUNDRED) == 0 ? "%" : "";
        ObservationFact num = observations.figure(reg, d.numerator(), y);
        ObservationFact den = observations.figure(reg, d.denominator(), y);
        Reason source = Reason.of("src.ratio").with("region", reg).with("numerator", d.numerator())
                .with("denominator", d.denominator())
                .with("scale", scale.compareTo(BigDecimal.ONE) == 0 ? null : Numbers.plain(scale)).with("year", y);
        if (num == null || den == null) {
            List<MissingInput> missing = publishedMissing(op, reg, y);
            List<Reason> names = new ArrayList<>();
            if (num == null) {
                missing.add(new MissingInput(d.numerator(), reg, y));
                names.add(inputReason(d.numerator(), reg, y));
            }
            if (den == null) {
                missing.add(new MissingInput(d.denominator(), reg, y));
                names.add(inputReason(d.denominator(), reg, y));
            }
            return new Figure(null, unit, source, false, List.of(), List.copyOf(missing),
                    Reason.of("problem.ratioNeeds").with("publishedMetric", op.metric()).with("region", reg)
                            .with("year", y).parts("needs", names));
        }
        List<InputUsed> used = List.of(input(num, role + " numerator"), input(den, role + " denominator"));
        if (den.value().signum() == 0) {
            List<MissingInput> missing = publishedMissing(op, reg, y);
            missing.add(new MissingInput(d.denominator(), reg, y));
            return new Figure(null, unit, source, false, used, List.copyOf(missing),
                    Reason.of("problem.ratioZero").with("publishedMetric", op.metric()).with("region", reg)
                            .with("year", y).with("denominator", d.denominator()));
        }
        return new Figure(Numbers.divide(num.value(), scale, den.value()), unit, source, false, used, List.of(), null);
    }

    private static Reason inputReason(String metric, String reg, int y) {
        return Reason.of("input").with("metric", metric).with("region", reg).with("year", y);
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

    /** The operand as the rule names it, with its scope ("online_retail_sales_growth (CN)"). */
    private static Reason describe(Operand op) {
        Reason what = what(op);
        return op != null && op.scope() == Scope.NATIONAL ? Reason.of("operand.national").part("what", what) : what;
    }

    /** The operand without its scope: a metric, the growth of a level, or a ratio of two metrics. */
    private static Reason what(Operand op) {
        if (op == null) {
            return Reason.of("operand.unknown");
        }
        if (op.metric() != null) {
            return Reason.of("operand.metric").with("metric", op.metric());
        }
        Operand.Derivation d = op.derive();
        if (d != null && d.growthOf() != null) {
            return Reason.of("operand.growth").with("level", d.growthOf());
        }
        if (d != null) {
            return Reason.of("operand.ratio").with("numerator", d.numerator()).with("denominator", d.denominator());
        }
        return Reason.of("operand.unknown");
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

    private Reason windowReason() {
        return window.size() > 1
                ? Reason.of("window.range").with("first", window.get(0)).with("last", window.get(window.size() - 1))
                : Reason.of("window.single").with("year", window.get(0));
    }

    private Reason noObservation(String metric) {
        return Reason.of("noObservation").with("metric", metric).with("region", region).part("window", windowReason());
    }

    private static InputUsed input(ObservationFact f, String role) {
        return new InputUsed(f.evidenceId(), f.region(), f.metric(), f.year(),
                ObservationIndex.blankToNull(f.subject()), f.value(), role);
    }
}
