package cn.nmsdz.systemtest;

import static cn.nmsdz.systemtest.Callers.count;
import static cn.nmsdz.systemtest.Callers.token;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
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

    /**
     * One malformed request: body is a String (sent as is), byte[] or a multipart spec (Map part name → content; a
     * byte[] content is a file part); the detail or a field error must contain {@code says}.
     */
    record Row(String name, String method, String path, String caller, String contentType, Object body, int status,
               String says, Supplier<Object> probe) {
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
        String department = "{\"code\": \"500118-malformed\", \"name\": \"畸形局\", \"kind\": \"GOVERNMENT_DEPARTMENT\", "
                + "\"aliases\": ALIASES}";
        return Stream.of(
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
                row("was 500: POST departments with a 100-character code", "POST", departments, "admin", "json",
                        department.replace("500118-malformed", "500118-" + "a".repeat(100)).replace("ALIASES", "[]"), 422,
                        "at most 64 characters", ycDepartments),
                row("was bare 400: POST departments aliases as an object", "POST", departments, "admin", "json",
                        department.replace("ALIASES", "{}"), 400, "/aliases has the wrong type: expected an array", ycDepartments),
                row("was 500: PUT decomposition/1 tasks [null]", "PUT", "/regions/" + YC + "/decomposition/1", "admin", "json",
                        "{\"tasks\": [null], \"leadUnits\": [\"500118-market-supervision\"]}", 400, "/tasks/0", decomposition),
                row("was 500: PUT decomposition/1 leadUnits [null]", "PUT", "/regions/" + YC + "/decomposition/1", "admin", "json",
                        "{\"tasks\": [1], \"leadUnits\": [null]}", 400, "/leadUnits/0", decomposition),
                row("POST decomposition.xlsx not a workbook", "POST", "/regions/" + YC + "/decomposition.xlsx", "admin", XLSX,
                        "not a zip", 422, "not a readable .xlsx", decomposition),
                // ---------------------------------------------------------------- evidence-service
                row("was 500: POST observations subject of 100 characters", "POST", observations, BUREAU, "json",
                        observation("\"subject\": \"" + "9".repeat(100) + "\""), 400, "/0/subject", plObservations),
                row("was 201 (stored as 2024): POST observations year 2024.5", "POST", observations, BUREAU, "json",
                        observation("\"year\": 2024.5").replace("\"year\": 2004,", ""), 400, "/0/year", plObservations),
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
                row("was 500: GET evidence?indicator=NUL", "GET", "/regions/" + PL + "/evidence?indicator=%00", "pl-reviewer",
                        null, null, 400, "cannot be stored or searched", null),
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
                row("GET snapshots?under=140000&limit=0", "GET", "/snapshots?under=140000&limit=0", "sx-reader", null, null, 400,
                        "limit must be 1..1000", null),
                row("POST simulate observations as an object", "POST", "/regions/" + PL + "/scores/simulate", "sx-reader", "json",
                        "{\"year\": 2025, \"observations\": {}}", 400, "/observations", null),
                row("POST simulate value 1e-999999999 (the engine would align a billion digits)", "POST",
                        "/regions/" + PL + "/scores/simulate", "sx-reader", "json",
                        "{\"year\": 2025, \"observations\": [{\"metric\": \"online_operators\", \"year\": 2025, \"value\": 1e-999999999}]}",
                        400, "18 digits", null));
    }

    static String observation(String extra) {
        return "{\"metric\": \"online_retail_sales\", \"year\": 2004, \"value\": 1, \"source\": \"MalformedInputIT\", " + extra + "}";
    }

    static byte[] latin1Csv() {
        return "code,name,level,parentCode,zone\n149995,Plu\u00e9,COUNTY,140800,CENTRAL\n".getBytes(StandardCharsets.ISO_8859_1);
    }

    static Row row(String name, String method, String path, String caller, String contentType, Object body, int status,
                   String says, Supplier<Object> probe) {
        return new Row(name, method, path, caller, contentType, body, status, says, probe);
    }

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
        return spec.request(row.method(), API + resolve(row.path()));
    }

    static String resolve(String path) {
        return Callers.resolve(path, IDS);
    }

    static String read(String caller, String path) {
        return Callers.read(caller, resolve(path));
    }
}
