package cn.nmsdz.systemtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scoring scales out: two scoring-service instances on one database and one consumer group give exactly the
 * snapshots one instance gives, through a burst of figures for a dozen counties, a kill -9 of the first instance in
 * the middle of it, and the rescoring of every region after a catalogue publish. Every region-year's latest
 * snapshot then reads all its figures, is scored against the new version, and equals its recomputation
 * (POST …/recompute: the same evidence position and version computed anew, as a single instance would).
 */
@ExtendWith(Suite.class)
class ScaleOutIT {
    static final String API = Suite.GATEWAY + "/api/v1";
    static final String SECOND = "http://127.0.0.1:" + (Suite.port("scoring") + 10); // instance 2: port + 10
    static final List<Integer> FIGURE_YEARS = List.of(2013, 2014);
    /** A figure of year y is read by the assessment years y, y+1 and y+2. */
    static final List<Integer> SCORED_YEARS = List.of(2013, 2014, 2015, 2016);

    @Test
    void twoInstancesGiveTheSnapshotsOneGives() throws Exception {
        Assumptions.assumeFalse(Suite.EXTERNAL, "starts and kills instances: only on a suite of its own");
        String admin = Tokens.user("admin");
        String bureau = Tokens.client("stats-bureau-sx", "stats-bureau-sx-secret");
        List<String> regions = counties(admin, 12);

        Suite.run("start-instance", "scoring-service", "2");
        try {
            given().get(SECOND + "/q/health/ready").then().statusCode(200);
            Map<String, Long> lastPosition = new ConcurrentHashMap<>();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> sent = new ArrayList<>();
                for (int round = 0; round < 4; round++) {
                    for (String region : regions) {
                        int r = round;
                        sent.add(clients.submit(() -> {
                            List<Map<String, Object>> rows = new ArrayList<>();
                            for (int year : FIGURE_YEARS) {
                                rows.add(Map.of("metric", "online_operators", "year", year, "value", 1000 + 10 * r + year % 10,
                                        "source", "ScaleOutIT round " + r));
                                rows.add(Map.of("metric", "online_retail_sales", "year", year, "value", 50 + r,
                                        "source", "ScaleOutIT round " + r));
                            }
                            List<Long> positions = given().auth().oauth2(bureau).contentType(ContentType.JSON).body(rows)
                                    .post(API + "/regions/" + region + "/observations")
                                    .then().statusCode(201).extract().jsonPath().getList("position", Long.class);
                            lastPosition.merge(region, positions.stream().mapToLong(Long::longValue).max().orElseThrow(), Math::max);
                        }));
                    }
                    if (round == 1) {
                        for (Future<?> f : sent) {
                            f.get();
                        }
                        // the first instance dies in the middle of the burst: the second takes over its partitions
                        long pid = Long.parseLong(Files.readString(
                                Path.of(System.getenv("NMSDZ_HOME"), "run", "scoring-service.pid")).trim());
                        assertEquals(0, new ProcessBuilder("kill", "-KILL", Long.toString(pid)).inheritIO().start().waitFor());
                    }
                }
                for (Future<?> f : sent) {
                    f.get();
                }
            } finally {
                clients.shutdown();
            }
            Suite.run("restart", "scoring-service");

            // a new catalogue version rescoring every region, worked off by both instances
            int version = publishNextVersion(admin);
            WalkingSkeletonIT.await(() -> {
                Response r = given().auth().oauth2(admin).get(API + "/rescoring");
                return r.statusCode() == 200 && r.jsonPath().get("latest") != null
                        && r.jsonPath().getInt("latest.systemVersion") == version && r.jsonPath().getBoolean("latest.finished")
                        ? true : null;
            }, 600);
            RescoringSoakIT.awaitNothingPending(admin);

            for (String region : regions) {
                for (int year : SCORED_YEARS) {
                    // the figures the killed instance had taken but not committed come back once Kafka gives its
                    // partitions to a live member: after the dead member's session times out (45 s), which may be
                    // after the rescoring has finished. Nothing is lost, so every latest snapshot reads them in the end
                    String path = API + "/regions/" + region + "/scores/latest?year=" + year;
                    Response latest;
                    try {
                        latest = WalkingSkeletonIT.await(() -> {
                            Response r = given().auth().oauth2(admin).get(path);
                            return r.statusCode() == 200
                                    && r.jsonPath().getLong("evidencePosition") >= lastPosition.get(region) ? r : null;
                        }, 120);
                    } catch (AssertionError e) {
                        throw new AssertionError(region + " " + year + ": the latest snapshot misses figures", e);
                    }
                    latest.then().body("systemVersion", equalTo(version));
                    long number = latest.jsonPath().getLong("number");
                    given().auth().oauth2(admin).post(API + "/regions/" + region + "/scores/" + number + "/recompute")
                            .then().statusCode(200).body("identical", equalTo(true));
                }
            }
            String secondMetrics = given().get(SECOND + "/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(MetricsIT.value(secondMetrics, "nmsdz_scoring_snapshot_computation_seconds_count") > 0,
                    "the second instance computed snapshots too");
        } finally {
            Suite.run("stop", "scoring-service#2");
        }
    }

    /**
     * Two evidence-service instances behind the gateway (issue 17): the gateway takes them in turn, a figure posted
     * while the first is killed (kill -9) is retried by its client with the same Idempotency-Key and lands once, the
     * outbox relay of whichever instance holds the lock publishes every region's events in order, and each
     * region-year's latest snapshot reads the last round of figures and equals its recomputation.
     */
    @Test
    void twoEvidenceInstancesBehindTheGatewayLoseAndReorderNothing() throws Exception {
        Assumptions.assumeFalse(Suite.EXTERNAL, "starts and kills instances: only on a suite of its own");
        String admin = Tokens.user("admin");
        String bureau = Tokens.client("stats-bureau-sx", "stats-bureau-sx-secret");
        List<String> regions = counties(admin, 6);
        String secondEvidence = "http://127.0.0.1:" + (Suite.port("evidence") + 10);

        Suite.run("start-instance", "evidence-service", "2");
        Suite.run("restart", "gateway");
        int rounds = 4;
        try {
            Map<String, Long> lastPosition = new ConcurrentHashMap<>();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> sent = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    for (String region : regions) {
                        int r = round;
                        sent.add(clients.submit(() -> {
                            // indicator 3 reads both (operators among market entities): its score shows the value read
                            List<Map<String, Object>> rows = List.of(
                                    Map.of("metric", "online_operators", "year", 2014, "value", 2000 + r,
                                            "source", "ScaleOutIT evidence round " + r),
                                    Map.of("metric", "market_entities", "year", 2014, "value", 20000,
                                            "source", "ScaleOutIT evidence round " + r));
                            long position = postOnce(bureau, region, rows);
                            lastPosition.merge(region, position, Math::max);
                        }));
                    }
                    for (Future<?> f : sent) {
                        f.get(); // the rounds follow one another: round r+1 is newer than round r
                    }
                    if (round == 1) {
                        // the first instance dies between two rounds, the gateway goes on with the second
                        long pid = Long.parseLong(Files.readString(
                                Path.of(System.getenv("NMSDZ_HOME"), "run", "evidence-service.pid")).trim());
                        assertEquals(0, new ProcessBuilder("kill", "-KILL", Long.toString(pid)).inheritIO().start().waitFor());
                    }
                }
            } finally {
                clients.shutdown();
            }
            RescoringSoakIT.awaitNothingPending(admin);
            for (String region : regions) {
                // each round's figure landed once (a retried POST is replayed, never stored twice)
                List<String> sources = given().auth().oauth2(admin)
                        .get(API + "/regions/" + region + "/evidence?kind=OBSERVATION&metric=online_operators&year=2014&size=50")
                        .then().statusCode(200).extract().jsonPath().getList("source", String.class);
                for (int r = 0; r < rounds; r++) {
                    String source = "ScaleOutIT evidence round " + r;
                    assertEquals(1, sources.stream().filter(source::equals).count(), region + ": " + sources);
                }
                List<Number> read = new ArrayList<>();
                for (int year : List.of(2014, 2015, 2016)) {
                    Response latest = WalkingSkeletonIT.await(() -> {
                        Response r = given().auth().oauth2(admin).get(API + "/regions/" + region + "/scores/latest?year=" + year);
                        return r.statusCode() == 200 && r.jsonPath().getLong("evidencePosition") >= lastPosition.get(region)
                                ? r : null;
                    });
                    // the last round is what the snapshot reads: events of the two instances were applied in order
                    read.addAll(latest.jsonPath().getList("confirmed.indicators.inputs.flatten()"
                            + ".findAll { it.metric == 'online_operators' && it.year == 2014 && it.region == '" + region + "' }.value"));
                    long number = latest.jsonPath().getLong("number");
                    given().auth().oauth2(admin).post(API + "/regions/" + region + "/scores/" + number + "/recompute")
                            .then().statusCode(200).body("identical", equalTo(true));
                }
                assertTrue(!read.isEmpty() && read.stream().allMatch(v -> v.intValue() == 2000 + rounds - 1),
                        region + ": the snapshots read " + read + ", not only the last round's " + (2000 + rounds - 1));
            }
            String metrics = given().get(secondEvidence + "/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(metrics.contains("nmsdz_evidence_changes_total"), "the second instance took figures");
        } finally {
            Suite.run("restart", "evidence-service");
            Suite.run("stop", "evidence-service#2");
            Suite.run("restart", "gateway");
        }
    }

    /** POSTs figures until they are stored, retrying a 502 or 504 with the same Idempotency-Key; their highest position. */
    static long postOnce(String token, String region, List<Map<String, Object>> rows) {
        String key = java.util.UUID.randomUUID().toString();
        return WalkingSkeletonIT.await(() -> {
            Response r = given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body(rows).post(API + "/regions/" + region + "/observations");
            if (r.statusCode() == 502 || r.statusCode() == 504) {
                return null; // the instance died under the request: the same key again
            }
            r.then().statusCode(201);
            return r.jsonPath().getList("position", Long.class).stream().mapToLong(Long::longValue).max().orElseThrow();
        });
    }

    /** Counties of 运城市 for the run (codes 140850 to 140899 that are free, created through the API). */
    static List<String> counties(String admin, int count) {
        List<String> created = TestRegions.createCounties(admin, 140850, 140899, count, "扩容测试县", "140800", "CENTRAL");
        // the last region created has reached evidence-service (catalogue.events keeps its order)
        String bureau = Tokens.client("stats-bureau-sx", "stats-bureau-sx-secret");
        WalkingSkeletonIT.await(() -> given().auth().oauth2(bureau).contentType(ContentType.JSON)
                .body(Map.of("metric", "online_operators", "year", 2013, "value", 999, "source", "ScaleOutIT first"))
                .post(API + "/regions/" + created.get(count - 1) + "/observations").statusCode() == 201 ? true : null);
        return created;
    }

    static int publishNextVersion(String admin) {
        Map<String, Object> system = given().auth().oauth2(admin).get(API + "/systems/NMSDZ")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        List<Integer> versions = given().auth().oauth2(admin).get(API + "/systems")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.code == 'NMSDZ' }.version");
        int next = versions.stream().mapToInt(Integer::intValue).max().orElseThrow() + 1;
        system.put("version", next);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(system).post(API + "/systems").then().statusCode(201);
        given().auth().oauth2(admin).post(API + "/systems/NMSDZ/publish?version=" + next)
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));
        return next;
    }
}
