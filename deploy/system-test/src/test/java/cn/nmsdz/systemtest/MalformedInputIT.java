package cn.nmsdz.systemtest;

import static cn.nmsdz.systemtest.Callers.count;
import static cn.nmsdz.systemtest.Callers.token;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Bad input gets a clear application/problem+json error that says what is wrong, and changes nothing": malformed
 * requests of callers who may call the endpoint, through the gateway with real tokens. Every row must get a 4xx
 * problem whose detail (or one of its field errors) names the problem; a write row's probe, read before and after,
 * proves nothing changed. The rows marked "was:" found a bug (a 500, a bare 400/404 or a generic detail).
 */
@ExtendWith(Suite.class)
class MalformedInputIT {
    static final String API = Suite.GATEWAY + "/api/v1";
    static final String YC = "500118";
    static final String PL = "140829";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String BUREAU = "client:stats-bureau";
    static final Map<String, String> IDS = new ConcurrentHashMap<>();
    static final String INDICATOR = "http://127.0.0.1:" + Suite.port("indicator");

    /**
     * One malformed request: body is a String (sent as is), byte[] or a multipart spec (Map part name → content; a
     * byte[] content is a file part); the detail or a field error must contain {@code says}.
     */
    record Row(String name, String method, String path, String caller, String contentType, Object body, int status,
               String says, Supplier<Object> probe, String base) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void evidenceToAimAt() {
        // any evidence of 平陆县 for the review rows (the suite has the national reference data at least)
        String id = given().auth().oauth2(token(BUREAU)).contentType(ContentType.JSON)
                .body(Map.of("metric", "online_retail_sales", "year", 2002, "value", 1, "source", "MalformedInputIT"))
                .post(API + "/regions/" + PL + "/observations").then().statusCode(201).extract().path("[0].id");
        IDS.put("{pl-evidence}", id);
        // the creation of 永川 has one stage: the campaign rows check due dates against it
        given().auth().oauth2(token("yc-office")).contentType(ContentType.JSON)
                .body(List.of(Map.of("code", "push", "name", "全面推进", "startsOn", "2026-01-01", "endsOn", "2026-12-31")))
                .put(API + "/regions/" + YC + "/stages").then().statusCode(200);
    }

    @Test
    void decimalsArriveExactly() {
        // was: read as a double, stored as 1234567890123.1235
        Response r = given().auth().oauth2(token(BUREAU)).contentType(ContentType.JSON)
                .body("{\"metric\": \"online_retail_sales\", \"year\": 2003, \"value\": 1234567890123.123456, "
                        + "\"source\": \"MalformedInputIT\"}")
                .post(API + "/regions/" + PL + "/observations");
        assertEquals(201, r.statusCode(), r.asString());
        assertTrue(r.asString().contains("\"value\":1234567890123.123456"), r.asString());
    }

