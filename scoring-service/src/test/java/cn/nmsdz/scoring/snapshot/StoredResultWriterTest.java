package cn.nmsdz.scoring.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.catalogue.Indicator;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.Item;
import cn.nmsdz.events.catalogue.MetricDefinition;
import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.scoring.domain.engine.ScoringEngine;
import cn.nmsdz.scoring.domain.model.Basis;
import cn.nmsdz.scoring.domain.model.Claim;
import cn.nmsdz.scoring.domain.model.EvidenceSet;
import cn.nmsdz.scoring.domain.model.EvidenceState;
import cn.nmsdz.scoring.domain.model.ExpertVerdict;
import cn.nmsdz.scoring.domain.model.FirstLevelScore;
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.domain.model.IndicatorStatus;
import cn.nmsdz.scoring.domain.model.InputUsed;
import cn.nmsdz.scoring.domain.model.MissingInput;
import cn.nmsdz.scoring.domain.model.ObservationFact;
import cn.nmsdz.scoring.domain.model.Reason;
import cn.nmsdz.scoring.domain.model.RegionProfile;
import cn.nmsdz.scoring.domain.model.ScoreResult;
import cn.nmsdz.scoring.domain.model.SecondLevelScore;
import cn.nmsdz.scoring.domain.model.Verdict;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link StoredResultWriter} writes the very bytes the stored form's data binding ({@link SnapshotStore#STORED}) writes
 * for a result without its indicators' English lines: on the official catalogue scored with random evidence, by both
 * engines (with and without English lines), their summaries, and on results with nulls and text where the engine puts
 * none.
 */
class StoredResultWriterTest {

    private static final Path CATALOGUE = Path.of("../indicator-service/src/main/resources/catalogue/nmsdz-v1.json");
    private static final RegionProfile REGION = new RegionProfile("500118", Zone.WEST);
    private static final int YEAR = 2025;
    private static final List<EvidenceState> STATES = List.of(EvidenceState.ACCEPTED, EvidenceState.ACCEPTED,
            EvidenceState.SUBMITTED, EvidenceState.REJECTED, EvidenceState.WITHDRAWN);

    @Test
    void writesWhatDataBindingWritesForRandomResultsOfTheOfficialCatalogue() throws IOException {
        IndicatorSystemDocument official = EventEnvelope.JSON.readValue(CATALOGUE.toFile(), IndicatorSystemDocument.class);
        List<String> metrics = official.metrics().stream().map(MetricDefinition::code).toList();
        List<Indicator> indicators = official.firstLevel().stream().flatMap(f -> f.children().stream())
                .flatMap(s -> s.indicators().stream()).toList();
        Random random = new Random(20261128);
        java.util.Set<IndicatorStatus> statuses = java.util.EnumSet.noneOf(IndicatorStatus.class);
        int withInputs = 0;
        for (int run = 0; run < 150; run++) {
            List<ObservationFact> observations = new ArrayList<>();
            List<Claim> claims = new ArrayList<>();
            List<ExpertVerdict> verdicts = new ArrayList<>();
            long position = 0;
            for (int i = random.nextInt(run % 5 == 0 ? 600 : 150); i > 0; i--) {
                observations.add(new ObservationFact("e" + ++position, random.nextInt(3) == 0 ? "CN" : REGION.code(),
                        metrics.get(random.nextInt(metrics.size())), YEAR - random.nextInt(3),
                        new BigDecimal(random.nextInt(1_000_000)).movePointLeft(random.nextInt(3)),
                        random.nextInt(4) == 0 ? "平台" + random.nextInt(3) : null,
                        STATES.get(random.nextInt(STATES.size())), position));
            }
            for (int i = random.nextInt(run % 5 == 0 ? 80 : 12); i > 0; i--) {
                Indicator indicator = indicators.get(random.nextInt(indicators.size()));
                List<Item> items = indicator.items() == null ? List.of() : indicator.items();
                String item = items.isEmpty() ? null : items.get(random.nextInt(items.size())).code();
                if (random.nextBoolean()) {
                    verdicts.add(new ExpertVerdict("e" + ++position, "expert-" + random.nextInt(3), indicator.code(),
                            item, random.nextBoolean(), null, position));
                } else {
                    claims.add(new Claim("e" + ++position, "market", indicator.code(), item, random.nextBoolean(), null,
                            STATES.get(random.nextInt(STATES.size())), position));
                }
            }
            EvidenceSet evidence = new EvidenceSet(observations, verdicts, claims);
            ScoringEngine engine = run % 2 == 0 ? new ScoringEngine() : ScoringEngine.reasonsOnly();
            ScoringEngine.Both both = engine.scoreBoth(official, REGION, YEAR, evidence);
            for (ScoreResult result : List.of(both.confirmed(), both.projected())) {
                assertWritesAsDataBinding(result, "run " + run + " " + result.basis());
                assertWritesAsDataBinding(SnapshotStore.withoutIndicators(result), "run " + run + " summary");
                result.indicators().forEach(i -> statuses.add(i.status()));
                withInputs += result.indicators().stream().anyMatch(i -> !i.inputs().isEmpty()) ? 1 : 0;
            }
            // an indicator stored before reasons were kept: written with its English lines
            assertWritesAsDataBinding(withoutReasons(new ScoringEngine().score(official, REGION, YEAR, evidence,
                    Basis.PROJECTED)), "run " + run + " without reasons");
        }
        assertEquals(java.util.EnumSet.allOf(IndicatorStatus.class), statuses, "indicators of every status are compared");
        assertTrue(withInputs > 100, "results with figures used are compared: " + withInputs);
    }

