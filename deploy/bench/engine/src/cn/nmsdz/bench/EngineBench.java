package cn.nmsdz.bench;

import cn.nmsdz.events.catalogue.FirstLevelNode;
import cn.nmsdz.events.catalogue.Indicator;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.Item;
import cn.nmsdz.events.catalogue.MetricDefinition;
import cn.nmsdz.events.catalogue.MetricKind;
import cn.nmsdz.events.catalogue.Rule;
import cn.nmsdz.events.catalogue.SecondLevelNode;
import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.scoring.domain.engine.ScoringEngine;
import cn.nmsdz.scoring.domain.model.Basis;
import cn.nmsdz.scoring.domain.model.Claim;
import cn.nmsdz.scoring.domain.model.EvidenceSet;
import cn.nmsdz.scoring.domain.model.EvidenceState;
import cn.nmsdz.scoring.domain.model.ExpertVerdict;
import cn.nmsdz.scoring.domain.model.ObservationFact;
import cn.nmsdz.scoring.domain.model.RegionProfile;
import cn.nmsdz.scoring.domain.model.ScoreResult;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Speed of {@link ScoringEngine#score} on the official catalogue with a realistic evidence set, per basis.
 *
 * <p>Not a test and not built by Maven: deploy/bench/engine-bench.sh compiles it against
 * scoring-service/target/classes and events/target/classes. Warm-up first (JIT), then every call is timed
 * on its own with System.nanoTime; reports mean, p50, p99, max per call, calls/second and the bytes
 * allocated per call. The evidence is generated from the catalogue itself with a fixed seed, so every
 * run scores the same input.
 *
 * <p>System properties: bench.catalogue (path of nmsdz-v1.json), bench.warmup (seconds, default 10),
 * bench.iterations (timed calls per basis, default 20000), bench.seed (default 42).
 */
public final class EngineBench {

    static final String REGION = "500118";
    static final RegionProfile PROFILE = new RegionProfile(REGION, Zone.WEST);
    static final int YEAR = 2025;
    static final List<Integer> YEARS = List.of(2023, 2024, 2025);
    static final List<String> EXPERTS = List.of("expert-1", "expert-2", "expert-3");

    /** Keeps results reachable so the JIT cannot drop the calls. */
    static volatile long sink;

    public static void main(String[] args) throws Exception {
        Path catalogue = Path.of(System.getProperty("bench.catalogue",
                "indicator-service/src/main/resources/catalogue/nmsdz-v1.json"));
        double warmupSeconds = Double.parseDouble(System.getProperty("bench.warmup", "10"));
        int iterations = Integer.parseInt(System.getProperty("bench.iterations", "20000"));
        long seed = Long.parseLong(System.getProperty("bench.seed", "42"));

        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        IndicatorSystemDocument system = json.readValue(catalogue.toFile(), IndicatorSystemDocument.class);
        EvidenceSet evidence = evidence(system, new Random(seed));
        ScoringEngine engine = new ScoringEngine();

        long indicators = indicators(system).size();
        System.out.printf("catalogue         %s v%d: %d metrics, %d indicators, window %d years%n", system.code(),
                system.version(), system.metrics().size(), indicators, system.assessmentYears());
        System.out.printf("evidence          %d observations (%d pending corrections), %d expert verdicts, %d claims"
                        + " — region %s (%s) and CN, years %s, assessment year %d%n",
                evidence.observations().size(),
                evidence.observations().stream().filter(o -> o.state() == EvidenceState.SUBMITTED).count(),
                evidence.verdicts().size(), evidence.claims().size(), REGION, PROFILE.zone(), YEARS, YEAR);
        for (Basis b : Basis.values()) {
            ScoreResult r = engine.score(system, PROFILE, YEAR, evidence, b);
            System.out.printf("result %-10s total %s / %s, passed %s%n", b, r.total().toPlainString(),
                    r.maxTotal().toPlainString(), r.verdict().passed());
        }
        System.out.printf("jvm               %s %s, %d cpus, -Xmx %d MiB%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));

        // Warm-up: both bases alternately, so both paths are compiled before anything is measured.
        long warmCalls = 0;
        long end = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() < end) {
            for (Basis b : Basis.values()) {
                sink += engine.score(system, PROFILE, YEAR, evidence, b).indicators().size();
                warmCalls++;
            }
        }
        System.out.printf("warm-up           %.0f s, %d calls%n", warmupSeconds, warmCalls);

        System.out.printf("%-10s %10s %10s %10s %10s %10s %12s %12s%n", "basis", "calls", "mean µs", "p50 µs",
                "p99 µs", "max µs", "calls/s", "alloc/call");
        for (Basis b : Basis.values()) {
            measure(engine, system, evidence, b, iterations);
        }
    }

    static void measure(ScoringEngine engine, IndicatorSystemDocument system, EvidenceSet evidence, Basis basis,
                        int iterations) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long[] nanos = new long[iterations];
        long allocBefore = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            ScoreResult r = engine.score(system, PROFILE, YEAR, evidence, basis);
            nanos[i] = System.nanoTime() - t0;
            sink += r.indicators().size();
        }
        long elapsed = System.nanoTime() - start;
        long allocated = threads.getThreadAllocatedBytes(thread) - allocBefore;
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1000.0;
        System.out.printf("%-10s %10d %10.1f %10.1f %10.1f %10.1f %12.0f %9.0f KiB%n", basis, iterations, mean,
                percentile(sorted, 50) / 1000.0, percentile(sorted, 99) / 1000.0, sorted[sorted.length - 1] / 1000.0,
                iterations / (elapsed / 1e9), allocated / (double) iterations / 1024);
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static List<Indicator> indicators(IndicatorSystemDocument system) {
        List<Indicator> all = new ArrayList<>();
        for (FirstLevelNode f : system.firstLevel()) {
            for (SecondLevelNode s : f.children()) {
                all.addAll(s.indicators());
            }
        }
        return all;
    }

    /**
     * Every metric of the catalogue for the region and for CN in each of the three years (the subject metric
     * with five enterprises per year), a pending correction of every tenth figure, three experts' verdicts on
     * every expert item and points on every expert_points indicator, and a few departmental claims.
     */
    static EvidenceSet evidence(IndicatorSystemDocument system, Random random) {
        List<ObservationFact> observations = new ArrayList<>();
        List<ExpertVerdict> verdicts = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        long position = 0;
        for (String region : List.of(REGION, "CN")) {
            for (MetricDefinition m : system.metrics()) {
                for (int year : YEARS) {
                    int subjects = m.subjectRequired() ? 5 : 1;
                    for (int s = 0; s < subjects; s++) {
                        String subject = m.subjectRequired() ? String.format("91500118MA5U%05dX", s) : null;
                        position++;
                        observations.add(new ObservationFact("obs-" + position, region, m.code(), year,
                                value(m, random), subject, EvidenceState.ACCEPTED, position));
                        if (position % 10 == 0) {
                            position++;
                            observations.add(new ObservationFact("obs-" + position, region, m.code(), year,
                                    value(m, random), subject, EvidenceState.SUBMITTED, position));
                        }
                    }
                }
            }
        }
        List<String[]> claimable = new ArrayList<>();
        for (Indicator indicator : indicators(system)) {
            if (indicator.rule() instanceof Rule.ExpertPoints) {
                claimable.add(new String[] {indicator.code(), null});
                for (String expert : EXPERTS) {
                    position++;
                    BigDecimal points = indicator.maxPoints().multiply(BigDecimal.valueOf(random.nextInt(5)))
                            .divide(BigDecimal.valueOf(4), 1, RoundingMode.HALF_UP);
                    verdicts.add(new ExpertVerdict("ver-" + position, expert, indicator.code(), null, null, points,
                            position));
                }
            }
            for (Item item : indicator.items() == null ? List.<Item>of() : indicator.items()) {
                if (!item.expert()) {
                    continue;
                }
                claimable.add(new String[] {indicator.code(), item.code()});
                for (String expert : EXPERTS) {
                    position++;
                    verdicts.add(new ExpertVerdict("ver-" + position, expert, indicator.code(), item.code(),
                            random.nextInt(5) > 0, null, position));
                }
            }
        }
        for (int i = 0; i < 6 && !claimable.isEmpty(); i++) {
            String[] target = claimable.get(random.nextInt(claimable.size()));
            position++;
            boolean whole = target[1] == null;
            claims.add(new Claim("clm-" + position, "500118-market-supervision", target[0], target[1],
                    whole ? null : Boolean.TRUE, whole ? BigDecimal.ONE : null,
                    i % 2 == 0 ? EvidenceState.SUBMITTED : EvidenceState.ACCEPTED, position));
        }
        return new EvidenceSet(observations, verdicts, claims);
    }

    /** A plausible figure: rates 50–99.9 (growth rates 1–20), levels and counts 100–100000. */
    static BigDecimal value(MetricDefinition m, Random random) {
        if (m.kind() == MetricKind.RATE) {
            double v = m.min() == null ? 1 + random.nextDouble() * 19 : 50 + random.nextDouble() * 49.9;
            return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP);
        }
        if (m.max() != null) {
            return BigDecimal.valueOf(50 + random.nextInt(50));
        }
        return BigDecimal.valueOf(100 + random.nextInt(99_900));
    }
}
