package cn.nmsdz.scoring.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.scoring.component.OfficialCatalogue;
import cn.nmsdz.scoring.component.ScoringComponentTest;
import cn.nmsdz.scoring.messaging.ProjectionConsumer;
import cn.nmsdz.scoring.projection.CatalogueSystemEntity;
import cn.nmsdz.scoring.projection.EvidenceFactVersionEntity;
import cn.nmsdz.testsupport.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A snapshot reads, per metric, year and subject, only the figures that can win (SnapshotCalculator.evidenceAsOf's
 * statement): the newest accepted one for the confirmed basis and the newest accepted-or-submitted one for the
 * projected basis, whatever rejected, withdrawn or older versions the region-year holds.
 */
@QuarkusTest
@ScoringComponentTest
class SnapshotCalculatorTest {
    private static final int YEAR = 2024;
    private static final String METRIC = "online_retail_sales";

    @Inject
    ProjectionConsumer consumer;

    @Inject
    SnapshotCalculator calculator;

    @BeforeEach
    void catalogueInForce() {
        OfficialCatalogue.inForce(consumer);
    }

    @Test
    void eachBasisReadsItsNewestCountedFigureAmongManyCorrections() {
        String region = "509801";
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= 30; i++) { // thirty accepted corrections: the last one counts
            events.add(TestEvents.figure(region, METRIC, YEAR, String.valueOf(i), null, "ACCEPTED", id(), 1));
        }
        String submitted = id();
        events.add(TestEvents.figure(region, METRIC, YEAR, "200", null, "SUBMITTED", submitted, 1));
        String rejected = id();
        events.add(TestEvents.figure(region, METRIC, YEAR, "300", null, "SUBMITTED", rejected, 1));
        events.add(TestEvents.figure(region, METRIC, YEAR, "300", null, "REJECTED", rejected, 2));
        String withdrawn = id();
        events.add(TestEvents.figure(region, METRIC, YEAR, "400", null, "ACCEPTED", withdrawn, 1));
        events.add(TestEvents.figure(region, METRIC, YEAR, "400", null, "WITHDRAWN", withdrawn, 2));
        consumer.onEvidence(events);