    @Test
    void writesWhatDataBindingWritesWhereTheEngineLeavesNullsOrPutsAnyText() {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("名称", "平陆县 \"引号\" \\ 换行\n\t\u0001 😀");
        args.put("empty", "");
        args.put("none", null);
        Map<String, List<Reason>> parts = new LinkedHashMap<>();
        parts.put("why", List.of(Reason.of("inner"), new Reason(null, Map.of(), Map.of())));
        parts.put("nothing", List.of());
        parts.put("none", null);
        Reason reason = new Reason("outer", args, parts);
        IndicatorScore odd = new IndicatorScore(null, 0, null, null, null, null, null, null, null, null, null, null, null);
        IndicatorScore full = new IndicatorScore("C1-3", 17, "网络交易监测", "threshold", new BigDecimal("1E+1"),
                new BigDecimal("2.50"), IndicatorStatus.AWAITING_EXPERT,
                Arrays.asList(new InputUsed("id", "CN", "m", null, null, null, null),
                        new InputUsed("id2", "500118", "m", 2025, "平台", new BigDecimal("-0.000001"), "value"), null),
                List.of("english"), Arrays.asList(new MissingInput("m", "CN", 2024), null), Arrays.asList("专家", null),
                Arrays.asList(reason, null), List.of("missing text"));
        List<FirstLevelScore> firstLevel = Arrays.asList(new FirstLevelScore("A", "促进发展", BigDecimal.ONE,
                        BigDecimal.TEN, new BigDecimal("0.1"), Arrays.asList(new SecondLevelScore("A1", null, null, null,
                        null), null)),
                new FirstLevelScore(null, null, null, null, null, null), null);
        assertWritesAsDataBinding(new ScoreResult(Basis.CONFIRMED, BigDecimal.ZERO, new BigDecimal("100"), firstLevel,
                Arrays.asList(full, odd, withoutReasons(full), null),
                new Verdict(true, Arrays.asList("理由", null), Arrays.asList(reason, null))), "text and nulls");
        assertWritesAsDataBinding(new ScoreResult(null, null, null, null, null, null), "all null");
        assertWritesAsDataBinding(new ScoreResult(Basis.PROJECTED, null, null, List.of(), List.of(),
                new Verdict(false, null, null)), "empty");
        assertEquals("null", new String(StoredResultWriter.write(null), StandardCharsets.US_ASCII));
    }

    /** What the stored form's data binding writes: the result with its indicators' English lines left out. */
    private static void assertWritesAsDataBinding(ScoreResult result, String what) {
        String written = new String(StoredResultWriter.write(result), StandardCharsets.UTF_8);
        assertEquals(dataBinding(result), written, what);
        assertTrue(written.chars().allMatch(c -> c < 128), what + ": ASCII only");
    }

    private static String dataBinding(ScoreResult r) {
        ScoreResult stored = r.indicators() == null ? r : new ScoreResult(r.basis(), r.total(), r.maxTotal(),
                r.firstLevel(), r.indicators().stream()
                .map(i -> i == null || i.reasons() == null ? i : new IndicatorScore(i.code(), i.number(), i.name(),
                        i.ruleKind(), i.points(), i.maxPoints(), i.status(), i.inputs(), null, i.missing(),
                        i.awaitingExpert(), i.reasons(), null))
                .toList(), r.verdict());
        try {
            return SnapshotStore.STORED.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static ScoreResult withoutReasons(ScoreResult r) {
        return new ScoreResult(r.basis(), r.total(), r.maxTotal(), r.firstLevel(), r.indicators().stream()
                .map(StoredResultWriterTest::withoutReasons).toList(), r.verdict());
    }

    private static IndicatorScore withoutReasons(IndicatorScore i) {
        return new IndicatorScore(i.code(), i.number(), i.name(), i.ruleKind(), i.points(), i.maxPoints(), i.status(),
                i.inputs(), i.explanation() == null ? List.of("line") : i.explanation(), i.missing(), i.awaitingExpert(),
                null, i.missingText() == null ? List.of("missing line") : i.missingText());
    }
}
