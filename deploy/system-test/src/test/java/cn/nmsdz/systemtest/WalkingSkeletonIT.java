package cn.nmsdz.systemtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.Topics;
import cn.nmsdz.events.envelope.EventEnvelope;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vertical slice on the real suite: HTTP → PostgreSQL + outbox → Kafka → projection →
 * snapshot → HTTP, through the gateway with tokens from the real Keycloak.
 */
@ExtendWith(Suite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {
    static final String YONGCHUAN = "500118";
    static final int YEAR = 2025;

    @Test
    @Order(1)
    void aRequestWithoutATokenIsRefusedAtTheGatewayAndAtTheService() {
        for (String base : List.of(Suite.GATEWAY, Suite.EVIDENCE)) {
            given().contentType(ContentType.JSON).body(Map.of("metric", "online_retail_sales"))
                    .post(base + "/api/v1/regions/" + YONGCHUAN + "/observations")
                    .then().statusCode(401).contentType(startsWith("application/problem+json"));
        }
        given().auth().oauth2("not-a-token").get(Suite.GATEWAY + "/api/v1/regions")
                .then().statusCode(401);
    }

    @Test
    @Order(2)
    void theCatalogueIsServedThroughTheGateway() {
        given().auth().oauth2(Tokens.user("admin")).get(Suite.GATEWAY + "/api/v1/systems/NMSDZ")
                .then().statusCode(200)
                .body("firstLevel.size()", equalTo(5))
                .body("firstLevel.children.flatten().indicators.flatten().size()", equalTo(41));
        given().auth().oauth2(Tokens.user("admin")).get(Suite.GATEWAY + "/api/v1/regions")
                .then().statusCode(200).body("code", hasItem("140829"));
    }

    @Test
    @Order(3)
    void anObservationSubmittedThroughTheGatewayLeadsToANewSnapshot() {
        String reviewer = Tokens.user("yc-reviewer");
        long before = snapshotCount(reviewer);
        Response created = given().auth().oauth2(Tokens.user("yc-stats")).contentType(ContentType.JSON)
                .header("X-Request-Id", "slice-test-1")
                .body(List.of(Map.of("metric", "online_retail_sales", "year", YEAR, "value", 321.5,
                        "source", "永川区统计局 2025年统计公报")))
                .post(Suite.GATEWAY + "/api/v1/regions/" + YONGCHUAN + "/observations");
        created.then().statusCode(201).header("X-Request-Id", "slice-test-1").body("[0].state", equalTo("SUBMITTED"));
        long position = created.jsonPath().getLong("[0].position");

        Response latest = await(() -> {
            Response r = given().auth().oauth2(reviewer)
                    .get(Suite.GATEWAY + "/api/v1/regions/" + YONGCHUAN + "/scores/latest?year=" + YEAR);
            return r.statusCode() == 200 && r.jsonPath().getLong("evidencePosition") >= position ? r : null;
        });
        assertEquals(before + 1, snapshotCount(reviewer));
        assertEquals("NMSDZ", latest.jsonPath().getString("systemCode"));
        assertEquals(41, latest.jsonPath().getList("projected.indicators").size());
        // the projected total reads the pending figure: indicator 1 names it as an input (or as missing the rest)
        String indicator1 = latest.jsonPath().getString("projected.indicators.find { it.code == '1' }");
        assertNotNull(indicator1);
    }

    @Test
    @Order(4)
    void anEventPublishedTwiceIsAppliedOnce() throws Exception {
        String reviewer = Tokens.user("yc-reviewer");
        ConsumerRecord<String, String> original = firstEvidenceEvent();
        long before = snapshotCount(reviewer);

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps())) {
            producer.send(new ProducerRecord<>(Topics.EVIDENCE, original.key(), original.value())).get();
        }
        // a marker submission after the duplicate: once its snapshot exists, the duplicate was consumed too
        long position = given().auth().oauth2(Tokens.user("yc-stats")).contentType(ContentType.JSON)
                .body(Map.of("metric", "retail_sales_total", "year", YEAR, "value", 900, "source", "永川区统计局"))
                .post(Suite.GATEWAY + "/api/v1/regions/" + YONGCHUAN + "/observations")
                .then().statusCode(201).extract().jsonPath().getLong("[0].position");
        await(() -> {
            Response r = given().auth().oauth2(reviewer)
                    .get(Suite.GATEWAY + "/api/v1/regions/" + YONGCHUAN + "/scores/latest?year=" + YEAR);
            return r.statusCode() == 200 && r.jsonPath().getLong("evidencePosition") >= position ? r : null;
        });
        assertEquals(before + 1, snapshotCount(reviewer), "the duplicate event must not create a snapshot");
    }

    @Test
    @Order(5)
    void aBatchWithOneBadRowStoresNothingAndNamesTheRow() {
        String clerk = Tokens.user("yc-stats");
        int before = evidenceCount(clerk);
        given().auth().oauth2(clerk).contentType(ContentType.JSON)
                .body(List.of(
                        Map.of("metric", "online_retail_sales", "year", YEAR, "value", 10, "source", "永川区统计局"),
                        Map.of("metric", "online_retail_sales", "year", 1890, "value", 10, "source", "永川区统计局")))
                .post(Suite.GATEWAY + "/api/v1/regions/" + YONGCHUAN + "/observations")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("/1/year"));
        given().auth().oauth2(clerk).contentType(ContentType.JSON).body("{\"metric\": ")
                .post(Suite.GATEWAY + "/api/v1/regions/" + YONGCHUAN + "/observations")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        assertEquals(before, evidenceCount(clerk));
    }

    @Test
    @Order(6)
    void aSubmitterCannotWriteForAnotherRegion() {
        given().auth().oauth2(Tokens.user("yc-stats")).contentType(ContentType.JSON)
                .body(Map.of("metric", "online_retail_sales", "year", YEAR, "value", 1, "source", "x"))
                .post(Suite.GATEWAY + "/api/v1/regions/140829/observations")
                .then().statusCode(403).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("region-scope"));
    }

    @Test
    @Order(50)
    void submissionsAcceptedWhileKafkaIsDownAreDeliveredOnceAndInOrderAfterItReturns() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(Suite.EXTERNAL, "stops the suite's Kafka: only on a suite of its own");
        String provider = Tokens.client("stats-bureau", "stats-bureau-secret");
        Suite.run("stop", "kafka");
        List<Long> positions = new java.util.ArrayList<>();
        try {
            for (int year = 2016; year <= 2020; year++) {
                positions.add(given().auth().oauth2(provider).contentType(ContentType.JSON)
                        .body(Map.of("metric", "express_volume", "year", year, "value", 1000 + year,
                                "source", "平陆县邮政管理 " + year))
                        .post(Suite.GATEWAY + "/api/v1/regions/140829/observations")
                        .then().statusCode(201).body("[0].state", equalTo("ACCEPTED"))
                        .extract().jsonPath().getLong("[0].position"));
            }
            // the events wait in the outbox: evidence-service says so on its readiness, naming the outbox
            Map<String, Object> stalled = await(() -> outboxCheck("DOWN"));
            assertTrue(String.valueOf(stalled.get("problem")).contains("outbox row(s) unsent"), stalled.toString());
            assertTrue(((Number) stalled.get("pendingRows")).longValue() >= positions.size(), stalled.toString());
            assertEquals(503, given().get(Suite.EVIDENCE + "/q/health/ready").statusCode());
        } finally {
            Suite.run("restart", "kafka");
        }
        // and UP again once they are published
        assertEquals(0L, ((Number) await(() -> outboxCheck("UP")).get("pendingRows")).longValue());
        // a consumer that dedupes by event id sees each submission once, in submission order
        Map<Long, String> seen = new java.util.LinkedHashMap<>();
        Properties props = consumerProps();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.EVIDENCE));
            Instant deadline = Instant.now().plusSeconds(90);
            java.util.Set<String> ids = new java.util.HashSet<>();
            while (Instant.now().isBefore(deadline) && !seen.keySet().containsAll(positions)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    EventEnvelope event = EventEnvelope.fromJson(record.value());
                    long position = event.data().get("position").asLong();
                    if ("140829".equals(record.key()) && positions.contains(position) && ids.add(event.id())) {
                        seen.put(position, event.id());
                    }
                }
            }
        }
        assertEquals(positions, List.copyOf(seen.keySet()), "every event once, in per-region order");
    }

    @Test
    @Order(97)
    void aServiceToldToStopAfterADelayReportsNotReadyAndGoesOnServing() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(Suite.EXTERNAL, "stops a service: only on a suite of its own");
        // as on Kubernetes (deploy/kubernetes: QUARKUS_SHUTDOWN_DELAY), where the Services drop a stopping pod a moment
        // after the kubelet has told it to stop
        Suite.run(Map.of("QUARKUS_SHUTDOWN_DELAY", "4s"), "restart", "evidence-service");
        String ready = Suite.EVIDENCE + "/q/health/ready";
        CompletableFuture<Void> stop = null;
        try {
            assertEquals(200, given().get(ready).statusCode());
            stop = stopMeanwhile("evidence-service");
            await(() -> {
                try {
                    return given().get(ready).statusCode() == 503 ? Boolean.TRUE : null;
                } catch (Exception refused) { // stopped without the delay: never seen not ready
                    return null;
                }
            }, 10);
            given().auth().oauth2(Tokens.user("yc-reviewer"))
                    .get(Suite.GATEWAY + "/api/v1/regions/" + YONGCHUAN + "/evidence?size=1")
                    .then().statusCode(200);
            stop.get(60, TimeUnit.SECONDS);
        } finally {
            restartAfter(stop, "evidence-service");
        }
    }

    /** The service that takes the submission, and the gateway it passes (the same stopping settings: support-jvm). */
    @ParameterizedTest
    @ValueSource(strings = {"evidence-service", "gateway"})
    @Order(98)
    void aSubmissionStillArrivingWhenItsServiceOrTheGatewayIsStoppedIsAcceptedAndReachesTheScore(String stopped)
            throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(Suite.EXTERNAL, "stops a service: only on a suite of its own");
        String source = "永川区统计局 停机测试 " + UUID.randomUUID();
        byte[] body = ("[{\"metric\":\"online_retail_sales\",\"year\":" + YEAR + ",\"value\":432.1,\"source\":\""
                + source + "\"}]").getBytes(StandardCharsets.UTF_8);
        URI gateway = URI.create(Suite.GATEWAY);
        CompletableFuture<Void> stop = null;
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(60_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/v1/regions/" + YONGCHUAN + "/observations HTTP/1.1\r\nHost: " + gateway.getAuthority()
                    + "\r\nAuthorization: Bearer " + Tokens.user("yc-stats") + "\r\nContent-Type: application/json"
                    + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            Thread.sleep(500); // the request has reached evidence-service, its body half read
            stop = stopMeanwhile(stopped);
            // it has had its SIGTERM by now; stopping at once, evidence-service was gone within a second
            Thread.sleep(2000);
            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String status = answer.lines().findFirst().orElse("");
            assertTrue(status.startsWith("HTTP/1.1 201"), "the submission in flight was answered: " + answer);
            stop.get(60, TimeUnit.SECONDS);
        } finally {
            restartAfter(stop, stopped);
        }

        // kept, and its event reached scoring-service although evidence-service or the gateway stopped right after
        String reviewer = Tokens.user("yc-reviewer");
        List<Map<String, Object>> kept = given().auth().oauth2(reviewer)
                .get(Suite.GATEWAY + "/api/v1/regions/" + YONGCHUAN + "/evidence?size=500").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.source == '" + source + "' }");
        assertEquals(1, kept.size(), "the submission is kept once");
        long position = ((Number) kept.get(0).get("position")).longValue();
        await(() -> {
            Response r = given().auth().oauth2(reviewer)
                    .get(Suite.GATEWAY + "/api/v1/regions/" + YONGCHUAN + "/scores/latest?year=" + YEAR);
            return r.statusCode() == 200 && r.jsonPath().getLong("evidencePosition") >= position ? r : null;
        });
    }

    @Test
    @Order(99)
    void stopLeavesNoProcessAndANewStartFindsTheEarlierDataNeitherLoggingAnErrorOrWarning() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(Suite.EXTERNAL, "stops the suite: only on a suite of its own");
        String reviewer = Tokens.user("yc-reviewer");
        long snapshots = snapshotCount(reviewer);
        Path run = Path.of(System.getenv("NMSDZ_HOME"), "run");
        List<Long> pids;
        try (var files = Files.list(run)) {
            // only the pid files: on JDK 25 the launcher also marks a service recording its AOT cache there
            pids = files.filter(f -> f.getFileName().toString().endsWith(".pid")).map(WalkingSkeletonIT::readPid).toList();
        }
        assertFalse(pids.isEmpty());
        Path logs = Path.of(System.getenv("NMSDZ_HOME"), "logs");
        List<String> services = List.of("indicator-service", "evidence-service", "scoring-service");
        Map<String, Long> logSizes = new HashMap<>();
        for (String service : services) {
            logSizes.put(service, Files.size(logs.resolve(service + ".log")));
        }

        Suite.run("stop");
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " still runs");
        }
        for (String component : List.of("gateway", "indicator", "evidence", "scoring", "keycloak", "postgres", "kafka")) {
            assertFalse(listening(Suite.port(component)), "port " + Suite.port(component) + " still open");
        }
        // was: scoring-service's scheduled jobs ran on after the database had closed (an ERROR with a stack trace every
        // second of its 5 s stop), and the wake-up listener gave its connection back to a closed pool (a WARN)
        for (String service : services) {
            byte[] log = Files.readAllBytes(logs.resolve(service + ".log"));
            int from = logSizes.get(service).intValue();
            String stopping = new String(log, from, log.length - from, StandardCharsets.UTF_8);
            assertTrue(stopping.contains(service + " stopped in "), service + " logged no clean stop:\n" + stopping);
            List<String> problems = stopping.lines().filter(l -> l.contains("level=ERROR") || l.contains("level=WARN")).toList();
            assertEquals(List.of(), problems, service + " while it stopped");
        }

        Suite.run("start");
        assertEquals(snapshots, snapshotCount(Tokens.user("yc-reviewer")), "the earlier snapshots survive a restart");
        assertTrue(Suite.run("start").contains("already running"), "a second start says the suite runs");
        // was, at every start: Hibernate's WARN for an unsupported property (evidence-service), Micrometer's for the
        // gateway's connection meters registered once per event loop, and four of OpenTelemetry's for the OIDC
        // provider's discovery going out before the tracer was set (every runnable; the suite traces, as production)
        for (String runnable : List.of("indicator-service", "evidence-service", "scoring-service", "gateway", "web")) {
            try (var lines = Files.lines(logs.resolve(runnable + ".log"))) {
                List<String> problems = lines.filter(l -> l.contains("level=ERROR") || l.contains("level=WARN")).toList();
                assertEquals(List.of(), problems, runnable + " while it started");
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Stops a component of the suite on a thread of its own: the launcher returns once it has stopped. */
    static CompletableFuture<Void> stopMeanwhile(String component) {
        return CompletableFuture.runAsync(() -> {
            try {
                Suite.run("stop", component);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Waits for a stop begun by {@link #stopMeanwhile} (if one was), whatever its outcome, and starts it again. */
    static void restartAfter(CompletableFuture<Void> stop, String component) throws Exception {
        if (stop != null) {
            stop.exceptionally(e -> null).get(60, TimeUnit.SECONDS);
        }
        Suite.run("restart", component);
    }

    static long snapshotCount(String token) {
        Response r = given().auth().oauth2(token)
                .get(Suite.GATEWAY + "/api/v1/regions/" + YONGCHUAN + "/scores?year=" + YEAR);
        r.then().statusCode(200);
        return r.jsonPath().getList("$").size();
    }

    static int evidenceCount(String token) {
        return given().auth().oauth2(token).get(Suite.GATEWAY + "/api/v1/regions/" + YONGCHUAN + "/evidence?size=500")
                .then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    static Properties consumerProps() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Suite.KAFKA);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }

    static ConsumerRecord<String, String> firstEvidenceEvent() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps())) {
            consumer.subscribe(List.of(Topics.EVIDENCE));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (YONGCHUAN.equals(record.key())) {
                        EventEnvelope.fromJson(record.value()); // it is a CloudEvent
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no evidence event of " + YONGCHUAN + " on " + Topics.EVIDENCE);
    }

    /** The data of evidence-service's readiness check "outbox" when it has the given status, else null. */
    static Map<String, Object> outboxCheck(String status) {
        List<Map<String, Object>> checks = given().get(Suite.EVIDENCE + "/q/health/ready").then().extract()
                .jsonPath().getList("checks");
        for (Map<String, Object> check : checks) {
            if ("outbox".equals(check.get("name")) && status.equals(check.get("status"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> data = (Map<String, Object>) check.get("data");
                return data;
            }
        }
        return null;
    }

    static Properties producerProps() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Suite.KAFKA);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }

    static <T> T await(Supplier<T> probe) {
        return await(probe, 60);
    }

    static <T> T await(Supplier<T> probe, int seconds) {
        Instant deadline = Instant.now().plusSeconds(seconds);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("condition not reached within " + seconds + " s");
    }

    static long readPid(Path file) {
        try {
            return Long.parseLong(Files.readString(file).trim());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
