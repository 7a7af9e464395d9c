package cn.nmsdz.scoring.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.scoring.messaging.ProjectionConsumer;
import cn.nmsdz.testsupport.TestEvents;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A poll of evidence is applied in a few statements (its facts read at once, its versions in one batch, its notices,
 * marks and winners once at its end), and gives what applying its events one poll each gives: the same facts,
 * versions in the same order, figure winners, marks, notices and department activity; a duplicate in the poll, an
 * older version arriving late and a redelivered poll change nothing.
 */
@QuarkusTest
@ScoringComponentTest
class EvidencePollTest {
    private static final AtomicInteger REGIONS = new AtomicInteger(509700);
    private static final int YEAR = 2024;
    private static final String SALES = "online_retail_sales";

    @Inject
    ProjectionConsumer consumer;

    @Inject
    EntityManager em;

    @BeforeEach
    void catalogueInForce() {
        OfficialCatalogue.inForce(consumer);
    }

    @Test
    void aPollGivesWhatItsEventsGiveOneByOne() {
        Regions together = new Regions();
        List<String> poll = events(together);
        consumer.onEvidence(poll);

        Regions alone = new Regions();
        events(alone).forEach(event -> consumer.onEvidence(List.of(event)));

        List<String> state = state(together);
        assertEquals(state(alone), state, "one poll and one poll per event project alike");

        assertTrue(state.contains("fact a 2 OBSERVATION ACCEPTED R1 online_retail_sales 2024 110.000000 null market"),
                "the newest version of a is kept, its older one arriving late is ignored: " + state);
        assertTrue(state.contains("fact e 1 CLAIM SUBMITTED R1 null 2024 null null market"),
                "a claim without a year gets the year of the region's figures received before it, the poll's own: "
                        + state);
        assertEquals(List.of("version a 2 ACCEPTED", "version b 1 SUBMITTED", "version c 1 ACCEPTED",
                        "version d 1 SUBMITTED", "version b 2 ACCEPTED", "version d 2 REJECTED", "version f 1 SUBMITTED",
                        "version e 1 SUBMITTED", "version f 2 WITHDRAWN"),
                state.stream().filter(s -> s.startsWith("version ")).toList(),
                "one version row per applied event, in the order applied; none for the duplicates and the late one");
        assertEquals(List.of("winner R1 online_retail_sales 2024 null CONFIRMED a ACCEPTED",
                        "winner R1 online_retail_sales 2024 null PROJECTED a ACCEPTED",
                        "winner R1 online_retail_sales 2024 平台乙 CONFIRMED b ACCEPTED",
                        "winner R1 online_retail_sales 2024 平台乙 PROJECTED b ACCEPTED",
                        "winner R1 retail_sales_total 2023 null CONFIRMED c ACCEPTED",
                        "winner R1 retail_sales_total 2023 null PROJECTED c ACCEPTED"),
                state.stream().filter(s -> s.startsWith("winner ")).toList(),
                "b's winners moved with it to 平台乙; f, withdrawn, wins nothing");
        assertEquals(1, state.stream().filter(s -> s.contains("awaiting-review:R1:null:market")).count(),
                "one notice of figures awaiting review per region, indicator, department and day: " + state);
        assertEquals(1, state.stream().filter(s -> s.contains("evidence:d:2:REJECTED")).count(),
                "the rejected claim's notice: " + state);

        consumer.onEvidence(poll);
        assertEquals(state, state(together), "the poll redelivered changes nothing");
    }

    // ------------------------------------------------------------------ helpers

    /** Two fresh regions and the evidence ids of a run, by label. */
    private static final class Regions {
        final String r1 = String.valueOf(REGIONS.incrementAndGet());
        final String r2 = String.valueOf(REGIONS.incrementAndGet());
        final Map<String, String> ids = new HashMap<>();

        String id(String label) {
            return ids.computeIfAbsent(label, l -> UUID.randomUUID().toString());
        }

