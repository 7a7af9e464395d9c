package cn.nmsdz.scoring.domain.engine;

import cn.nmsdz.events.catalogue.FirstLevelNode;
import cn.nmsdz.events.catalogue.Indicator;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.MetricDefinition;
import cn.nmsdz.events.catalogue.PassStandard;
import cn.nmsdz.events.catalogue.SecondLevelNode;
import cn.nmsdz.scoring.domain.model.Basis;
import cn.nmsdz.scoring.domain.model.Claim;
import cn.nmsdz.scoring.domain.model.EvidenceSet;
import cn.nmsdz.scoring.domain.model.EvidenceState;
import cn.nmsdz.scoring.domain.model.FirstLevelScore;
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.domain.model.ObservationFact;
import cn.nmsdz.scoring.domain.model.Reason;
import cn.nmsdz.scoring.domain.model.RegionProfile;
import cn.nmsdz.scoring.domain.model.ScoreResult;
import cn.nmsdz.scoring.domain.model.SecondLevelScore;
import cn.nmsdz.scoring.domain.model.Verdict;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rule engine: scores one region for one assessment year against an indicator system, in one basis.
 *
 * <p>Pure and deterministic: the same catalogue, region, year, evidence and basis always give the same
 * result. The assessment window is the years {@code Y − (assessmentYears − 1) … Y}. Observations, verdicts
 * and claims are filtered by state and basis here (callers may pass rejected or withdrawn evidence).
 * Indicator points come from the rules of SPEC §3.1; node points are sums of indicator points; rates are
 * points / max × 100 rounded half-up to two decimals; the verdict applies the system's pass standard.
 */
public final class ScoringEngine {

    /** Window length used when the catalogue gives none ("近2年"). */
    static final int DEFAULT_ASSESSMENT_YEARS = 2;

    /** Whether results carry each indicator's English lines beside its reasons. */
    private final boolean englishLines;

    /** An engine whose results carry each indicator's reasons and their English lines. */
    public ScoringEngine() {
        this(true);
    }

    private ScoringEngine(boolean englishLines) {
        this.englishLines = englishLines;
    }

    /**
     * An engine whose results carry each indicator's reasons but not their English rendering ({@code explanation} and
     * {@code missingText} null): for snapshots to be stored, whose stored form leaves the lines out and renders them
     * again from the reasons on read (a third of the rule evaluation's time went into lines thrown away).
     */
    public static ScoringEngine reasonsOnly() {
        return new ScoringEngine(false);
    }

    public ScoreResult score(IndicatorSystemDocument system, RegionProfile region, int year, EvidenceSet evidence,
                             Basis basis) {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(region.code(), "region.code");
        Objects.requireNonNull(basis, "basis");
        EvidenceSet ev = evidence == null ? EvidenceSet.empty() : evidence;

        RuleEvaluator evaluator = new RuleEvaluator(region.code(), region.zone(), year, window(system, year),
                new ObservationIndex(ev.observations(), basis),
                new ExpertPanel(region.code(), ev.verdicts(), ev.claims(), basis),
                metrics(system), englishLines);

        List<FirstLevelScore> firstLevel = new ArrayList<>();
        List<IndicatorScore> indicators = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal maxTotal = BigDecimal.ZERO;
        for (FirstLevelNode first : nn(system.firstLevel())) {
            List<SecondLevelScore> children = new ArrayList<>();
            BigDecimal firstPoints = BigDecimal.ZERO;
            BigDecimal firstMaxSum = BigDecimal.ZERO;
            for (SecondLevelNode second : nn(first.children())) {
                BigDecimal secondPoints = BigDecimal.ZERO;
                BigDecimal secondMaxSum = BigDecimal.ZERO;
                for (Indicator indicator : nn(second.indicators())) {
                    IndicatorScore s = evaluator.evaluate(indicator);
                    indicators.add(s);
                    secondPoints = secondPoints.add(s.points());
                    secondMaxSum = secondMaxSum.add(s.maxPoints());
                }
                BigDecimal secondMax = second.maxPoints() != null ? second.maxPoints() : secondMaxSum;
                children.add(new SecondLevelScore(second.code(), second.name(), Numbers.points(secondPoints),
                        Numbers.points(secondMax), Numbers.rate(secondPoints, secondMax)));
                firstPoints = firstPoints.add(secondPoints);
                firstMaxSum = firstMaxSum.add(secondMax);
            }
            BigDecimal firstMax = first.maxPoints() != null ? first.maxPoints() : firstMaxSum;
            firstLevel.add(new FirstLevelScore(first.code(), first.name(), Numbers.points(firstPoints),
                    Numbers.points(firstMax), Numbers.rate(firstPoints, firstMax), List.copyOf(children)));
            total = total.add(firstPoints);
            maxTotal = maxTotal.add(firstMax);
        }
        Verdict verdict = verdict(system.passStandard(), total, firstLevel);
        return new ScoreResult(basis, Numbers.points(total), Numbers.points(maxTotal), List.copyOf(firstLevel),
                List.copyOf(indicators), verdict);
    }

