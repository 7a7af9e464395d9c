package cn.nmsdz.systemtest;

import static cn.nmsdz.systemtest.Callers.count;
import static cn.nmsdz.systemtest.Callers.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §7 as a table: every endpoint of indicator-, evidence- and scoring-service, called through the gateway with
 * real Keycloak tokens, refuses a caller without the role it declares (403), a caller of the wrong region or
 * department where the rule is about those (403), and a caller without a token (401) — always as
 * application/problem+json carrying the same status. Each row is a request that would succeed (or fail differently)
 * for the right caller, so only the refusal can produce the asserted status; for the writes marked with a probe, a
 * read taken before and after proves the refused request stored nothing.
 *
 * Data: one SUBMITTED observation of 永川区 (yc-stats, online_retail_sales, 2019 — outside WalkingSkeletonIT's
 * 2023–2026) is the target of the review/withdraw/read rows; a 平陆县 document (an existing one, else uploaded by
 * pl-market) is the target of the document-content rows.
 */
@ExtendWith(Suite.class)
class AuthorizationMatrixIT {
    static final String API = Suite.GATEWAY + "/api/v1";
    static final String YC = "500118";
    static final String PL = "140829";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Marks a body sent as multipart/form-data with a small PDF in part "file" (plus the given form fields). */
    static final String MULTIPART = "multipart";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    /** Ids resolved in @BeforeAll, substituted for {yc-evidence} and {pl-document} in the rows' paths. */
    static final Map<String, String> IDS = new ConcurrentHashMap<>();

    /** One refused request: who calls (null = no token, "client:id:secret" or a user name) and what must come back. */
    record Row(String name, String method, String path, String contentType, Object body, String caller, int status,
               Supplier<Object> probe) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void evidenceToAimAt() {
        // a SUBMITTED observation of 永川区 by 区统计局 (online_retail_sales feeds indicator 1, which it is named for)
        Response created = given().auth().oauth2(token("yc-stats")).contentType(ContentType.JSON)
                .body(Map.of("metric", "online_retail_sales", "year", 2019, "value", 123.4,
                        "source", "AuthorizationMatrixIT"))
                .post(API + "/regions/" + YC + "/observations");
        assertEquals(201, created.statusCode(), created.asString());
        IDS.put("{yc-evidence}", created.path("[0].id"));
        // a document of 平陆县: any existing one, else one of its market supervision for indicator 11
        String reviewer = token("pl-reviewer");
        List<String> docs = given().auth().oauth2(reviewer)
                .get(API + "/regions/" + PL + "/evidence?kind=DOCUMENT&size=1")
                .then().statusCode(200).extract().path("id");
        if (docs.isEmpty()) {
            Response doc = given().auth().oauth2(token("pl-market"))
                    .multiPart("file", "方案.pdf", PDF, "application/pdf").multiPart("indicator", "11")
                    .post(API + "/regions/" + PL + "/documents");
            assertEquals(201, doc.statusCode(), doc.asString());
            IDS.put("{pl-document}", doc.path("id"));
        } else {
            IDS.put("{pl-document}", docs.get(0));
        }
        // the control that the matrix can fail: the right callers are let through where the rows refuse others
        given().auth().oauth2(token("yc-reviewer")).get(API + "/evidence/" + IDS.get("{yc-evidence}"))
                .then().statusCode(200).body("state", equalTo("SUBMITTED"));
        given().auth().oauth2(reviewer).get(API + "/documents/" + IDS.get("{pl-document}") + "/content")
                .then().statusCode(200);
    }

