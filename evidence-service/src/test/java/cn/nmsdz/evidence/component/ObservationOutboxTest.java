package cn.nmsdz.evidence.component;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.evidence.messaging.CatalogueConsumer;
import cn.nmsdz.testsupport.TestEvents;
import cn.nmsdz.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transaction boundary of a submission: the evidence rows and their events in the outbox commit together or
 * not at all; and a catalogue event delivered twice is applied once.
 */
@QuarkusTest
@EvidenceComponentTest
class ObservationOutboxTest {
    static final String REGION = "509801";
    static final String PROVIDER = TestTokens.user("service-account-stats-bureau", "data-provider", Map.of("region", "CN"));

    @Inject
    CatalogueConsumer catalogue;

    @Inject
    EntityManager em;

    @BeforeEach
    void catalogueAndRegionKnown() {
        // the catalogue may have come with another test class of the same run; this class's region comes with this one
        if (count("select count(*) from metric_definition") == 0) {
            catalogue.onEvent(TestEvents.published(TestEvents.officialCatalogue()));
        }
        if (count("select count(*) from known_region where code = '" + REGION + "'") == 0) {
            catalogue.onEvent(TestEvents.region(REGION, "组件测试区", "500000", Zone.WEST));
        }
    }

    @Test
    void aFigureAndItsEventCommitTogether() {
        long evidence = count("select count(*) from evidence where region = '" + REGION + "'");
        long events = count("select count(*) from outbox_event where message_key = '" + REGION + "'");
        String id = given().auth().oauth2(PROVIDER).contentType("application/json")
                .body(Map.of("metric", "online_retail_sales", "year", 2025, "value", 321.5, "source", "组件测试"))
                .post("/api/v1/regions/" + REGION + "/observations")
                .then().statusCode(201).extract().path("[0].id");
        assertEquals(evidence + 1, count("select count(*) from evidence where region = '" + REGION + "'"));
        assertEquals(events + 1, count("select count(*) from outbox_event where message_key = '" + REGION + "'"));
        assertEquals(1, count("select count(*) from outbox_event where topic = 'evidence.events' and payload like '%"
                + id + "%'"), "the event names the evidence it announces");
    }

    @Test
    void aBatchStoresEachRowWithItsVersionAndItsEventInRowOrder() {
        List<Map<String, Object>> rows = java.util.stream.IntStream.range(0, 250)
                .mapToObj(i -> Map.<String, Object>of("metric", "online_retail_sales", "year", 2024, "value", i,
                        "source", "batch row " + i)).toList();
        List<String> ids = given().auth().oauth2(PROVIDER).contentType("application/json").body(rows)
                .post("/api/v1/regions/" + REGION + "/observations")
                .then().statusCode(201).extract().path("id");
        assertEquals(250, ids.size());
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            assertEquals("batch row " + i + "|1|ACCEPTED", QuarkusTransaction.requiringNew().call(() -> (String) em
                    .createNativeQuery("select e.source || '|' || v.version || '|' || v.state from evidence e"
                            + " join evidence_version v on v.evidence_id = e.id and v.position = e.position"
                            + " where e.id = cast(?1 as uuid)").setParameter(1, id).getSingleResult()),
                    "row " + i + " is stored with its version 1");
        }
        // the events in the outbox's order: one per row, in the rows' order, each carrying its row's id and position
        @SuppressWarnings("unchecked")
        List<Object[]> events = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select payload::jsonb -> 'data' ->> 'evidenceId', (payload::jsonb -> 'data' ->> 'position')::bigint,"
                        + " e.position from outbox_event o join evidence e on e.id = cast(payload::jsonb -> 'data' ->>"
                        + " 'evidenceId' as uuid) where o.event_id in (select event_id from outbox_event"
                        + " where payload like '%batch row %') order by o.id").getResultList());
        List<String> announced = events.stream().map(r -> (String) r[0]).filter(ids::contains).toList();
        assertEquals(ids, announced, "one event per row, in the rows' order");
        List<Long> positions = new java.util.ArrayList<>();
        events.stream().filter(r -> ids.contains((String) r[0])).forEach(r -> {
            assertEquals(((Number) r[2]).longValue(), ((Number) r[1]).longValue(), "the event carries its row's position");
            positions.add(((Number) r[1]).longValue());
        });
        assertEquals(positions.stream().sorted().toList(), positions, "positions follow the rows' order");
    }

    @Test
    void aBatchWithOneBadRowStoresNothingAndAnnouncesNothing() {
        long evidence = count("select count(*) from evidence");
        long events = count("select count(*) from outbox_event");
        given().auth().oauth2(PROVIDER).contentType("application/json")
                .body(List.of(Map.of("metric", "online_retail_sales", "year", 2025, "value", 1, "source", "ok"),
                        Map.of("metric", "no_such_metric", "year", 2025, "value", 1, "source", "bad")))
                .post("/api/v1/regions/" + REGION + "/observations")
                .then().statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
                        .and(org.hamcrest.Matchers.lessThan(500)))
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
        assertEquals(evidence, count("select count(*) from evidence"));
        assertEquals(events, count("select count(*) from outbox_event"));
    }

    @Test
    void aCatalogueEventDeliveredTwiceIsAppliedOnce() {
        String event = TestEvents.region("509802", "重复投递区", "500000", Zone.WEST);
        catalogue.onEvent(event);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update known_region set name = 'changed since' where code = '509802'").executeUpdate());
        catalogue.onEvent(event);
        assertEquals("changed since", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select name from known_region where code = '509802'").getSingleResult()));
        assertEquals(1, count("select count(*) from consumed_event where event_id = '"
                + cn.nmsdz.events.envelope.EventEnvelope.fromJson(event).id() + "'"));
    }

    @Test
    void aSubmissionNeedsAToken() {
        given().contentType("application/json")
                .body(Map.of("metric", "online_retail_sales", "year", 2025, "value", 1, "source", "x"))
                .post("/api/v1/regions/" + REGION + "/observations").then().statusCode(401);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                .longValue());
    }
}