    @Test
    void aJsonBodyWithoutContentTypeIsA415() throws Exception {
        // was 201: read as JSON although nothing said it was (java.net.http sends no Content-Type unless told)
        long before = count("pl-reviewer", PL, "kind=OBSERVATION");
        for (String base : List.of(API, Suite.EVIDENCE + "/api/v1")) {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(base + "/regions/" + PL + "/observations")).header("Accept-Language", "en")
                    .header("Authorization", "Bearer " + token(BUREAU))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(observation("\"subject\": null"))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(415, r.statusCode(), base + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.body());
            assertTrue(r.body().contains("a Content-Type header is required"), r.body());
            assertTrue(r.body().contains("\"type\":\"urn:nmsdz:problem:unsupported-media-type\""), r.body());
        }
        assertEquals(before, count("pl-reviewer", PL, "kind=OBSERVATION"), "nothing was stored");
    }

    @Test
    void aChunkedJsonBodyIsCutOffAtTheLimitWhileItStreams() throws Exception {
        // no Content-Length to refuse it by: 9 MB of observations sent chunked are cut off at 8 MiB, not read whole
        String row = "{\"metric\": \"online_retail_sales\", \"year\": 2004, \"value\": 1, \"source\": \"" + "M".repeat(1000) + "\"}";
        byte[] huge = ("[" + String.join(",", Collections.nCopies(9_000, row)) + "]").getBytes(StandardCharsets.UTF_8);
        long before = count("pl-reviewer", PL, "kind=OBSERVATION");
        for (String base : List.of(API, Suite.EVIDENCE + "/api/v1")) {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(base + "/regions/" + PL + "/observations")).header("Accept-Language", "en")
                    .header("Authorization", "Bearer " + token(BUREAU)).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge)))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(413, r.statusCode(), base + ": " + r.body());
            // the gateway (counting the stream) or the service (reading it) refuses it, in the same words for the size
            assertTrue(r.body().contains("8388608 bytes"), r.body());
        }
        assertEquals(before, count("pl-reviewer", PL, "kind=OBSERVATION"), "nothing was stored");
    }

    @Test
    void aMethodNotAllowedSaysWhichAre() {
        // was: 405 "HTTP 405 Method Not Allowed", no Allow header
        for (String url : List.of(API + "/regions/" + PL + "/observations", Suite.EVIDENCE + "/api/v1/regions/" + PL + "/observations")) {
            Response r = given().auth().oauth2(token(BUREAU)).delete(url);
            assertEquals(405, r.statusCode(), url + ": " + r.asString());
            assertEquals("OPTIONS, POST", r.header("Allow"), url);
            assertTrue(r.asString().contains("allows only OPTIONS, POST"), r.asString());
            assertEquals("urn:nmsdz:problem:method-not-allowed", r.jsonPath().getString("type"), url);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void isAClearProblemAndChangesNothing(Row row) {
        Object before = row.probe() == null ? null : row.probe().get();
        Response response = request(row);
        assertEquals(row.status(), response.statusCode(), row.name() + ": " + response.asString());
        assertTrue(response.contentType().startsWith("application/problem+json"),
                row.name() + ": " + response.contentType() + " " + response.asString());
        assertEquals(row.status(), (int) response.path("status"), row.name());
        String detail = response.path("detail");
        String said = detail + " " + response.path("errors");
        assertTrue(said.contains(row.says()), row.name() + ": the problem does not say '" + row.says() + "': " + said);
        for (String internal : INTERNALS) {
            assertFalse(said.contains(internal), row.name() + ": the problem shows internals ('" + internal + "'): " + said);
        }
        if (row.probe() != null) {
            assertEquals(before, row.probe().get(), row.name() + ": the refused request changed what is stored");
        }
    }

    static Stream<Row> rows() {
        String observations = "/regions/" + PL + "/observations";
        String departments = "/regions/" + YC + "/departments";
        String review = "/evidence/{pl-evidence}/review";
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Supplier<Object> systems = () -> read("admin", "/systems");
        Supplier<Object> regions = () -> read("admin", "/regions");
        Supplier<Object> ycDepartments = () -> read("admin", departments);
        Supplier<Object> decomposition = () -> read("admin", "/regions/" + YC + "/decomposition");
        Supplier<Object> plObservations = () -> count("pl-reviewer", PL, "kind=OBSERVATION");
        Supplier<Object> plDocuments = () -> count("pl-reviewer", PL, "kind=DOCUMENT");
        Supplier<Object> plClaims = () -> count("pl-reviewer", PL, "kind=CLAIM");
        Supplier<Object> ycAssessments = () -> count("yc-reviewer", YC, "kind=ASSESSMENT");
        Supplier<Object> plEvidence = () -> read("pl-reviewer", "/evidence/{pl-evidence}");
        Supplier<Object> plApplications = () -> read("sx-reader", "/regions/" + PL + "/applications");
        String schedule = "/regions/" + YC + "/decomposition/1/schedule";
        Supplier<Object> ycCampaign = () -> read("admin", "/regions/" + YC + "/campaign") + read("admin",
                "/regions/" + YC + "/departments/500118-market-supervision/liaisons");
        Supplier<Object> webhooks = () -> read("admin", "/webhooks");
        String webhook = "{\"url\": \"URL\", \"eventTypes\": [\"cn.nmsdz.campaign.item-overdue.v1\"], \"region\": \"500118\", "
                + "\"secret\": \"malformed-input-secret-0123\"}";
        String department = "{\"code\": \"500118-malformed\", \"name\": \"畸形局\", \"kind\": \"GOVERNMENT_DEPARTMENT\", "
                + "\"aliases\": ALIASES}";
        Stream<Row> found = Stream.of(
                // ---------------------------------------------------------------- indicator-service
                row("was 404 HTTP 404 Not Found: GET /systems/NMSDZ?version=abc", "GET", "/systems/NMSDZ?version=abc",
                        "admin", null, null, 400, "query parameter 'version' must be a whole number", null),
                row("was 404 HTTP 404 Not Found: POST drafts?from=99999999999 (beyond int)", "POST",
                        "/systems/NMSDZ/drafts?from=99999999999", "admin", null, null, 400, "'from' must be a whole number", systems),
                row("was 404 HTTP 404 Not Found: PUT /systems/NMSDZ/versions/abc", "PUT", "/systems/NMSDZ/versions/abc",
                        "admin", "json", "{}", 400, "path segment 'version'", systems),
                row("GET diff?from=1 without to", "GET", "/systems/NMSDZ/diff?from=1", "admin", null, null, 400, "'to'", null),
                row("was bare 400: POST /systems with an array", "POST", "/systems", "admin", "json", "[]", 400,
                        "expected an object", systems),
                row("was bare 400: POST /systems version as a string", "POST", "/systems", "admin", "json",
                        "{\"code\": \"MALFORMED\", \"version\": \"one\"}", 400, "/version", systems),
                row("POST /systems invalid JSON", "POST", "/systems", "admin", "json", "{\"code\": ", 400, "not valid JSON", systems),
                row("POST /systems as text/plain", "POST", "/systems", "admin", "text/plain", "{}", 415, "text/plain", systems),
                row("was 500: POST /systems with a 40-character code", "POST", "/systems", "admin", "json",
                        "{\"code\": \"" + "M".repeat(40) + "\", \"version\": 1}", 422, "1 to 32 letters", systems),
                row("was bare 400: POST /regions zone MARS", "POST", "/regions", "admin", "json",
                        "{\"code\": \"149996\", \"name\": \"畸形县\", \"level\": \"COUNTY\", \"parentCode\": \"140800\", \"zone\": \"MARS\"}",
                        400, "not one of [EAST, CENTRAL, WEST, NORTHEAST]", regions),
                row("was 200: POST /regions as its own parent", "POST", "/regions", "admin", "json",
                        "{\"code\": \"140829\", \"name\": \"平陆县\", \"level\": \"COUNTY\", \"parentCode\": \"140829\", \"zone\": \"CENTRAL\"}",
                        400, "its own parent", regions),
                row("was 200: POST /regions with a 1,000-character name", "POST", "/regions", "admin", "json",
                        "{\"code\": \"149995\", \"name\": \"" + "县".repeat(1000) + "\", \"level\": \"COUNTY\", \"parentCode\": \"140800\", \"zone\": \"CENTRAL\"}",
                        400, "at most 100 characters", regions),
                row("was 500: POST /regions/import a Latin-1 CSV in a multipart file", "POST", "/regions/import", "admin",
                        "multipart", Map.of("file", latin1Csv()), 400, "not UTF-8", regions),
                row("was 200 with garbled names: POST /regions/import a Latin-1 text/csv", "POST", "/regions/import", "admin",
                        "text/csv", latin1Csv(), 400, "not UTF-8", regions),
                row("was 500: POST /regions/import with a broken multipart boundary", "POST", "/regions/import", "admin",
                        "multipart/form-data; boundary=zzz", "--yyy\r\nbroken", 400, "multipart/form-data body cannot be read", regions),
                row("POST /regions/import a broken xlsx", "POST", "/regions/import", "admin", XLSX, "PK\u0003\u0004garbage", 400,
                        "not a readable .xlsx", regions),
                // was 422 (the service's own check): now the field's constraint, the invalid-field 400 of every endpoint
                row("was 500: POST departments with a 100-character code", "POST", departments, "admin", "json",
                        department.replace("500118-malformed", "500118-" + "a".repeat(100)).replace("ALIASES", "[]"), 400,
                        "at most 64 characters", ycDepartments),
                row("was bare 400: POST departments aliases as an object", "POST", departments, "admin", "json",
                        department.replace("ALIASES", "{}"), 400, "/aliases has the wrong type: expected an array", ycDepartments),
                row("was 500: PUT decomposition/1 tasks [null]", "PUT", "/regions/" + YC + "/decomposition/1", "admin", "json",
                        "{\"tasks\": [null], \"leadUnits\": [\"500118-market-supervision\"]}", 400, "/tasks/0", decomposition),
                row("was 500: PUT decomposition/1 leadUnits [null]", "PUT", "/regions/" + YC + "/decomposition/1", "admin", "json",
                        "{\"tasks\": [1], \"leadUnits\": [null]}", 400, "/leadUnits/0", decomposition),
                row("POST decomposition.xlsx not a workbook", "POST", "/regions/" + YC + "/decomposition.xlsx", "admin", XLSX,
                        "not a zip", 422, "not a readable .xlsx", decomposition),
                // ---------------------------------------------------------------- the creation campaign (issue #13)
                row("PUT schedule with a due date outside the creation's stages", "PUT", schedule, "yc-office", "json",
                        "{\"dueDate\": \"2027-03-01\"}", 400, "/dueDate", ycCampaign),
                row("PUT schedule with a person without a name", "PUT", schedule, "yc-office", "json",
                        "{\"dueDate\": \"2026-03-01\", \"persons\": [{\"department\": \"500118-market-supervision\"}]}", 400,
                        "/persons/0/name", ycCampaign),
                row("PUT schedule with a day that does not exist", "PUT", schedule, "yc-office", "json",
                        "{\"dueDate\": \"2026-02-30\"}", 400, "/dueDate", ycCampaign),
                row("PUT schedule in a stage the creation does not have", "PUT", schedule, "yc-office", "json",
                        "{\"dueDate\": \"2026-03-01\", \"stage\": \"apply\"}", 400, "/stage", ycCampaign),
                row("PUT plan task with a target that is not a number", "PUT", "/regions/" + YC + "/plan/tasks/1", "yc-office", "json",
                        "{\"targetValue\": \"五家\"}", 400, "/targetValue", ycCampaign),
                row("PUT stages ending before they start", "PUT", "/regions/" + YC + "/stages", "yc-office", "json",
                        "[{\"code\": \"push\", \"name\": \"全面推进\", \"startsOn\": \"2026-05-01\", \"endsOn\": \"2026-04-01\"}]",
                        400, "/0/endsOn", ycCampaign),
                row("PUT liaisons without any contact", "PUT", "/regions/" + YC + "/departments/500118-market-supervision/liaisons",
                        "yc-office", "json", "[{\"name\": \"王芳\"}]", 400, "/0/phone", ycCampaign),
                row("POST webhooks with an ftp URL", "POST", "/webhooks", "yc-office", "json", webhook.replace("URL", "ftp://oa.example/x"),
                        400, "/url", webhooks),
                row("POST webhooks to the link-local metadata address", "POST", "/webhooks", "yc-office", "json",
                        webhook.replace("URL", "http://169.254.169.254/latest/meta-data"), 400, "link-local", webhooks),
                row("POST webhooks to a private address", "POST", "/webhooks", "yc-office", "json",
                        webhook.replace("URL", "http://10.1.2.3/hook"), 400, "private address", webhooks),
                row("POST webhooks to localhost (not on the allow-list)", "POST", "/webhooks", "yc-office", "json",
                        webhook.replace("URL", "http://localhost:9/hook"), 400, "/url", webhooks),
                row("GET progress?year=abc", "GET", "/regions/" + YC + "/progress?year=abc", "yc-office", null, null, 400, "'year'", null),
                row("GET organisation history?limit=0", "GET", "/regions/" + YC + "/organisation/history?limit=0", "yc-office", null, null,
                        400, "'limit'", null),
                // ---------------------------------------------------------------- evidence-service
                row("was 500: POST observations subject of 100 characters", "POST", observations, BUREAU, "json",
                        observation("\"subject\": \"" + "9".repeat(100) + "\""), 400, "/subject", plObservations),
                row("was 201 (stored as 2024): POST observations year 2024.5", "POST", observations, BUREAU, "json",
                        observation("\"year\": 2024.5").replace("\"year\": 2004,", ""), 400, "/year", plObservations),
                row("POST observations [null, null]", "POST", observations, BUREAU, "json", "[null, null]", 400, "/1", plObservations),
                row("POST observations value NaN as a string", "POST", observations, BUREAU, "json",
                        observation("\"value\": \"NaN\"").replace("\"value\": 1,", ""), 400, "value", plObservations),
                row("POST observations value 1e999999999", "POST", observations, BUREAU, "json",
                        observation("\"value\": 1e999999999").replace("\"value\": 1,", ""), 400, "18 digits", plObservations),
                row("was 201 (the object before the garbage): POST observations with trailing garbage", "POST", observations,
                        BUREAU, "json", observation("\"subject\": null") + " garbage", 400, "not valid JSON", plObservations),
                row("POST observations with a 300-character Idempotency-Key", "POST", observations, BUREAU, "json",
                        observation("\"subject\": null"), 400, "Idempotency-Key", plObservations),
                row("was 500: POST documents with a truncated multipart body", "POST", "/regions/" + PL + "/documents", "pl-market",
                        "multipart/form-data; boundary=XyZ",
                        "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4", 400,
                        "multipart/form-data body cannot be read", plDocuments),
                row("was 413 HTTP 413 Request Entity Too Large: POST documents with a 10k indicator field", "POST",
                        "/regions/" + PL + "/documents", "pl-market", "multipart", Map.of("file", pdf, "indicator", "1".repeat(10000)),
                        413, "larger than this operation accepts", plDocuments),
                row("POST documents without a file part", "POST", "/regions/" + PL + "/documents", "pl-market", "multipart",
                        Map.of("indicator", "11"), 400, "'file' is required", plDocuments),
                row("was 500, then PostgreSQL's text: GET evidence?indicator=NUL", "GET", "/regions/" + PL + "/evidence?indicator=%00",
                        "pl-reviewer", null, null, 400, "query parameter 'indicator' contains a NUL character", null),
                row("GET evidence?page=-1&size=abc", "GET", "/regions/" + PL + "/evidence?page=-1&size=abc", "pl-reviewer",
                        null, null, 400, "must be a whole number", null),
                row("GET /evidence/not-a-uuid", "GET", "/evidence/not-a-uuid", "pl-reviewer", null, null, 404, "not an evidence id", null),
                row("was 500: POST review with an extra field 1e400", "POST", review, "pl-reviewer", "json",
                        "{\"decision\": \"MAYBE\", \"x\": 1e400}", 400, "ACCEPT or REJECT", plEvidence),
                row("POST review decision as an array", "POST", review, "pl-reviewer", "json", "{\"decision\": [\"ACCEPT\"]}", 400,
                        "decision", plEvidence),
                row("was 415 HTTP 415 Unsupported Media Type: POST withdraw as XML", "POST", "/evidence/{pl-evidence}/withdraw",
                        "pl-reviewer", "application/xml", "<a/>", 415, "application/xml", plEvidence),
                row("was 500: POST claims with an extra field 1e400", "POST", "/regions/" + PL + "/claims", "pl-market", "json",
                        "{\"indicator\": \"11\", \"satisfied\": \"maybe\", \"x\": 1e400}", 400, "satisfied", plClaims),
                row("POST claims without the assessment year", "POST", "/regions/" + PL + "/claims", "pl-market", "json",
                        "{\"indicator\": \"11\", \"item\": \"11.3\", \"satisfied\": true}", 400, "/year", plClaims),
                row("POST claims for an assessment year past next year", "POST", "/regions/" + PL + "/claims", "pl-market", "json",
                        "{\"indicator\": \"11\", \"item\": \"11.3\", \"year\": 2999, \"satisfied\": true}", 400, "/year",
                        plClaims),
                row("POST assessments documentIds as an object", "POST", "/regions/" + YC + "/assessments", "expert1", "json",
                        "{\"indicator\": \"12\", \"item\": \"12.1\", \"satisfied\": true, \"comment\": \"x\", \"documentIds\": {}}",
                        400, "documentIds", ycAssessments),
                // ---------------------------------------------------------------- scoring-service
                row("GET scores/latest?year=abc", "GET", "/regions/" + PL + "/scores/latest?year=abc", "sx-reader", null, null,
                        400, "'year' must be a whole number", null),
                row("was 404 HTTP 404 Not Found: GET scores/abc", "GET", "/regions/" + PL + "/scores/abc", "sx-reader", null, null,
                        400, "path segment 'number' must be a whole number", null),
                row("was 404 HTTP 404 Not Found: POST scores/99999999999999999999/recompute", "POST",
                        "/regions/" + PL + "/scores/99999999999999999999/recompute", "pl-reviewer", null, null, 400,
                        "path segment 'number'", null),
                // applications and scoreboard (#14)
                row("POST applications year as a string", "POST", "/regions/" + PL + "/applications", "pl-office", "json",
                        "{\"year\": \"2025\"}", 400, "/year", plApplications),
                row("POST applications without a year", "POST", "/regions/" + PL + "/applications", "pl-office", "json",
                        "{}", 400, "/year", plApplications),
                row("POST applications for review anyway without a reason", "POST", "/regions/" + PL + "/applications",
                        "pl-office", "json", "{\"year\": 2025, \"forReviewAnyway\": true, \"reason\": \" \"}", 400,
                        "/reason", plApplications),
                row("POST applications with a reason of 2001 characters", "POST", "/regions/" + PL + "/applications",
                        "pl-office", "json", "{\"year\": 2025, \"forReviewAnyway\": true, \"reason\": \"" + "理".repeat(2001)
                                + "\"}", 400, "at most 2000 characters", plApplications),
                row("POST applications/not-an-id/transitions", "POST", "/regions/" + PL + "/applications/not-an-id/transitions",
                        "yuncheng-city", "json", "{\"to\": \"RETURNED\", \"reason\": \"x\"}", 400, "application id",
                        plApplications),
                row("GET scoreboard?level=town", "GET", "/regions/140000/scoreboard?year=2025&level=town", "sx-reader", null,
                        null, 400, "'level' must be county, city or province", null),
                row("GET scoreboard?sort=rate:Z", "GET", "/regions/140000/scoreboard?year=2025&sort=rate:Z", "sx-reader", null,
                        null, 400, "'sort' must be", null),
                row("GET scoreboard without year", "GET", "/regions/140000/scoreboard", "sx-reader", null, null, 400,
                        "'year'", null),
                row("GET scoreboard?size=0", "GET", "/regions/140000/scoreboard?year=2025&size=0", "sx-reader", null, null, 400,
                        "size", null),
                row("GET snapshots?under=140000&limit=0", "GET", "/snapshots?under=140000&limit=0", "sx-reader", null, null, 400,
                        "'limit' must be 1..1000", null),
                row("POST simulate observations as an object", "POST", "/regions/" + PL + "/scores/simulate", "sx-reader", "json",
                        "{\"year\": 2025, \"observations\": {}}", 400, "/observations", null),
                row("POST simulate value 1e-999999999 (the engine would align a billion digits)", "POST",
                        "/regions/" + PL + "/scores/simulate", "sx-reader", "json",
                        "{\"year\": 2025, \"observations\": [{\"metric\": \"online_operators\", \"year\": 2025, \"value\": 1e-999999999}]}",
                        400, "18 digits", null));
        return Stream.concat(found, Stream.concat(strictJson(), boundedBodies()));
    }

    /**
     * Issue 10 item 2 and 3: one strict reading of JSON on every endpoint, the same problem naming the field for the same
     * mistake, and no library or database text. Each row through the gateway and straight at the service.
     */
    static Stream<Row> strictJson() {
        String observations = "/regions/" + PL + "/observations";
        String claims = "/regions/" + PL + "/claims";
        String simulate = "/regions/" + PL + "/scores/simulate";
        Supplier<Object> plObservations = () -> count("pl-reviewer", PL, "kind=OBSERVATION");
        Supplier<Object> plClaims = () -> count("pl-reviewer", PL, "kind=CLAIM");
        Supplier<Object> plEvidence = () -> read("pl-reviewer", "/evidence/{pl-evidence}");
        Supplier<Object> regions = () -> read("admin", "/regions");
        String value = "\"value\": 1,";
        byte[] overlong = observation("\"subject\": null").replace("MalformedInputIT", "Malformed\u00c0\u00afInputIT")
                .getBytes(StandardCharsets.ISO_8859_1); // C0 AF: an overlong "/"
        List<Row> rows = new ArrayList<>();
        rows.addAll(both(Suite.EVIDENCE,
                row("was 201 (stored 1): POST observations with the key value twice", "POST", observations, BUREAU, "json",
                        observation("\"value\": -5").replace(value, "\"value\": 1,"), 400,
                        "/value is given twice", plObservations),
                row("was 201 (coerced): POST observations year \"2025\"", "POST", observations, BUREAU, "json",
                        observation("\"subject\": null").replace("\"year\": 2004", "\"year\": \"2004\""), 400,
                        "/year has the wrong type: expected a whole number", plObservations),
                row("was 201 (coerced): POST observations value \"12\"", "POST", observations, BUREAU, "json",
                        observation("\"subject\": null").replace(value, "\"value\": \"12\","), 400,
                        "/value has the wrong type: expected a number", plObservations),
                row("was 201 (stored \"true\"): POST observations source true", "POST", observations, BUREAU, "json",
                        observation("\"subject\": null").replace("\"source\": \"MalformedInputIT\"", "\"source\": true"), 400,
                        "/source has the wrong type: expected a string", plObservations),
                row("was 201 (coerced): POST observations indicator 1", "POST", observations, BUREAU, "json",
                        observation("\"indicator\": 1"), 400, "/indicator has the wrong type: expected a string", plObservations),
                row("was 201 (stored ?): POST observations source with a lone surrogate", "POST", observations, BUREAU, "json",
                        observation("\"subject\": null").replace("MalformedInputIT", "Malformed\\udc00InputIT"), 400,
                        "/source contains half of a UTF-16 surrogate pair", plObservations),
                row("was 201 (stored /): POST observations with the overlong UTF-8 sequence C0 AF", "POST", observations, BUREAU,
                        "application/json", overlong, 400, "not well-formed UTF-8", plObservations),
                row("was 400 quoting the insert statement: POST observations source with a NUL", "POST", observations, BUREAU,
                        "json", observation("\"subject\": null").replace("MalformedInputIT", "Malformed\\u0000InputIT"), 400,
                        "/source contains a NUL character", plObservations),
                row("was 500: POST observations value 1e2147483648", "POST", observations, BUREAU, "json",
                        observation("\"subject\": null").replace(value, "\"value\": 1e2147483648,"), 400,
                        "/value is a number out of range", plObservations),
                row("was 500: POST claims with x 1e2147483648", "POST", claims, "pl-market", "json",
                        "{\"indicator\": \"11\", \"satisfied\": true, \"x\": 1e2147483648}", 400, "/x is a number out of range",
                        plClaims),
                row("was 500: POST review with x 1e2147483648", "POST", "/evidence/{pl-evidence}/review", "pl-reviewer", "json",
                        "{\"decision\": \"ACCEPT\", \"x\": 1e2147483648}", 400, "/x is a number out of range", plEvidence),
                row("was java.lang.Boolean: POST claims indicator as a number, named like on observations", "POST", claims,
                        "pl-market", "json", "{\"indicator\": 11, \"satisfied\": true}", 400,
                        "/indicator has the wrong type: expected a string", plClaims),
                row("was JsonToken.START_OBJECT: POST claims satisfied as an object", "POST", claims, "pl-market", "json",
                        "{\"indicator\": \"11\", \"satisfied\": {}}", 400, "/satisfied has the wrong type: expected true or false",
                        plClaims),
                row("was Jackson's words: POST observations nested 2,000 deep", "POST", observations, BUREAU, "json",
                        "[".repeat(2000), 400, "nested deeper than 1000 levels", plObservations),
                row("was 201 (read as JSON): POST observations with Content-Type */*", "POST", observations, BUREAU, "*/*",
                        observation("\"subject\": null"), 415, "send application/json", plObservations)));
        rows.addAll(both(Suite.SCORING,
                row("was 500: POST simulate value 1e2147483648", "POST", simulate, "sx-reader", "json",
                        "{\"year\": 2025, \"observations\": [{\"metric\": \"online_operators\", \"year\": 2025, "
                                + "\"value\": 1e2147483648}]}", 400, "/observations/0/value is a number out of range", null),
                row("was coerced: POST simulate year \"2025\"", "POST", simulate, "sx-reader", "json",
                        "{\"year\": \"2025\"}", 400, "/year has the wrong type: expected a whole number", null),
                row("was 200 (took the last): POST simulate with the key year twice", "POST", simulate, "sx-reader", "json",
                        "{\"year\": 2025, \"year\": 2024}", 400, "/year is given twice", null)));
        rows.addAll(both(INDICATOR,
                row("POST /regions code as a number, named like on observations", "POST", "/regions", "admin", "json",
                        "{\"code\": 149994, \"name\": \"畸形县\", \"level\": \"COUNTY\", \"parentCode\": \"140800\", "
                                + "\"zone\": \"CENTRAL\"}", 400, "/code has the wrong type: expected a string", regions),
                row("POST /regions name with a NUL", "POST", "/regions", "admin", "json",
                        "{\"code\": \"149994\", \"name\": \"畸形\\u0000县\", \"level\": \"COUNTY\", \"parentCode\": \"140800\", "
                                + "\"zone\": \"CENTRAL\"}", 400, "/name contains a NUL character", regions),
                row("was 405 HTTP 405 Method Not Allowed: DELETE /systems", "DELETE", "/systems", "admin", null, null, 405,
                        "allows only GET, HEAD, OPTIONS, POST", null)));
        return rows.stream();
    }

    /** Issue 10 item 1: a JSON body has its own limit, a batch and a simulation are bounded, a history pages. */
    static Stream<Row> boundedBodies() {
        String observations = "/regions/" + PL + "/observations";
        Supplier<Object> plObservations = () -> count("pl-reviewer", PL, "kind=OBSERVATION");
        String row = "{\"metric\": \"online_retail_sales\", \"year\": 2004, \"value\": 1, \"source\": \"MalformedInputIT\"}";
        String batch = "[" + String.join(",", Collections.nCopies(10_001, row)) + "]";
        // 9 MB of valid JSON: 2 MB is 10,000 ordinary rows
        String huge = "[" + String.join(",", Collections.nCopies(9_000, row.replace("MalformedInputIT", "M".repeat(1000)))) + "]";
        String simulation = "{\"year\": 2025, \"observations\": [" + String.join(",", Collections.nCopies(10_001,
                "{\"metric\": \"online_operators\", \"year\": 2025, \"value\": 1}")) + "]}";
        List<Row> rows = new ArrayList<>();
        rows.addAll(both(Suite.EVIDENCE,
                row("was read as one tree: POST observations with 10,001 rows", "POST", observations, BUREAU, "json", batch, 413,
                        "a batch holds at most 10000 observations", plObservations),
                row("was read into memory: POST observations with a 9 MB body", "POST", observations, BUREAU, "json", huge, 413,
                        "8388608 bytes", plObservations)));
        rows.addAll(both(Suite.SCORING,
                row("was 200 for 100,001: POST simulate with 10,001 observations", "POST", "/regions/" + PL + "/scores/simulate",
                        "sx-reader", "json", simulation, 413, "at most 10000 observations", null),
                row("GET scores?limit=0", "GET", "/regions/" + PL + "/scores?year=2025&limit=0", "sx-reader", null, null, 400,
                        "'limit' must be 1..1000", null),
                // was English only ("view must be full or summary"): now the standard invalid-field problem, Chinese first
                row("GET scores?view=everything", "GET", "/regions/" + PL + "/scores?year=2025&view=everything", "sx-reader", null,
                        null, 400, "query parameter 'view' must be full or summary", null),
                row("GET snapshots?view=everything in Chinese", "GET", "/snapshots?under=" + PL + "&view=everything&lang=zh",
                        "sx-reader", null, null, 400, "查询参数 'view' 必须是 full 或 summary", null)));
        return rows.stream();
    }

    /** Each row through the gateway and straight at the service's port. */
    static List<Row> both(String service, Row... rows) {
        List<Row> all = new ArrayList<>();
        for (Row r : rows) {
            all.add(r);
            all.add(atTheService(r, service));
        }
        return all;
    }

    static String observation(String extra) {
        return "{\"metric\": \"online_retail_sales\", \"year\": 2004, \"value\": 1, \"source\": \"MalformedInputIT\", " + extra + "}";
    }

    static byte[] latin1Csv() {
        return "code,name,level,parentCode,zone\n149995,Plu\u00e9,COUNTY,140800,CENTRAL\n".getBytes(StandardCharsets.ISO_8859_1);
    }

    static Row row(String name, String method, String path, String caller, String contentType, Object body, int status,
                   String says, Supplier<Object> probe) {
        return new Row(name, method, path, caller, contentType, body, status, says, probe, null);
    }

    /** The same row sent straight to the service's port: the service refuses it on its own, not only behind the gateway. */
    static Row atTheService(Row row, String service) {
        return new Row(row.name() + " (at the service)", row.method(), row.path(), row.caller(), row.contentType(), row.body(),
                row.status(), row.says(), row.probe(), service + "/api/v1");
    }

    /** Words of the libraries and the database a problem never shows a client (they go to the service's log). */
    static final List<String> INTERNALS = List.of("java.", "javax.", "jakarta.", "com.fasterxml", "org.", "JsonToken",
            "START_OBJECT", "Jackson", "CoercionConfig", "StreamReadConstraints", "insert into", "select ", "ERROR:",
            "SQL", "UTF8\"", "Exception");

    static Response request(Row row) {
        // paths are sent as written (%00 stays a NUL, not %2500)
        RequestSpecification spec = given().urlEncodingEnabled(false).redirects().follow(false).auth().oauth2(token(row.caller()));
        if (row.name().contains("300-character Idempotency-Key")) {
            spec.header("Idempotency-Key", "k".repeat(300));
        }
        if ("multipart".equals(row.contentType())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> parts = (Map<String, Object>) row.body();
            parts.forEach((name, content) -> {
                if (content instanceof byte[] bytes) {
                    spec.multiPart(name, name.equals("file") && bytes[0] == '%' ? "a.pdf" : "regions.csv", bytes,
                            bytes[0] == '%' ? "application/pdf" : "text/csv");
                } else {
                    spec.multiPart(name, (String) content);
                }
            });
        } else if ("json".equals(row.contentType())) {
            spec.contentType(ContentType.JSON).body(((String) row.body()).getBytes(StandardCharsets.UTF_8));
        } else if (row.contentType() != null) {
            // bytes as they are, with exactly this Content-Type (RestAssured would add a charset or pick a mapper)
            spec.config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                            .appendDefaultContentCharsetToContentTypeIfUndefined(false)
                            .encodeContentTypeAs(row.contentType(), ContentType.BINARY)))
                    .contentType(row.contentType())
                    .body(row.body() instanceof String text ? text.getBytes(StandardCharsets.ISO_8859_1) : (byte[]) row.body());
        }
        return spec.request(row.method(), (row.base() == null ? API : row.base()) + resolve(row.path()));
    }

    static String resolve(String path) {
        return Callers.resolve(path, IDS);
    }

    static String read(String caller, String path) {
        return Callers.read(caller, resolve(path));
    }
}