    /** Both bases of one region and year. */
    public record Both(ScoreResult confirmed, ScoreResult projected) {
    }

    /**
     * Scores both bases. When the evidence reads the same in both ({@link #basesAgree}), the projected result is the
     * confirmed one with its basis changed, computed once: a settled region (nothing pending) costs one scoring, not
     * two, and its two results then share their indicator scores.
     */
    public Both scoreBoth(IndicatorSystemDocument system, RegionProfile region, int year, EvidenceSet evidence) {
        ScoreResult confirmed = score(system, region, year, evidence, Basis.CONFIRMED);
        if (!basesAgree(evidence)) {
            return new Both(confirmed, score(system, region, year, evidence, Basis.PROJECTED));
        }
        return new Both(confirmed, new ScoreResult(Basis.PROJECTED, confirmed.total(), confirmed.maxTotal(),
                confirmed.firstLevel(), confirmed.indicators(), confirmed.verdict()));
    }

    /**
     * Whether both bases read the same evidence: the basis decides only which observations count
     * ({@link ObservationIndex}) and whether claims are read at all ({@link ExpertPanel}, projected only); expert
     * verdicts count alike in both. So they agree when no observation counts in one basis and not the other, and no
     * claim counts in the projected one.
     */
    static boolean basesAgree(EvidenceSet evidence) {
        if (evidence == null) {
            return true;
        }
        for (ObservationFact o : evidence.observations()) {
            if (o != null && EvidenceState.counts(o.state(), Basis.CONFIRMED) != EvidenceState.counts(o.state(), Basis.PROJECTED)) {
                return false;
            }
        }
        for (Claim c : evidence.claims()) {
            if (c != null && EvidenceState.counts(c.state(), Basis.PROJECTED)) {
                return false;
            }
        }
        return true;
    }

    /** The assessment window, oldest year first: Y − (n − 1) … Y. */
    static List<Integer> window(IndicatorSystemDocument system, int year) {
        int n = system.assessmentYears() > 0 ? system.assessmentYears() : DEFAULT_ASSESSMENT_YEARS;
        List<Integer> years = new ArrayList<>(n);
        for (int y = year - (n - 1); y <= year; y++) {
            years.add(y);
        }
        return List.copyOf(years);
    }

    /**
     * Passed iff total ≥ minTotal and every first-level rate ≥ minFirstLevelRate. The rate test is exact
     * (points × 100 ≥ rate × max), the reasons show the rate rounded to two decimals.
     */
    public static Verdict verdict(PassStandard standard, BigDecimal total, List<FirstLevelScore> firstLevel) {
        if (standard == null) {
            return verdict(List.of(Reason.of("verdict.noStandard")));
        }
        List<Reason> reasons = new ArrayList<>();
        if (standard.minTotal() != null && total.compareTo(standard.minTotal()) < 0) {
            reasons.add(Reason.of("verdict.total").with("total", Numbers.pts(total))
                    .with("min", Numbers.plain(standard.minTotal())));
        }
        BigDecimal minRate = standard.minFirstLevelRate();
        if (minRate != null) {
            for (FirstLevelScore f : firstLevel) {
                boolean below = f.maxPoints().signum() > 0
                        && f.points().multiply(Numbers.HUNDRED).compareTo(minRate.multiply(f.maxPoints())) < 0;
                if (below) {
                    reasons.add(Reason.of("verdict.rate").with("node", f.code()).with("name", f.name())
                            .with("rate", f.rate().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()).with("min", Numbers.plain(minRate)));
                }
            }
        }
        return new Verdict(reasons.isEmpty(), Explainer.english().render(reasons), List.copyOf(reasons));
    }

    private static Verdict verdict(List<Reason> reasons) {
        return new Verdict(false, Explainer.english().render(reasons), reasons);
    }

    private static Map<String, MetricDefinition> metrics(IndicatorSystemDocument system) {
        Map<String, MetricDefinition> map = new HashMap<>();
        for (MetricDefinition m : nn(system.metrics())) {
            if (m != null && m.code() != null) {
                map.put(m.code(), m);
            }
        }
        return map;
    }

    private static <T> List<T> nn(List<T> list) {
        return list == null ? List.of() : list;
    }
}
