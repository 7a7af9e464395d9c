package cn.nmsdz.systemtest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Nothing is left unscored under load: hundreds of fresh regions each get a figure, then in quick succession
 * two verdicts of an expert (the second replacing the first) and, for some, a department's claim, while the
 * snapshot worker is busy computing their first snapshots. Once scoring has settled, every region-year's latest
 * snapshot reads all of it: the expert's latest points, the claim, and no region-year is reported stale.
 *
 * <p>Size: {@code -Dnmsdz.test.soak-regions} (100 in the build; docs/BENCHMARKS.md records a run of 300), with a
 * claim from every 25th region's own clerk.
 * The regions are created for the run under 重庆市 (codes 5021xx–5029xx that are still free).
 */
@ExtendWith(Suite.class)
class RescoringSoakIT {
    static final String API = Suite.GATEWAY + "/api/v1";
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    static final int REGIONS = Integer.getInteger("nmsdz.test.soak-regions", 100);
    static final int CLAIM_EVERY = 25;
    static final int YEAR = Year.now(ZoneOffset.UTC).getValue() - 1;

    @Test
    void everyRegionYearsLatestSnapshotReadsAllItsEvidence() throws Exception {
        String admin = Tokens.user("admin");
        List<String> regions = createRegions(admin);
        Map<String, String> clerks = onboardClerks(admin, regions);
        KeycloakAdmin.createUser("soak-expert-" + RUN, Map.of("assigned_regions", regions), "expert");
        String expert = Tokens.user("soak-expert-" + RUN);
        String statistics = Tokens.client("stats-bureau", "stats-bureau-secret");
        waitUntilEvidenceKnows(expert, regions.get(regions.size() - 1));

        // figure, then at once two verdicts (the second one counts) and the claim: no pause between regions
        Map<String, List<String>> lastEvidence = new java.util.concurrent.ConcurrentSkipListMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> submissions = new ArrayList<>();
            for (int i = 0; i < regions.size(); i++) {
                String region = regions.get(i);
                double points = i % 2 == 0 ? 2.0 : 0.5;
                String clerk = clerks.get(region);
                submissions.add(pool.submit(() -> {
                    post(statistics, region, "/observations", Map.of("metric", "online_retail_sales", "year", YEAR,
                            "value", 10.5, "source", "RescoringSoakIT"));
                    post(expert, region, "/assessments", Map.of("indicator", "10", "year", YEAR, "points", 1, "comment", "first"));
                    List<String> ids = new ArrayList<>();
                    ids.add("10 " + post(expert, region, "/assessments", Map.of("indicator", "10", "year", YEAR, "points", points,
                            "comment", "second: replaces the first")));
                    if (clerk != null) {
                        ids.add("11 " + post(clerk, region, "/claims", Map.of("indicator", "11", "item", "11.3", "year", YEAR,
                                "satisfied", true, "comment", "RescoringSoakIT")));
                    }
                    lastEvidence.put(region, ids);
                    return null;
                }));
            }
            for (Future<?> f : submissions) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        // settled: nothing pending, then every region-year's latest snapshot reads the latest verdict and the claim
        Instant deadline = Instant.now().plusSeconds(300);
        List<String> missing;
        do {
            awaitNothingPending(admin);
            missing = new ArrayList<>();
            for (String region : regions) {
                for (int year = YEAR; year <= YEAR; year++) { // the judgements' assessment year: only it reads them
                    Response latest = given().auth().oauth2(admin)
                            .get(API + "/regions/" + region + "/scores/latest?year=" + year);
                    for (String expected : lastEvidence.get(region)) {
                        String indicator = expected.split(" ")[0];
                        String id = expected.split(" ")[1];
                        List<String> read = latest.statusCode() != 200 ? List.of() : latest.jsonPath().getList(
                                "projected.indicators.find { it.code == '" + indicator + "' }.inputs.evidenceId",
                                String.class);
                        if (read == null || !read.contains(id)) {
                            missing.add(region + "/" + year + " indicator " + indicator + " misses " + id
                                    + " (snapshot: " + latest.statusCode() + ")");
                        }
                    }
                }
            }
        } while (!missing.isEmpty() && Instant.now().isBefore(deadline));
        assertEquals(List.of(), missing, "latest snapshots that miss evidence after scoring settled");
        assertEquals(0, staleCountedNow(admin));
    }

    private static List<String> createRegions(String admin) {
        return TestRegions.createCounties(admin, 502100, 502999, REGIONS, "压测区", "500000", "WEST");
    }

    /** Every 25th region gets a department named lead unit of indicator 11 and a clerk of it; returns their tokens. */
    private static Map<String, String> onboardClerks(String admin, List<String> regions) {
        Map<String, String> clerks = new TreeMap<>();
        for (int i = 0; i < regions.size(); i += CLAIM_EVERY) {
            String region = regions.get(i);
            String department = region + "-market";
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("code", department, "name", "压测区市场监督管理局", "kind", "GOVERNMENT_DEPARTMENT"))
                    .post(API + "/regions/" + region + "/departments").then().statusCode(201);
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("leadUnits", List.of(department)))
                    .put(API + "/regions/" + region + "/decomposition/11").then().statusCode(200);
            String user = "soak-clerk-" + region + "-" + RUN;
            KeycloakAdmin.createUser(user, Map.of("region", List.of(region), "department", List.of(department)),
                    "evidence-submitter");
            clerks.put(region, Tokens.user(user));
        }
        return clerks;
    }

    /** The last region created has reached evidence-service (catalogue.events is in order, so all have). */
    private static void waitUntilEvidenceKnows(String expert, String region) {
        WalkingSkeletonIT.await(() -> given().auth().oauth2(expert)
                .get(API + "/regions/" + region + "/evidence?size=1").statusCode() == 200 ? true : null);
    }

    /** Posts evidence; returns its id. */
    private static String post(String token, String region, String path, Map<String, Object> body) {
        Response created = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post(API + "/regions/" + region + path);
        created.then().statusCode(201);
        // observations answer with the list of figures stored, the other kinds with the one piece of evidence
        return created.asString().startsWith("[") ? created.path("[0].id") : created.path("id");
    }

    static void awaitNothingPending(String admin) {
        WalkingSkeletonIT.await(() -> given().auth().oauth2(admin).get(API + "/rescoring").then().statusCode(200)
                .extract().jsonPath().getLong("pendingSnapshots") == 0 ? true : null, 300);
    }

    /**
     * The stale region-years {@code GET /rescoring} reports, from a count made after this call began (requests within
     * a second share one count, so the first answers may predate what the caller just waited for).
     */
    static int staleCountedNow(String admin) {
        java.time.OffsetDateTime since = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        return WalkingSkeletonIT.await(() -> {
            io.restassured.path.json.JsonPath progress = given().auth().oauth2(admin).get(API + "/rescoring").then()
                    .statusCode(200).extract().jsonPath();
            return java.time.OffsetDateTime.parse(progress.getString("staleCheckedAt")).isAfter(since)
                    ? progress.getInt("staleRegionYears") : null;
        }, 30);
    }
}