        assertEquals(List.of("30 ACCEPTED", "200 SUBMITTED"), figuresRead(region),
                "the newest accepted figure (confirmed) and the newest accepted or pending one (projected): none of"
                        + " the 29 older corrections, nor the rejected or the withdrawn one");
    }

    @Test
    void aFigureOfEachSubjectIsReadAndASupersededOneIsNot() {
        String region = "509802";
        consumer.onEvidence(List.of(
                TestEvents.figure(region, METRIC, YEAR, "10", null, "ACCEPTED", id(), 1),
                TestEvents.figure(region, METRIC, YEAR, "11", null, "ACCEPTED", id(), 1),
                TestEvents.figure(region, METRIC, YEAR, "12", "平台甲", "ACCEPTED", id(), 1),
                TestEvents.figure(region, METRIC, YEAR, "13", "平台乙", "ACCEPTED", id(), 1)));

        assertEquals(List.of("11 ACCEPTED", "12 ACCEPTED 平台甲", "13 ACCEPTED 平台乙"), figuresRead(region),
                "the newer region-wide figure, and each subject's own");
    }

    /** The region's figures of METRIC for YEAR the statement returns, oldest first: "value state [subject]". */
    private List<String> figuresRead(String region) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long seq = calculator.currentSeq();
            return calculator.evidenceAsOf(region, YEAR, seq, null).stream()
                    .filter(f -> region.equals(f.region) && METRIC.equals(f.metric) && Integer.valueOf(YEAR).equals(f.year))
                    .sorted(Comparator.comparingLong((EvidenceFactVersionEntity f) -> f.position))
                    .map(f -> SnapshotCalculator.plain(f.value).toPlainString() + " " + f.state
                            + (f.subject == null ? "" : " " + f.subject))
                    .toList();
        });
    }

    @Test
    void theSnapshotScoresWhatTheReducedReadGives() {
        String region = "509803";
        String corrected = id();
        consumer.onEvidence(List.of(
                TestEvents.figure(region, METRIC, YEAR, "50", null, "SUBMITTED", corrected, 1),
                TestEvents.figure(region, METRIC, YEAR, "50", null, "ACCEPTED", corrected, 2),
                TestEvents.figure(region, METRIC, YEAR, "60", null, "SUBMITTED", id(), 1)));
        QuarkusTransaction.requiringNew().run(() -> {
            Snapshot snapshot = calculator.compute(region, YEAR);
            SnapshotCalculator.Recomputation again = calculator.recompute(stored(snapshot));
            assertEquals(true, again.identical(), "computing the same evidence twice gives the same snapshot");
        });
    }

    /**
     * The snapshot a worker computes from what the projection keeps current (the figures' winners and the judgements,
     * {@link SnapshotCalculator#currentEvidence}) is the snapshot the version history gives as of the sequence it
     * names, after every step of random evidence: corrections, reviews that accept, reject or withdraw, figures of
     * several subjects, figures that move to another subject, national comparators and judgements.
     */
    @Test
    void theCurrentFiguresGiveTheSnapshotTheVersionHistoryGivesAfterEveryStep() {
        java.util.Random random = new java.util.Random(20261128);
        List<String> regions = List.of("509811", "509812", "CN");
        List<String> metrics = List.of(METRIC, "retail_sales_total", "online_retail_share", "online_operators");
        List<String> states = List.of("SUBMITTED", "ACCEPTED", "ACCEPTED", "REJECTED", "WITHDRAWN");
        List<String> subjects = java.util.Arrays.asList(null, null, "平台甲", "平台乙");
        List<String[]> figures = new ArrayList<>(); // evidence id, region, metric, year, subject, version
        int compared = 0;
        for (int step = 0; step < 60; step++) {
            List<String> events = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(6); i++) {
                String state = states.get(random.nextInt(states.size()));
                if (!figures.isEmpty() && random.nextInt(3) == 0) { // a new version of a figure given before
                    String[] f = figures.get(random.nextInt(figures.size()));
                    f[5] = String.valueOf(Integer.parseInt(f[5]) + 1);
                    if (random.nextInt(5) == 0) {
                        f[4] = subjects.get(random.nextInt(subjects.size())); // moves to another subject
                    }
                    events.add(TestEvents.figure(f[1], f[2], Integer.parseInt(f[3]), value(random), f[4], state, f[0],
                            Integer.parseInt(f[5])));
                } else if (random.nextInt(8) == 0) {
                    String region = regions.get(random.nextInt(2));
                    events.add(TestEvents.claim(region, YEAR - random.nextInt(2), "11", "11." + (1 + random.nextInt(3)),
                            "market", state, id(), 1));
                } else {
                    String[] f = {id(), regions.get(random.nextInt(regions.size())),
                            metrics.get(random.nextInt(metrics.size())), String.valueOf(YEAR - random.nextInt(4)),
                            subjects.get(random.nextInt(subjects.size())), "1"};
                    figures.add(f);
                    events.add(TestEvents.figure(f[1], f[2], Integer.parseInt(f[3]), value(random), f[4], state, f[0], 1));
                }
            }
            consumer.onEvidence(events);
            for (String region : regions.subList(0, 2)) {
                for (int year : List.of(YEAR, YEAR + 1)) {
                    QuarkusTransaction.requiringNew().run(() -> {
                        SnapshotCalculator.CurrentEvidence current = calculator.currentEvidence(region, year);
                        Snapshot fast = calculator.compute(region, year);
                        Snapshot history = calculator.compute(region, year, SnapshotCalculator.currentSystem(),
                                current.seq(), null, Hypothesis.none());
                        assertEquals(read(calculator.evidenceAsOf(region, year, current.seq(), null)),
                                read(current.facts()), region + " " + year + ": the same evidence is read");
                        assertEquals(current.seq(), fast.projectionSeq(), "the snapshot names the sequence it read");
                        assertEquals(comparable(history), comparable(fast), region + " " + year
                                + ": the current figures and the versions as of the same sequence score alike");
                    });
                    compared++;
                }
            }
        }
        assertEquals(240, compared);
    }

    /** Evidence as comparable lines, in position order. */
    private static List<String> read(List<EvidenceFactVersionEntity> facts) {
        return facts.stream().sorted(Comparator.comparingLong((EvidenceFactVersionEntity f) -> f.position))
                .map(f -> String.join(" ", f.evidenceId, f.kind, f.state, f.region, String.valueOf(f.metric),
                        String.valueOf(f.year), f.value == null ? "-" : SnapshotCalculator.plain(f.value).toPlainString(),
                        String.valueOf(f.subject), String.valueOf(f.indicator), String.valueOf(f.item),
                        String.valueOf(f.points), String.valueOf(f.satisfied), String.valueOf(f.position)))
                .toList();
    }

    private static String value(java.util.Random random) {
        return String.valueOf(random.nextInt(100_000)) + (random.nextBoolean() ? ".5" : "");
    }

    private static String comparable(Snapshot s) {
        return SnapshotStore.write(SnapshotCalculator.comparable(s.confirmed())) + " "
                + SnapshotStore.write(SnapshotCalculator.comparable(s.projected())) + " " + s.evidencePosition();
    }

    /**
     * The body and the summary stored read back as the snapshot computed, with its id and number, for a settled region
     * (its projected result stored as its basis alone) and for one with a claim (stored whole).
     */
    @Test
    void theStoredBodyIsTheSnapshotWrittenWithItsIdAndNumber() {
        String settled = "509804";
        String claimed = "509805";
        int year = YEAR + 6; // no other test gives figures of its window, national ones pending included
        consumer.onEvidence(List.of(TestEvents.figure(settled, METRIC, year, "70", "平台甲", "ACCEPTED", id(), 1),
                TestEvents.figure(claimed, METRIC, year, "70", "平台甲", "ACCEPTED", id(), 1),
                TestEvents.claim(claimed, year, "11", "11.1", "market", "ACCEPTED", id(), 1)));
        for (String region : List.of(settled, claimed)) {
            QuarkusTransaction.requiringNew().run(() -> {
                Snapshot computed = calculator.compute(region, year);
                assertEquals(region.equals(settled), computed.confirmed().indicators() == computed.projected().indicators(),
                        region + ": scored once exactly when nothing is pending (the claim counts in the projected basis)");
                SnapshotEntity entity = stored(computed);
                Snapshot expected = new Snapshot(entity.id, computed.region(), computed.regionName(), computed.year(),
                        entity.number, computed.systemCode(), computed.systemVersion(), computed.evidencePosition(),
                        computed.projectionSeq(), computed.confirmed(), computed.projected(), computed.createdAt());
                assertEquals(SnapshotStore.write(expected), SnapshotStore.write(SnapshotStore.read(entity)), region
                        + ": the stored body reads back as the snapshot computed, with its id and number");
                String body = entity.bodyJson();
                assertTrue(body.chars().allMatch(c -> c < 128) && entity.summaryJson().chars().allMatch(c -> c < 128),
                        region + ": stored as ASCII (names escaped)");
                assertTrue(entity.body == null && entity.bodyDeflated.length < body.length() / 4,
                        region + ": compressed by the service");
                assertFalse(body.contains("\"explanation\"") || body.contains("\"args\":{}"),
                        region + ": the English lines and empty arguments are left out of the stored form");
                assertEquals(region.equals(settled), body.contains("\"projected\":{\"basis\":\"PROJECTED\"}"),
                        region + ": a projected result equal to the confirmed one is stored as its basis alone");
                Snapshot summary = new Snapshot(entity.id, computed.region(), computed.regionName(), computed.year(),
                        entity.number, computed.systemCode(), computed.systemVersion(), computed.evidencePosition(),
                        computed.projectionSeq(), SnapshotStore.withoutIndicators(computed.confirmed()),
                        SnapshotStore.withoutIndicators(computed.projected()), computed.createdAt());
                assertEquals(SnapshotStore.write(summary), SnapshotStore.write(readStored(entity.summaryJson())), region + ": the summary");
            });
        }
    }

    /**
     * A batch is stored in its order: increasing ids, the region's next numbers, each with the verdict of its
     * region-year's snapshot before; and a snapshot computed to be stored (its reasons without English lines) reads
     * back as the same snapshot computed with them.
     */
    @Test
    void aBatchIsStoredInOrderWithNumbersAndPreviousVerdictsAndReadsBackWithItsLines() {
        String region = "509806";
        int year = YEAR + 8; // no other test gives figures of this window
        consumer.onEvidence(List.of(TestEvents.figure(region, METRIC, year, "70", null, "ACCEPTED", id(), 1),
                TestEvents.figure(region, METRIC, year + 1, "80", null, "SUBMITTED", id(), 1)));
        QuarkusTransaction.requiringNew().run(() -> {
            CatalogueSystemEntity system = SnapshotCalculator.currentSystem();
            Snapshot toStore = calculator.computeToStore(region, year, system);
            assertTrue(toStore.confirmed().indicators().stream().allMatch(i -> i.explanation() == null
                    && i.missingText() == null && !i.reasons().isEmpty()), "reasons only, no English lines");
            List<SnapshotStored> first = store.storeAll(List.of(SnapshotStore.prepare(toStore),
                    SnapshotStore.prepare(calculator.computeToStore(region, year + 1, system))));
            assertEquals(List.of(1L, 2L), first.stream().map(s -> s.entity().number).toList(), "the region's numbers");
            assertTrue(first.get(0).entity().id < first.get(1).entity().id, "ids in the batch's order (the feed's)");
            assertEquals(Arrays.asList(null, null), first.stream().map(SnapshotStored::previouslyPassed).toList(),
                    "no snapshot of either year before");

            Snapshot withLines = calculator.compute(region, year);
            Snapshot read = SnapshotStore.read(first.get(0).entity());
            assertEquals(SnapshotStore.write(withLines.confirmed()), SnapshotStore.write(read.confirmed()));
            assertEquals(SnapshotStore.write(withLines.projected()), SnapshotStore.write(read.projected()));

            List<SnapshotStored> second = store.storeAll(List.of(SnapshotStore.prepare(
                    calculator.computeToStore(region, year, system))));
            assertEquals(3L, second.get(0).entity().number);
            assertEquals(first.get(0).entity().confirmedPassed, second.get(0).previouslyPassed(),
                    "the verdict of the year's snapshot before");
        });
    }

    @Inject
    SnapshotStore store;

    private SnapshotEntity stored(Snapshot snapshot) {
        return store.store(snapshot);
    }

    private static Snapshot readStored(String json) {
        try {
            return SnapshotStore.read(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
