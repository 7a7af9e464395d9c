package cn.nmsdz.bench;

import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.scoring.domain.engine.ScoringEngine;
import cn.nmsdz.scoring.domain.model.Basis;
import cn.nmsdz.scoring.domain.model.EvidenceSet;
import cn.nmsdz.scoring.domain.model.ScoreResult;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same workload as {@link EngineBench} under JMH: one {@code ScoringEngine.score} call per invocation,
 * official catalogue, the fixed-seed evidence set of EngineBench, per basis. SampleTime gives the mean and
 * the percentiles per call (µs), Throughput the calls per second (the same call twice, so each mode gets
 * its own unit). One fork (the machine has two shared cores).
 */
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
public class EngineJmh {

    @Param({"CONFIRMED", "PROJECTED"})
    public Basis basis;

    IndicatorSystemDocument system;
    EvidenceSet evidence;
    ScoringEngine engine;

    @Setup
    public void load() throws Exception {
        Path catalogue = Path.of(System.getProperty("bench.catalogue",
                "indicator-service/src/main/resources/catalogue/nmsdz-v1.json"));
        system = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(catalogue.toFile(), IndicatorSystemDocument.class);
        evidence = EngineBench.evidence(system, new Random(Long.parseLong(System.getProperty("bench.seed", "42"))));
        engine = new ScoringEngine();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ScoreResult latency() {
        return engine.score(system, EngineBench.PROFILE, EngineBench.YEAR, evidence, basis);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public ScoreResult throughput() {
        return engine.score(system, EngineBench.PROFILE, EngineBench.YEAR, evidence, basis);
    }
}