        /** A line with the run's region codes and evidence ids replaced by R1, R2 and their labels. */
        String labelled(String line) {
            String result = line.replace(r1, "R1").replace(r2, "R2");
            for (Map.Entry<String, String> id : ids.entrySet()) {
                result = result.replace(id.getValue(), id.getKey());
            }
            return result;
        }
    }

    /**
     * The events, in the order of the topic: each one's position is taken as it is made, so a1 is older than a2 though
     * delivered after it. Duplicates, a figure moving subject, a claim rejected, a figure withdrawn, a legacy claim.
     */
    private static List<String> events(Regions r) {
        String a1 = TestEvents.figure(r.r1, SALES, YEAR, "100", null, "SUBMITTED", r.id("a"), 1);
        String a2 = TestEvents.figure(r.r1, SALES, YEAR, "110", null, "ACCEPTED", r.id("a"), 2);
        String b1 = TestEvents.figure(r.r1, SALES, YEAR, "120", "平台甲", "SUBMITTED", r.id("b"), 1);
        String c1 = TestEvents.figure(r.r1, "retail_sales_total", YEAR - 1, "5000", null, "ACCEPTED", r.id("c"), 1);
        String d1 = TestEvents.claim(r.r1, YEAR, "11", "11.3", "market", "SUBMITTED", r.id("d"), 1);
        String b2 = TestEvents.figure(r.r1, SALES, YEAR, "120", "平台乙", "ACCEPTED", r.id("b"), 2);
        String d2 = TestEvents.claim(r.r1, YEAR, "11", "11.3", "market", "REJECTED", r.id("d"), 2);
        String f1 = TestEvents.figure(r.r2, SALES, YEAR, "90", null, "SUBMITTED", r.id("f"), 1);
        String e1 = withoutYear(TestEvents.claim(r.r1, YEAR + 3, "11", "11.2", "market", "SUBMITTED", r.id("e"), 1));
        String f2 = TestEvents.figure(r.r2, SALES, YEAR, "90", null, "WITHDRAWN", r.id("f"), 2);
        return List.of(a2, a1, b1, c1, d1, a2, b2, d2, f1, e1, f2, f1);
    }

    /** A claim as an old event carried it, without its assessment year. */
    private static String withoutYear(String claim) {
        try {
            ObjectNode tree = (ObjectNode) EventEnvelope.JSON.readTree(claim);
            ((ObjectNode) tree.get("data")).putNull("year");
            return EventEnvelope.JSON.writeValueAsString(tree);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What the projection holds for the run's regions, as labelled lines (sorted by label where order means nothing). */
    private List<String> state(Regions r) {
        List<String> regions = List.of(r.r1, r.r2);
        return QuarkusTransaction.requiringNew().call(() -> Stream.of(
                        rows(r, "select 'fact', evidence_id, version, kind, state, region, metric, year, value, subject,"
                                + " department from evidence_fact where region in (?1)", regions).sorted(),
                        rows(r, "select 'version', evidence_id, version, state from evidence_fact_version"
                                + " where region in (?1) order by seq", regions),
                        rows(r, "select 'winner', region, metric, year, subject, basis, evidence_id, state"
                                + " from figure_winner where region in (?1)", regions).sorted(),
                        rows(r, "select 'mark', region, year from snapshot_pending where region in (?1)", regions).sorted(),
                        rows(r, "select 'notice', type, subject, dedupe_key, (select count(*) from notification n"
                                + " where n.event_id = c.id) from campaign_event c where region in (?1)", regions).sorted(),
                        rows(r, "select 'activity', region, department from department_activity where region in (?1)",
                                regions).sorted())
                .flatMap(s -> s).toList());
    }

    private Stream<String> rows(Regions r, String sql, List<String> regions) {
        List<?> rows = em.createNativeQuery(sql).setParameter(1, regions).getResultList();
        return rows.stream().map(row -> r.labelled(String.join(" ", Stream.of((Object[]) row).map(String::valueOf).toList())));
    }
}
