package cn.nmsdz.systemtest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What Prometheus scrapes: every service's /q/metrics, the gateway's on its management port only (never on the
 * public one), and the domain's own meters moving when a figure goes through the suite: the evidence counted by
 * kind and state, a snapshot computed, the outbox emptied again, the gateway's requests counted.
 */
@ExtendWith(Suite.class)
class MetricsIT {
    static final String GATEWAY_MANAGEMENT = "http://127.0.0.1:" + Suite.port("gateway-management");
    static final String INDICATOR = "http://127.0.0.1:" + Suite.port("indicator");
    static final String PINGLU = "140829";

    @Test
    void theGatewayShowsHealthAndMetricsOnlyOnItsManagementPort() {
        given().get(Suite.GATEWAY + "/q/metrics").then().statusCode(404);
        given().get(Suite.GATEWAY + "/q/health/ready").then().statusCode(404);
        given().get(GATEWAY_MANAGEMENT + "/q/health/ready").then().statusCode(200);
        String metrics = scrape(GATEWAY_MANAGEMENT);
        assertTrue(metrics.contains("nmsdz_gateway_rate_limited_total"), "the rate-limit counter is exported");
        assertTrue(metrics.contains("http_server_requests_seconds_count"), "the gateway's requests are counted");
        // the inputs of the alert NmsdzOpenFilesNearLimit: each connection is an open file
        double open = value(metrics, "process_files_open_files");
        double max = value(metrics, "process_files_max_files");
        assertTrue(open > 0 && open < max, "open files " + open + " of " + max);
        // and of NmsdzGatewayAtConnectionLimit: the limit in force, under the file limit
        assertEquals(10_000, value(metrics, "vertx_http_connections_max"), 0.0);
        assertTrue(metrics.contains("vertx_http_connections_rejected_total"), "refused connections are counted");
        assertTrue(value(metrics, "vertx_http_connections_max") < max, "connection limit under the file limit " + max);
    }

    @Test
    void aFigureMovesTheDomainMetricsOfEveryServiceItPasses() {
        double accepted = value(scrape(Suite.EVIDENCE), "nmsdz_evidence_changes_total", "kind=\"OBSERVATION\"", "state=\"ACCEPTED\"");
        double snapshots = value(scrape(Suite.SCORING), "nmsdz_scoring_snapshot_computation_seconds_count");
        double gatewayRequests = value(scrape(GATEWAY_MANAGEMENT), "http_server_requests_seconds_count");

        String bureau = Tokens.client("stats-bureau", "stats-bureau-secret");
        List<Long> positions = given().auth().oauth2(bureau).contentType(ContentType.JSON)
                .body(List.of(Map.of("metric", "online_operators", "year", 2009, "value", 321, "source", "MetricsIT 1"),
                        Map.of("metric", "online_operators", "year", 2008, "value", 300, "source", "MetricsIT 2")))
                .post(Suite.GATEWAY + "/api/v1/regions/" + PINGLU + "/observations")
                .then().statusCode(201).extract().jsonPath().getList("position", Long.class);
        long last = positions.stream().mapToLong(Long::longValue).max().orElseThrow();
        String reviewer = Tokens.user("pl-reviewer");
        WalkingSkeletonIT.await(() -> {
            var r = given().auth().oauth2(reviewer).get(Suite.GATEWAY + "/api/v1/regions/" + PINGLU + "/scores/latest?year=2010");
            return r.statusCode() == 200 && r.jsonPath().getLong("evidencePosition") >= last ? true : null;
        });

        assertEquals(accepted + 2, value(scrape(Suite.EVIDENCE), "nmsdz_evidence_changes_total",
                "kind=\"OBSERVATION\"", "state=\"ACCEPTED\""), "two figures accepted on arrival");
        assertTrue(value(scrape(Suite.SCORING), "nmsdz_scoring_snapshot_computation_seconds_count") > snapshots,
                "a snapshot was computed and timed");
        assertTrue(value(scrape(GATEWAY_MANAGEMENT), "http_server_requests_seconds_count") > gatewayRequests,
                "the gateway counted the requests");
        // the outbox of evidence-service is emptied again: its gauge comes back to 0
        WalkingSkeletonIT.await(() -> value(scrape(Suite.EVIDENCE), "nmsdz_outbox_pending_rows") == 0 ? true : null);
        for (String service : List.of(INDICATOR, Suite.EVIDENCE, Suite.SCORING)) {
            String metrics = scrape(service);
            for (String meter : List.of("nmsdz_outbox_pending_rows", "nmsdz_outbox_oldest_pending_age_seconds",
                    "nmsdz_retention_deleted_total", "jvm_memory_used_bytes")) {
                assertTrue(metrics.contains(meter), service + " does not export " + meter);
            }
        }
        for (String consumer : List.of(Suite.EVIDENCE, Suite.SCORING)) {
            assertTrue(scrape(consumer).contains("nmsdz_consumer_lag{"), consumer + " does not export its consumer lag");
        }
    }

    static String scrape(String base) {
        return given().get(base + "/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of a meter's samples whose labels contain every fragment given (0 when there is none yet). */
    static double value(String metrics, String name, String... labelFragments) {
        return metrics.lines()
                .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> List.of(labelFragments).stream().allMatch(l::contains))
                // a sample may end with an exemplar ("# {trace_id=…} 1.0 1795796880.343") while tracing is on
                .map(l -> l.contains(" # ") ? l.substring(0, l.indexOf(" # ")).trim() : l)
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