    @org.junit.jupiter.api.Test
    void namingAnOwnIndicatorForAnotherIndicatorsMetricDoesNotGetRoundTheDepartmentRule() {
        // express_volume is read by indicator 5 only; pl-market owns indicator 11, not 5
        long before = count("pl-market", "140829", "metric=express_volume&year=2015");
        given().auth().oauth2(token("pl-market")).contentType(ContentType.JSON)
                .body(Map.of("metric", "express_volume", "year", 2015, "value", 5, "source", "x", "indicator", "11"))
                .post(API + "/regions/140829/observations")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("/indicator"));
        assertEquals(before, count("pl-market", "140829", "metric=express_volume&year=2015"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void isRefused(Row row) {
        Object before = row.probe() == null ? null : row.probe().get();
        Response response = request(row);
        assertEquals(row.status(), response.statusCode(), row.name() + ": " + response.asString());
        response.then().contentType(startsWith("application/problem+json")).body("status", equalTo(row.status()));
        if (row.status() == 403) {
            // the refusal is for the reason the row names, not for another rule that happens to answer 403 too
            String detail = response.path("detail");
            assertEquals(true, detail != null && detail.contains(reason(row.name())),
                    row.name() + ": refused for another reason: " + detail);
        }
        if (row.status() == 404) {
            // hidden, not refused: the answer is word for word the one for an id that does not exist
            String id = row.path().contains("{pl-document}") ? "{pl-document}" : "{yc-evidence}";
            String unknown = UUID.randomUUID().toString();
            Response control = request(new Row(row.name(), row.method(), row.path().replace(id, unknown),
                    row.contentType(), row.body(), row.caller(), 404, null));
            assertEquals(404, control.statusCode(), row.name() + ": unknown id: " + control.asString());
            assertEquals(control.<String>path("detail").replace(unknown, IDS.get(id)), response.path("detail"),
                    row.name() + ": the 404 differs from an unknown id's");
        }
        if (row.probe() != null) {
            assertEquals(before, row.probe().get(), row.name() + ": the refused request changed what is stored");
        }
    }

    @org.junit.jupiter.api.Test
    void organisationDataIsReadByTheRegionTheRegionsAboveItItsExpertsAndTheCatalogueAdmin() {
        String sxBureau = "client:stats-bureau-sx:stats-bureau-sx-secret";
        for (String caller : List.of("pl-reviewer", "pl-market", "sx-reader", "client:provincial-platform-sx", sxBureau,
                "client:stats-bureau", "expert2", "admin")) {
            for (String what : List.of("departments", "plan", "leadership-group", "decomposition", "decomposition.xlsx")) {
                given().auth().oauth2(token(caller)).get(API + "/regions/" + PL + "/" + what)
                        .then().statusCode(200);
            }
        }
        for (String caller : List.of("yc-market", "cq-reader", "expert1", "admin")) {
            given().auth().oauth2(token(caller)).get(API + "/regions/" + YC + "/decomposition").then().statusCode(200);
        }
    }

    @org.junit.jupiter.api.Test
    void nobodyReviewsEvidenceTheySubmittedThemselvesWhateverRolesTheyHold() {
        // a clerk of 永川区's statistics bureau who is also one of its reviewers (onboarded for this run)
        String user = "four-eyes-" + Long.toString(System.currentTimeMillis(), 36);
        String id = KeycloakAdmin.createUser(user, Map.of("region", List.of(YC), "department", List.of(YC + "-statistics")),
                "evidence-submitter");
        KeycloakAdmin.grantRealmRole(id, "evidence-reviewer");
        String both = Tokens.user(user);
        Response created = given().auth().oauth2(both).contentType(ContentType.JSON)
                .body(Map.of("metric", "online_retail_sales", "year", 2016, "value", 16.5, "source", "four eyes"))
                .post(API + "/regions/" + YC + "/observations");
        assertEquals(201, created.statusCode(), created.asString());
        String evidence = created.path("[0].id");

        for (Map<String, Object> decision : List.of(Map.<String, Object>of("decision", "ACCEPT"),
                Map.<String, Object>of("decision", "REJECT", "reason", "own figure"))) {
            given().auth().oauth2(both).contentType(ContentType.JSON).body(decision)
                    .post(API + "/evidence/" + evidence + "/review")
                    .then().statusCode(403).contentType(startsWith("application/problem+json"))
                    .body("detail", startsWith("rule four-eyes: " + user + " submitted this evidence"));
        }
        given().auth().oauth2(token("yc-reviewer")).get(API + "/evidence/" + evidence)
                .then().statusCode(200).body("state", equalTo("SUBMITTED")).body("version", equalTo(1));
        // the control: another reviewer of the region decides on it
        given().auth().oauth2(token("yc-reviewer")).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .post(API + "/evidence/" + evidence + "/review").then().statusCode(200).body("state", equalTo("ACCEPTED"));
    }

    static Stream<Row> refusals() {
        String ev = "/evidence/{yc-evidence}";
        Map<String, Object> observation = Map.of("metric", "online_operators", "year", 2014, "value", 7,
                "source", "AuthorizationMatrixIT");
        Map<String, Object> express = Map.of("metric", "express_volume", "year", 2019, "value", 9,
                "source", "AuthorizationMatrixIT");
        Map<String, Object> retail = Map.of("metric", "online_retail_sales", "year", 2018, "value", 99,
                "source", "AuthorizationMatrixIT");
        Map<String, Object> claim11 = Map.of("indicator", "11", "year", 2025, "satisfied", true, "comment", "AuthorizationMatrixIT");
        Map<String, Object> claim1 = Map.of("indicator", "1", "year", 2025, "satisfied", true, "comment", "AuthorizationMatrixIT");
        Map<String, Object> verdict = Map.of("indicator", "12", "item", "12.1", "year", 2025, "satisfied", true,
                "comment", "AuthorizationMatrixIT");
        Map<String, Object> accept = Map.of("decision", "ACCEPT");
        Map<String, Object> withdraw = Map.of("reason", "AuthorizationMatrixIT");
        Map<String, Object> region = Map.of("code", "149999", "name", "授权矩阵县", "level", "COUNTY", "parentCode", "140800");
        Map<String, Object> department = Map.of("code", YC + "-authz-matrix", "name", "授权矩阵局",
                "aliases", List.of(), "kind", "GOVERNMENT_DEPARTMENT", "members", List.of());
        Map<String, Object> entry = Map.of("leadUnits", List.of(YC + "-market-supervision"), "responsibleUnits", List.of());
        Map<String, Object> system = Map.of("code", "AUTHZMATRIX", "name", "授权矩阵", "version", 1);
        String csv = "code,name,level,parent\n149999,授权矩阵县,COUNTY,140800\n";
        byte[] sheet = new byte[] {'P', 'K', 3, 4};
        Map<String, Object> simulate = Map.of("year", 2025);
        Map<String, String> doc11 = Map.of("indicator", "11");
        String bureau = "client:stats-bureau:stats-bureau-secret";
        String sxBureau = "client:stats-bureau-sx:stats-bureau-sx-secret";

        Supplier<Object> noSystem = () -> status("admin", "/systems/AUTHZMATRIX");
        Supplier<Object> noRegion = () -> status("admin", "/regions/149999");
        Supplier<Object> departments = () -> read("admin", "/regions/" + YC + "/departments");
        Supplier<Object> decomposition = () -> read("admin", "/regions/" + YC + "/decomposition");
        Supplier<Object> ycEvidence = () -> read("yc-reviewer", ev);
        Supplier<Object> plOnlineOperators2014 = () -> count("pl-reviewer", PL, "kind=OBSERVATION&metric=online_operators&year=2014");
        Supplier<Object> ycExpress2019 = () -> count("yc-reviewer", YC, "kind=OBSERVATION&metric=express_volume&year=2019");
        Supplier<Object> ycRetail2018 = () -> count("yc-reviewer", YC, "kind=OBSERVATION&metric=online_retail_sales&year=2018");
        Supplier<Object> ycClaims = () -> count("yc-reviewer", YC, "kind=CLAIM");
        Supplier<Object> plClaims = () -> count("pl-reviewer", PL, "kind=CLAIM&indicator=1");
        Supplier<Object> ycDocuments = () -> count("yc-reviewer", YC, "kind=DOCUMENT");
        Supplier<Object> plDocuments = () -> count("pl-reviewer", PL, "kind=DOCUMENT&department=" + YC + "-market-supervision");
        Supplier<Object> ycAssessments = () -> count("yc-reviewer", YC, "kind=ASSESSMENT");
        Supplier<Object> plAssessments = () -> count("pl-reviewer", PL, "kind=ASSESSMENT");
        Map<String, Object> application = Map.of("year", 2025);
        Supplier<Object> plApplications = () -> read("sx-reader", "/regions/" + PL + "/applications");
        // the creation campaign (issue #13): everything 平陆's office runs, and the head of its change history
        Supplier<Object> plOrganisation = () -> String.join("\n", read("admin", "/regions/" + PL + "/campaign"),
                read("admin", "/regions/" + PL + "/organisation/history?limit=1"), read("admin", "/regions/" + PL + "/departments"),
                read("admin", "/regions/" + PL + "/leadership-group"), read("admin", "/regions/" + PL + "/decomposition"),
                read("admin", "/regions/" + PL + "/departments/" + PL + "-market-supervision/liaisons"));
        Supplier<Object> plWebhooks = () -> read("admin", "/webhooks");
        Map<String, Object> schedule = Map.of("dueDate", "2026-06-30",
                "persons", List.of(Map.of("department", PL + "-market-supervision", "name", "授权矩阵")));
        List<Map<String, Object>> stages = List.of(Map.of("code", "authz", "name", "授权矩阵", "startsOn", "2026-01-01",
                "endsOn", "2026-12-31"));
        Map<String, Object> target = Map.of("targetValue", 5, "targetUnit", "家");
        List<Map<String, Object>> liaisons = List.of(Map.of("name", "授权矩阵", "phone", "0359-0000000"));
        Map<String, Object> group = Map.of("title", "授权矩阵领导小组", "members", List.of());
        Map<String, Object> plDepartment = Map.of("code", PL + "-authz-matrix", "name", "授权矩阵局",
                "aliases", List.of(), "kind", "GOVERNMENT_DEPARTMENT", "members", List.of());
        Map<String, Object> plEntry = Map.of("leadUnits", List.of(PL + "-market-supervision"), "responsibleUnits", List.of());
        Map<String, Object> webhook = Map.of("url", "https://oa.example.gov.cn/hook", "eventTypes",
                List.of("cn.nmsdz.campaign.item-overdue.v1"), "region", PL, "secret", "authz-matrix-secret-0123");

        return Stream.of(
                // ---------------------------------------------------------------- indicator-service: catalogue
                row("GET /systems without token", "GET", "/systems", null, null, null, 401),
                row("GET /systems/NMSDZ without token", "GET", "/systems/NMSDZ", null, null, null, 401),
                row("GET /systems/NMSDZ/diff without token", "GET", "/systems/NMSDZ/diff?from=1&to=2", null, null, null, 401),
                row("POST /systems by yc-market (role: submitter)", "POST", "/systems", "json", system, "yc-market", 403, noSystem),
                row("POST /systems by stats-bureau (role: data-provider)", "POST", "/systems", "json", system, bureau, 403, noSystem),
                row("POST /systems without token", "POST", "/systems", "json", system, null, 401, noSystem),
                row("POST /systems/NMSDZ/drafts by yc-reviewer (role)", "POST", "/systems/NMSDZ/drafts?from=1", null, null, "yc-reviewer", 403),
                row("PUT /systems/NMSDZ/versions/99 by cq-reader (role)", "PUT", "/systems/NMSDZ/versions/99", "json", system, "cq-reader", 403),
                row("POST /systems/NMSDZ/publish by expert1 (role)", "POST", "/systems/NMSDZ/publish?version=99", null, null, "expert1", 403),
                row("POST /systems/NMSDZ/retire by stats-bureau (role)", "POST", "/systems/NMSDZ/retire?version=99", null, null, bureau, 403),
                row("POST /systems/NMSDZ/retire by sx-reader (role)", "POST", "/systems/NMSDZ/retire?version=99", null, null, "sx-reader", 403),
                // ---------------------------------------------------------------- indicator-service: regions
                row("GET /regions without token", "GET", "/regions", null, null, null, 401),
                row("GET /regions/140829 without token", "GET", "/regions/" + PL, null, null, null, 401),
                row("POST /regions by sx-reader (role)", "POST", "/regions", "json", region, "sx-reader", 403, noRegion),
                row("POST /regions by pl-market (role)", "POST", "/regions", "json", region, "pl-market", 403, noRegion),
                row("POST /regions/import (csv) by pl-market (role)", "POST", "/regions/import", "text/csv", csv, "pl-market", 403, noRegion),
                row("POST /regions/import (multipart) by yc-reviewer (role)", "POST", "/regions/import", MULTIPART, Map.of(), "yc-reviewer", 403, noRegion),
                row("POST /regions/import (xlsx) by expert1 (role)", "POST", "/regions/import", XLSX, sheet, "expert1", 403, noRegion),
                // ---------------------------------------------------------------- indicator-service: organisation
                row("GET departments without token", "GET", "/regions/" + YC + "/departments", null, null, null, 401),
                row("POST departments by yc-market (role)", "POST", "/regions/" + YC + "/departments", "json", department, "yc-market", 403, departments),
                row("PUT department by yc-stats (role)", "PUT", "/regions/" + YC + "/departments/" + YC + "-authz-matrix", "json", department, "yc-stats", 403, departments),
                row("DELETE department by yc-market (role)", "DELETE", "/regions/" + YC + "/departments/" + YC + "-market-supervision", null, null, "yc-market", 403, departments),
                row("DELETE department by cq-reader (role)", "DELETE", "/regions/" + YC + "/departments/" + YC + "-market-supervision", null, null, "cq-reader", 403, departments),
                row("GET decomposition without token", "GET", "/regions/" + YC + "/decomposition", null, null, null, 401),
                row("PUT decomposition entry 1 by yc-reviewer (role)", "PUT", "/regions/" + YC + "/decomposition/1", "json", entry, "yc-reviewer", 403, decomposition),
                row("PUT decomposition entry 1 by yc-market (role)", "PUT", "/regions/" + YC + "/decomposition/1", "json", entry, "yc-market", 403, decomposition),
                row("GET plan without token", "GET", "/regions/" + PL + "/plan", null, null, null, 401),
                row("GET leadership-group without token", "GET", "/regions/" + PL + "/leadership-group", null, null, null, 401),
                row("GET decomposition.xlsx without token", "GET", "/regions/" + YC + "/decomposition.xlsx", null, null, null, 401),
                // organisation data (named officials, who owns what) is read within the region's own line, not by every region
                row("GET departments of 140829 by yc-market (region: another county)", "GET", "/regions/" + PL + "/departments", null, null, "yc-market", 403),
                row("GET departments of 500118 by stats-bureau-sx (region: data provider of 山西省)", "GET", "/regions/" + YC + "/departments", null, null, sxBureau, 403),
                row("GET plan of 140829 by yc-reviewer (region: another county)", "GET", "/regions/" + PL + "/plan", null, null, "yc-reviewer", 403),
                row("GET leadership-group of 140829 by cq-reader (region: 重庆市)", "GET", "/regions/" + PL + "/leadership-group", null, null, "cq-reader", 403),
                row("GET departments of 140000 by pl-market (region: 山西省 lies above its 平陆县)", "GET", "/regions/140000/departments", null, null, "pl-market", 403),
                row("GET decomposition of 140829 by expert1 (region: not assigned to 平陆县)", "GET", "/regions/" + PL + "/decomposition", null, null, "expert1", 403),
                row("GET decomposition of 500118 by sx-reader (region: 山西省)", "GET", "/regions/" + YC + "/decomposition", null, null, "sx-reader", 403),
                row("GET decomposition.xlsx of 500118 by pl-reviewer (region: another county)", "GET", "/regions/" + YC + "/decomposition.xlsx", null, null, "pl-reviewer", 403),
                row("POST decomposition.xlsx (xlsx) by yc-market (role)", "POST", "/regions/" + YC + "/decomposition.xlsx", XLSX, sheet, "yc-market", 403, decomposition),
                row("POST decomposition.xlsx (multipart) by pl-reviewer (role)", "POST", "/regions/" + YC + "/decomposition.xlsx", MULTIPART, Map.of(), "pl-reviewer", 403, decomposition),
                // ---------------------------------------------------------------- the creation campaign (issue #13)
                // a creation office runs its own region only: 永川's office changes nothing in 平陆
                row("PUT stages of 140829 by yc-office (own-region)", "PUT", "/regions/" + PL + "/stages", "json", stages, "yc-office", 403, plOrganisation),
                row("PUT schedule of 140829 indicator 3 by yc-office (own-region)", "PUT", "/regions/" + PL + "/decomposition/3/schedule", "json", schedule, "yc-office", 403, plOrganisation),
                row("PUT item schedule of 140829 17.1 by yc-office (own-region)", "PUT", "/regions/" + PL + "/decomposition/17/items/17.1/schedule", "json", schedule, "yc-office", 403, plOrganisation),
                row("PUT plan task 1 of 140829 by yc-office (own-region)", "PUT", "/regions/" + PL + "/plan/tasks/1", "json", target, "yc-office", 403, plOrganisation),
                row("PUT liaisons of 140829 by yc-office (own-region)", "PUT", "/regions/" + PL + "/departments/" + PL + "-market-supervision/liaisons", "json", liaisons, "yc-office", 403, plOrganisation),
                row("PUT leadership-group of 140829 by yc-office (own-region)", "PUT", "/regions/" + PL + "/leadership-group", "json", group, "yc-office", 403, plOrganisation),
                row("POST departments of 140829 by yc-office (own-region)", "POST", "/regions/" + PL + "/departments", "json", plDepartment, "yc-office", 403, plOrganisation),
                row("DELETE department of 140829 by yc-office (own-region)", "DELETE", "/regions/" + PL + "/departments/" + PL + "-market-supervision", null, null, "yc-office", 403, plOrganisation),
                row("PUT decomposition entry 3 of 140829 by yc-office (own-region)", "PUT", "/regions/" + PL + "/decomposition/3", "json", plEntry, "yc-office", 403, plOrganisation),
                row("POST decomposition.xlsx of 140829 by yc-office (own-region)", "POST", "/regions/" + PL + "/decomposition.xlsx", XLSX, sheet, "yc-office", 403, plOrganisation),
                row("POST reminders of 140829 by yc-office (own-region)", "POST", "/regions/" + PL + "/reminders?year=2026", null, null, "yc-office", 403),
                row("POST webhooks for 140829 by yc-office (own-region)", "POST", "/webhooks", "json", webhook, "yc-office", 403, plWebhooks),
                row("PUT stages of 140829 by pl-market (role)", "PUT", "/regions/" + PL + "/stages", "json", stages, "pl-market", 403, plOrganisation),
                row("PUT schedule of 140829 by pl-reviewer (role)", "PUT", "/regions/" + PL + "/decomposition/3/schedule", "json", schedule, "pl-reviewer", 403, plOrganisation),
                row("POST webhooks by pl-market (role)", "POST", "/webhooks", "json", webhook, "pl-market", 403, plWebhooks),
                row("GET webhooks by pl-reviewer (role)", "GET", "/webhooks", null, null, "pl-reviewer", 403),
                row("GET organisation history of 140829 by yc-office (region)", "GET", "/regions/" + PL + "/organisation/history", null, null, "yc-office", 403),
                row("GET progress of 140829 by yc-office (region)", "GET", "/regions/" + PL + "/progress?year=2026", null, null, "yc-office", 403),
                row("GET progress.xlsx of 140829 by yc-office (region)", "GET", "/regions/" + PL + "/progress.xlsx?year=2026", null, null, "yc-office", 403),
                row("GET progress of 140829 by pl-market (role: a submitter reads its own list)", "GET", "/regions/" + PL + "/progress?year=2026", null, null, "pl-market", 403),
                row("GET progress of another department by pl-market (own-department)", "GET", "/regions/" + PL + "/progress/departments/" + PL + "-statistics?year=2026", null, null, "pl-market", 403),
                row("GET department progress of 140829 by yc-market (own-department)", "GET", "/regions/" + PL + "/progress/departments/" + PL + "-market-supervision?year=2026", null, null, "yc-market", 403),
                row("GET progress without token", "GET", "/regions/" + PL + "/progress?year=2026", null, null, null, 401),
                row("GET notifications without token", "GET", "/notifications", null, null, null, 401),
                row("GET webhooks without token", "GET", "/webhooks", null, null, null, 401),
                // ---------------------------------------------------------------- evidence-service: observations
                row("POST observations 140829 by yc-market (region)", "POST", "/regions/" + PL + "/observations", "json", observation, "yc-market", 403, plOnlineOperators2014),
                row("POST observations 140829 by sx-reader (role)", "POST", "/regions/" + PL + "/observations", "json", observation, "sx-reader", 403, plOnlineOperators2014),
                row("POST observations 140829 by pl-reviewer (role)", "POST", "/regions/" + PL + "/observations", "json", observation, "pl-reviewer", 403, plOnlineOperators2014),
                row("POST observations 140829 by expert1 (role)", "POST", "/regions/" + PL + "/observations", "json", observation, "expert1", 403, plOnlineOperators2014),
                row("POST observations 140829 without token", "POST", "/regions/" + PL + "/observations", "json", observation, null, 401, plOnlineOperators2014),
                row("POST observations 500118 express_volume by yc-stats (department: indicator 5)", "POST", "/regions/" + YC + "/observations", "json", express, "yc-stats", 403, ycExpress2019),
                row("POST observations 500118 express_volume by yc-market (department: indicator 5)", "POST", "/regions/" + YC + "/observations", "json", express, "yc-market", 403, ycExpress2019),
                // all or nothing: a figure of its own indicator 1 does not carry one of indicator 5 through
                row("POST observations 500118 batch [own online_retail_sales, express_volume] by yc-stats (department)", "POST", "/regions/" + YC + "/observations", "json", List.of(retail, express), "yc-stats", 403, ycRetail2018),
                // ---------------------------------------------------------------- evidence-service: documents
                row("POST documents 140829 by yc-market (region)", "POST", "/regions/" + PL + "/documents", MULTIPART, doc11, "yc-market", 403, plDocuments),
                row("POST documents 500118 indicator 11 by yc-stats (department)", "POST", "/regions/" + YC + "/documents", MULTIPART, doc11, "yc-stats", 403, ycDocuments),
                row("POST documents 500118 by yc-reviewer (role)", "POST", "/regions/" + YC + "/documents", MULTIPART, doc11, "yc-reviewer", 403, ycDocuments),
                row("POST documents 500118 by expert1 (role)", "POST", "/regions/" + YC + "/documents", MULTIPART, doc11, "expert1", 403, ycDocuments),
                row("GET 平陆 document content by yc-reviewer (hidden: another region)", "GET", "/documents/{pl-document}/content", null, null, "yc-reviewer", 404),
                row("GET 平陆 document content by yc-market (hidden: another region)", "GET", "/documents/{pl-document}/content", null, null, "yc-market", 404),
                row("GET 平陆 document content by sx-reader (role)", "GET", "/documents/{pl-document}/content", null, null, "sx-reader", 403),
                row("GET 平陆 document content without token", "GET", "/documents/{pl-document}/content", null, null, null, 401),
                // ---------------------------------------------------------------- evidence-service: claims and assessments
                row("POST claims 500118 by yc-reviewer (role: score-reader/reviewer)", "POST", "/regions/" + YC + "/claims", "json", claim11, "yc-reviewer", 403, ycClaims),
                row("POST claims 500118 by cq-reader (role: score-reader)", "POST", "/regions/" + YC + "/claims", "json", claim11, "cq-reader", 403, ycClaims),
                row("POST claims 500118 by expert1 (role)", "POST", "/regions/" + YC + "/claims", "json", claim11, "expert1", 403, ycClaims),
                row("POST claims 500118 by stats-bureau (role: data-provider)", "POST", "/regions/" + YC + "/claims", "json", claim11, bureau, 403, ycClaims),
                row("POST claims 500118 by pl-market (region)", "POST", "/regions/" + YC + "/claims", "json", claim11, "pl-market", 403, ycClaims),
                row("POST claims 500118 indicator 11 by yc-stats (department)", "POST", "/regions/" + YC + "/claims", "json", claim11, "yc-stats", 403, ycClaims),
                row("POST claims 500118 indicator 1 by yc-market (department)", "POST", "/regions/" + YC + "/claims", "json", claim1, "yc-market", 403, ycClaims),
                row("POST claims 140829 indicator 1 by pl-market (department)", "POST", "/regions/" + PL + "/claims", "json", claim1, "pl-market", 403, plClaims),
                row("POST assessments 500118 by yc-market (role)", "POST", "/regions/" + YC + "/assessments", "json", verdict, "yc-market", 403, ycAssessments),
                row("POST assessments 500118 by yc-reviewer (role)", "POST", "/regions/" + YC + "/assessments", "json", verdict, "yc-reviewer", 403, ycAssessments),
                row("POST assessments 500118 by admin (role)", "POST", "/regions/" + YC + "/assessments", "json", verdict, "admin", 403, ycAssessments),
                row("POST assessments 140829 by expert1 (expert-assignment: assigned to 永川区 only)", "POST", "/regions/" + PL + "/assessments", "json", verdict, "expert1", 403, plAssessments),
                row("POST assessments 500000 by expert2 (expert-assignment: 重庆市 lies above its 永川区)", "POST", "/regions/500000/assessments", "json", verdict, "expert2", 403, ycAssessments),
                row("POST observations 500118 by stats-bureau-sx (region: data provider of 山西省)", "POST", "/regions/" + YC + "/observations", "json", retail, sxBureau, 403, ycRetail2018),
                row("POST documents 500118 by stats-bureau-sx (region: data provider of 山西省)", "POST", "/regions/" + YC + "/documents", MULTIPART, doc11, sxBureau, 403, ycDocuments),
                row("POST assessments 140829 without token", "POST", "/regions/" + PL + "/assessments", "json", verdict, null, 401, plAssessments),
                // ---------------------------------------------------------------- evidence-service: the ledger
                row("GET evidence of 500118 by sx-reader (role: score-reader)", "GET", "/regions/" + YC + "/evidence?size=1", null, null, "sx-reader", 403),
                row("GET evidence of 500118 by pl-reviewer (region)", "GET", "/regions/" + YC + "/evidence?size=1", null, null, "pl-reviewer", 403),
                row("GET evidence of 500118 by pl-market (region)", "GET", "/regions/" + YC + "/evidence?size=1", null, null, "pl-market", 403),
                row("GET evidence of 140829 by expert1 (region: not assigned to 平陆县)", "GET", "/regions/" + PL + "/evidence?size=1", null, null, "expert1", 403),
                row("GET 永川 evidence by pl-reviewer (hidden: another region)", "GET", ev, null, null, "pl-reviewer", 404),
                row("GET 永川 evidence by cq-reader (role)", "GET", ev, null, null, "cq-reader", 403),
                row("GET 永川 evidence without token", "GET", ev, null, null, null, 401),
                row("GET 永川 evidence history by pl-market (hidden: another region)", "GET", ev + "/history", null, null, "pl-market", 404),
                row("GET 永川 evidence history by sx-reader (role)", "GET", ev + "/history", null, null, "sx-reader", 403),
                row("POST review of 永川 evidence by pl-reviewer (hidden: reviewer of another region)", "POST", ev + "/review", "json", accept, "pl-reviewer", 404, ycEvidence),
                row("POST review of 永川 evidence by yc-stats (role: its own submitter)", "POST", ev + "/review", "json", accept, "yc-stats", 403, ycEvidence),
                row("POST review of 永川 evidence by expert1 (role)", "POST", ev + "/review", "json", accept, "expert1", 403, ycEvidence),
                row("POST review of 永川 evidence by admin (role)", "POST", ev + "/review", "json", accept, "admin", 403, ycEvidence),
                row("POST review of 永川 evidence without token", "POST", ev + "/review", "json", accept, null, 401, ycEvidence),
                row("POST withdraw of 永川 statistics evidence by yc-market (withdraw-scope: another department)", "POST", ev + "/withdraw", "json", withdraw, "yc-market", 403, ycEvidence),
                row("POST withdraw of 永川 evidence by pl-market (hidden: another region)", "POST", ev + "/withdraw", "json", withdraw, "pl-market", 404, ycEvidence),
                row("POST withdraw of 永川 evidence by pl-reviewer (hidden: reviewer of another region)", "POST", ev + "/withdraw", "json", withdraw, "pl-reviewer", 404, ycEvidence),
                row("POST withdraw of 永川 evidence by expert1 (withdraw-scope: not its record)", "POST", ev + "/withdraw", "json", withdraw, "expert1", 403, ycEvidence),
                row("POST withdraw of 永川 evidence by cq-reader (role)", "POST", ev + "/withdraw", "json", withdraw, "cq-reader", 403, ycEvidence),
                row("POST withdraw of 永川 evidence by admin (role)", "POST", ev + "/withdraw", "json", withdraw, "admin", 403, ycEvidence),
                // ---------------------------------------------------------------- scoring-service
                row("GET scores/latest of 500118 by sx-reader (region)", "GET", "/regions/" + YC + "/scores/latest?year=2025", null, null, "sx-reader", 403),
                row("GET scores/latest of 500118 by pl-reviewer (region)", "GET", "/regions/" + YC + "/scores/latest?year=2025", null, null, "pl-reviewer", 403),
                row("GET scores/latest of 500118 by yc-market (role)", "GET", "/regions/" + YC + "/scores/latest?year=2025", null, null, "yc-market", 403),
                row("GET scores/latest of 500118 by expert1 (role)", "GET", "/regions/" + YC + "/scores/latest?year=2025", null, null, "expert1", 403),
                row("GET scores of 500118 by sx-reader (region)", "GET", "/regions/" + YC + "/scores?year=2025", null, null, "sx-reader", 403),
                row("GET scores of 500118 by yc-stats (role)", "GET", "/regions/" + YC + "/scores?year=2025", null, null, "yc-stats", 403),
                row("GET scores of 500118 without token", "GET", "/regions/" + YC + "/scores?year=2025", null, null, null, 401),
                row("GET scores/1 of 500118 by sx-reader (region)", "GET", "/regions/" + YC + "/scores/1", null, null, "sx-reader", 403),
                row("GET scores/1 of 500118 by stats-bureau (role)", "GET", "/regions/" + YC + "/scores/1", null, null, bureau, 403),
                row("POST scores/1/recompute of 500118 by pl-reviewer (region)", "POST", "/regions/" + YC + "/scores/1/recompute", null, null, "pl-reviewer", 403),
                row("POST scores/1/recompute of 500118 by yc-market (role)", "POST", "/regions/" + YC + "/scores/1/recompute", null, null, "yc-market", 403),
                row("POST scores/1/recompute of 500118 without token", "POST", "/regions/" + YC + "/scores/1/recompute", null, null, null, 401),
                row("GET snapshots under 500000 by sx-reader (region)", "GET", "/snapshots?under=500000", null, null, "sx-reader", 403),
                row("GET snapshots under CN by cq-reader (region)", "GET", "/snapshots?under=CN", null, null, "cq-reader", 403),
                row("GET snapshots under 500000 by yc-reviewer (region: 重庆市 lies above 永川区)", "GET", "/snapshots?under=500000", null, null, "yc-reviewer", 403),
                row("GET snapshots under 500118 by yc-market (role)", "GET", "/snapshots?under=500118", null, null, "yc-market", 403),
                row("GET snapshots without token", "GET", "/snapshots?under=500000", null, null, null, 401),
                row("POST simulate 500118 by stats-bureau (role: data-provider)", "POST", "/regions/" + YC + "/scores/simulate", "json", simulate, bureau, 403),
                row("POST simulate 500118 by pl-market (region)", "POST", "/regions/" + YC + "/scores/simulate", "json", simulate, "pl-market", 403),
                row("POST simulate 500118 by sx-reader (region)", "POST", "/regions/" + YC + "/scores/simulate", "json", simulate, "sx-reader", 403),
                row("POST simulate 140829 by yc-market (region)", "POST", "/regions/" + PL + "/scores/simulate", "json", simulate, "yc-market", 403),
                row("POST simulate 140829 by expert1 (region)", "POST", "/regions/" + PL + "/scores/simulate", "json", simulate, "expert1", 403),
                row("GET gaps of 500118 by sx-reader (region)", "GET", "/regions/" + YC + "/gaps?year=2025", null, null, "sx-reader", 403),
                row("GET gaps of 500118 by pl-market (region)", "GET", "/regions/" + YC + "/gaps?year=2025", null, null, "pl-market", 403),
                row("GET gaps of 500118 by expert1 (role)", "GET", "/regions/" + YC + "/gaps?year=2025", null, null, "expert1", 403),
                row("GET gaps of 500118 by stats-bureau (role)", "GET", "/regions/" + YC + "/gaps?year=2025", null, null, bureau, 403),
                // ---------------------------------------------------------------- scoring-service: applications, scoreboard (#14)
                row("POST applications 140829 by yc-office (region: the office of 永川区)", "POST", "/regions/" + PL + "/applications", "json", application, "yc-office", 403, plApplications),
                row("POST applications 140829 by pl-market (role: submitter)", "POST", "/regions/" + PL + "/applications", "json", application, "pl-market", 403, plApplications),
                row("POST applications 140829 by yuncheng-city (role: an authority decides, it does not apply)", "POST", "/regions/" + PL + "/applications", "json", application, "yuncheng-city", 403, plApplications),
                row("POST applications 140829 without token", "POST", "/regions/" + PL + "/applications", "json", application, null, 401, plApplications),
                row("GET applications 140829 by yc-office (region)", "GET", "/regions/" + PL + "/applications", null, null, "yc-office", 403),
                row("GET applications 140829 by expert2 (role)", "GET", "/regions/" + PL + "/applications", null, null, "expert2", 403),
                row("GET applications awaiting 140800 by pl-office (region: 平陆县 lies below 运城市)", "GET", "/regions/140800/applications/awaiting", null, null, "pl-office", 403),
                row("GET applications awaiting 140000 by yuncheng-city (region)", "GET", "/regions/140000/applications/awaiting", null, null, "yuncheng-city", 403),
                row("GET applications awaiting 140800 by cq-reader (region)", "GET", "/regions/140800/applications/awaiting", null, null, "cq-reader", 403),
                row("GET applications awaiting 140800 by expert2 (role)", "GET", "/regions/140800/applications/awaiting", null, null, "expert2", 403),
                row("GET applications awaiting 140800 without token", "GET", "/regions/140800/applications/awaiting", null, null, null, 401),
                row("GET scoreboard 140000 by cq-reader (region)", "GET", "/regions/140000/scoreboard?year=2025", null, null, "cq-reader", 403),
                row("GET scoreboard 140000 by yuncheng-city (region: 运城市 lies below 山西省)", "GET", "/regions/140000/scoreboard?year=2025", null, null, "yuncheng-city", 403),
                row("GET scoreboard 140000 by pl-office (region: 平陆县 lies below 山西省)", "GET", "/regions/140000/scoreboard?year=2025", null, null, "pl-office", 403),
                row("GET scoreboard 140000 by expert2 (role)", "GET", "/regions/140000/scoreboard?year=2025", null, null, "expert2", 403),
                row("GET scoreboard.xlsx 140000 by pl-market (role)", "GET", "/regions/140000/scoreboard.xlsx?year=2025", null, null, "pl-market", 403),
                row("GET scoreboard 140000 without token", "GET", "/regions/140000/scoreboard?year=2025", null, null, null, 401),
                // the report files (issue 15): the rules of the JSON they are made of
                row("GET scores/latest.xlsx of 500118 by sx-reader (region)", "GET", "/regions/" + YC + "/scores/latest.xlsx?year=2025", null, null, "sx-reader", 403),
                row("GET scores/latest.xlsx of 500118 by yc-market (role)", "GET", "/regions/" + YC + "/scores/latest.xlsx?year=2025", null, null, "yc-market", 403),
                row("GET scores/1.xlsx of 500118 by pl-reviewer (region)", "GET", "/regions/" + YC + "/scores/1.xlsx", null, null, "pl-reviewer", 403),
                row("GET scores/1.xlsx of 500118 by expert1 (role)", "GET", "/regions/" + YC + "/scores/1.xlsx", null, null, "expert1", 403),
                row("GET gaps.xlsx of 500118 by pl-market (region)", "GET", "/regions/" + YC + "/gaps.xlsx?year=2025", null, null, "pl-market", 403),
                row("GET gaps.xlsx of 500118 by expert1 (role)", "GET", "/regions/" + YC + "/gaps.xlsx?year=2025", null, null, "expert1", 403),
                row("GET self-evaluation.docx of 500118 by sx-reader (region)", "GET", "/regions/" + YC + "/self-evaluation.docx?year=2025", null, null, "sx-reader", 403),
                row("GET self-evaluation.docx of 500118 by yc-market (role)", "GET", "/regions/" + YC + "/self-evaluation.docx?year=2025", null, null, "yc-market", 403),
                row("GET rescoring by yc-market (role)", "GET", "/rescoring", null, null, "yc-market", 403),
                row("GET rescoring by expert1 (role)", "GET", "/rescoring", null, null, "expert1", 403),
                row("GET rescoring by pl-market (role)", "GET", "/rescoring", null, null, "pl-market", 403),
                row("GET rescoring by stats-bureau (role)", "GET", "/rescoring", null, null, bureau, 403),
                row("GET rescoring without token", "GET", "/rescoring", null, null, null, 401));
    }

    // ------------------------------------------------------------------ helpers

    /** The detail a 403 carries: the role check of the service, or the rule the row's name gives in parentheses. */
    static String reason(String name) {
        if (name.contains("(role")) {
            return "your roles do not allow this operation";
        }
        if (name.contains("(region")) {
            return "rule region-scope:";
        }
        if (name.contains("(department")) {
            return "rule decomposition-scope:";
        }
        if (name.contains("(expert-assignment")) {
            return "rule expert-assignment:";
        }
        if (name.contains("(four-eyes")) {
            return "rule four-eyes:";
        }
        if (name.contains("(withdraw-scope")) {
            return "rule withdraw-scope:";
        }
        if (name.contains("(own-region")) {
            return "rule own-region:";
        }
        if (name.contains("(own-department")) {
            return "rule own-department:";
        }
        throw new AssertionError("a 403 row must name why it is refused: " + name);
    }

    static Row row(String name, String method, String path, String contentType, Object body, String caller, int status) {
        return new Row(name, method, path, contentType, body, caller, status, null);
    }

    static Row row(String name, String method, String path, String contentType, Object body, String caller, int status,
                   Supplier<Object> probe) {
        return new Row(name, method, path, contentType, body, caller, status, probe);
    }

    static Response request(Row row) {
        RequestSpecification spec = given().redirects().follow(false);
        if (row.caller() != null) {
            spec.auth().oauth2(token(row.caller()));
        }
        if (MULTIPART.equals(row.contentType())) {
            spec.multiPart("file", "授权矩阵.pdf", PDF, "application/pdf");
            @SuppressWarnings("unchecked")
            Map<String, String> fields = (Map<String, String>) row.body();
            fields.forEach(spec::multiPart);
        } else if ("json".equals(row.contentType())) {
            spec.contentType(ContentType.JSON).body(row.body());
        } else if (row.contentType() != null) {
            // bytes as they are: RestAssured would look for an XML mapper for the "…spreadsheetml…" media type
            spec.config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                            .encodeContentTypeAs(row.contentType(), ContentType.BINARY)))
                    .contentType(row.contentType())
                    .body(row.body() instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : (byte[]) row.body());
        }
        return spec.request(row.method(), API + resolve(row.path()));
    }

    static String resolve(String path) {
        return Callers.resolve(path, IDS);
    }

    static int status(String caller, String path) {
        return given().auth().oauth2(token(caller)).get(API + resolve(path)).statusCode();
    }

    static String read(String caller, String path) {
        return Callers.read(caller, resolve(path));
    }
}
