package cn.nmsdz.systemtest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.Topics;
import cn.nmsdz.events.envelope.EventEnvelope;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One trace from the POST to the snapshot: a figure sent with a W3C traceparent keeps that trace id as its request
 * id, in the evidence event (the CloudEvent's traceparent, written with the outbox row), across Kafka into scoring,
 * through the snapshot worker into the score.events event of the snapshot; and the gateway, evidence-service and
 * scoring-service each export spans of it to the collector (the system tests run one in place of a real one).
 */
@ExtendWith(Suite.class)
class TraceIT {
    static final String PINGLU = "140829";
    static final int YEAR = 2003;

    @Test
    void aFiguresTraceRunsFromThePostToTheSnapshotEvent() {
        // the suite the tests start traces (Suite.run); one started by hand traces only when told to
        Assumptions.assumeTrue(!Suite.EXTERNAL || suiteTraces(), "the external suite does not trace: start it with "
                + "QUARKUS_OTEL_SDK_DISABLED=false (README \"Traces\") for this test to check anything");
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        Response posted = given().auth().oauth2(Tokens.client("stats-bureau-sx", "stats-bureau-sx-secret"))
                .header("traceparent", traceparent).contentType(ContentType.JSON)
                .body(Map.of("metric", "online_operators", "year", YEAR, "value", 4321, "source", "TraceIT"))
                .post(Suite.GATEWAY + "/api/v1/regions/" + PINGLU + "/observations");
        posted.then().statusCode(201);
        assertEquals(traceId, posted.header("X-Request-Id"), "a request without its own id is known by its trace id");

        EventEnvelope evidence = firstWithTrace(Topics.EVIDENCE, traceId);
        assertEquals(PINGLU, evidence.subject());
        EventEnvelope snapshot = firstWithTrace(Topics.SCORE, traceId);
        assertEquals(PINGLU, snapshot.subject());
        assertTrue(snapshot.type().contains("snapshot"), "the scoring event of the trace is a snapshot: " + snapshot.type());
        int year = snapshot.data().path("year").asInt();
        assertTrue(year >= YEAR && year <= YEAR + 2, "a snapshot of a year that reads the figure: " + year);

        Assumptions.assumeFalse(Suite.EXTERNAL, "the collector runs only beside a suite the tests started");
        for (String service : List.of("gateway", "evidence-service", "scoring-service")) {
            WalkingSkeletonIT.await(() -> TraceCollector.exported(service, traceId) ? true : null, 60);
        }
    }

    /**
     * Whether the suite under test traces at all: the gateway names a request that brings no id of its own by the
     * trace id of its span (32 hex digits) while tracing is on, by a random UUID while it is off.
     */
    static boolean suiteTraces() {
        String id = given().get(Suite.GATEWAY + "/api/v1/regions").then().extract().header("X-Request-Id");
        return id != null && id.matches("[0-9a-f]{32}");
    }

    /** The first event on the topic whose traceparent belongs to the trace (waits for it up to a minute). */
    static EventEnvelope firstWithTrace(String topic, String traceId) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(WalkingSkeletonIT.consumerProps())) {
            consumer.subscribe(List.of(topic));
            List<String> seen = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    EventEnvelope event = EventEnvelope.fromJson(record.value());
                    if (event.traceparent() != null && event.traceparent().contains(traceId)) {
                        return event;
                    }
                    if (PINGLU.equals(record.key())) {
                        seen.add(event.type() + " " + event.traceparent());
                    }
                }
            }
            throw new AssertionError("no event of trace " + traceId + " on " + topic + "; of " + PINGLU + ": " + seen);
        }
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
