package cn.nmsdz.scoring.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.nmsdz.scoring.component.ScoringComponentTest;
import cn.nmsdz.scoring.messaging.ProjectionConsumer;
import cn.nmsdz.scoring.projection.CatalogueSystemEntity;
import cn.nmsdz.scoring.projection.EvidenceFactVersionEntity;
import cn.nmsdz.testsupport.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
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
        if (QuarkusTransaction.requiringNew().call(() -> CatalogueSystemEntity.current().isEmpty())) {
            consumer.onCatalogue(TestEvents.published(TestEvents.officialCatalogue()));
        }
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

    @Inject
    SnapshotStore store;

    private SnapshotEntity stored(Snapshot snapshot) {
        return store.store(snapshot);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
