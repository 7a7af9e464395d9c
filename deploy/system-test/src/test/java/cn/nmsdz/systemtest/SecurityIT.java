package cn.nmsdz.systemtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC §7 against the real Keycloak: every service checks the token itself and the gateway checks it too, so each
 * refused token is tried at the gateway AND at evidence-service and scoring-service called directly; then the role and
 * region rules, through the gateway. (The gateway's rate limit is unit-tested in gateway/RateLimiterTest.)
 */
@ExtendWith(Suite.class)
class SecurityIT {
    static final String PINGLU = "140829";
    static final String YONGCHUAN = "500118";
    static final String API = Suite.GATEWAY + "/api/v1";
    /** The services themselves, bypassing the gateway (ports default + offset). */
    static final String INDICATOR_DIRECT = "http://127.0.0.1:" + Suite.port("indicator");
    static final String EVIDENCE_DIRECT = "http://127.0.0.1:" + Suite.port("evidence");
    static final String SCORING_DIRECT = "http://127.0.0.1:" + Suite.port("scoring");

    /** Protected reads of 平陆县 at the gateway and at each service called directly. */
    static final List<String> ENDPOINTS = List.of(
            API + "/regions/" + PINGLU + "/scores/latest?year=2025",
            API + "/regions/" + PINGLU + "/evidence?size=1",
            EVIDENCE_DIRECT + "/api/v1/regions/" + PINGLU + "/evidence?size=1",
            SCORING_DIRECT + "/api/v1/regions/" + PINGLU + "/scores/latest?year=2025");

    // ------------------------------------------------------------------ token checks

    @Test
    void aGenuineTokenPassesTheTokenCheckEverywhere() {
        // the control for the refusals below: the same endpoints accept a real token of the realm
        String token = Tokens.user("sx-reader");
        for (String url : ENDPOINTS) {
            int status = given().auth().oauth2(token).get(url).statusCode();
            assertNotEquals(401, status, url + " refused a genuine token");
        }
    }

    @Test
    void aRequestWithoutTokenIsRefused() {
        for (String url : ENDPOINTS) {
            given().get(url).then().statusCode(401).contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(401));
        }
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        String real = Tokens.user("sx-reader");
        JwtClaims claims = JwtClaims.parse(part(real, 1));
        // the same iss, aud, roles, region and expiry, even the realm key's id: only the signature is wrong
        RsaJsonWebKey foreign = RsaJwkGenerator.generateJwk(2048);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(foreign.getPrivateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(JwtClaims.parse(part(real, 0)).getClaimValueAsString("kid"));
        jws.setHeader("typ", "JWT");
        String forged = jws.getCompactSerialization();
        assertEquals(claims.getIssuer(), JwtClaims.parse(part(forged, 1)).getIssuer());
        assertRefusedEverywhere(forged);
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() throws Exception {
        String real = Tokens.user("sx-reader");
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String unsigned = header + "." + real.split("\\.")[1] + ".";
        assertRefusedEverywhere(unsigned);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        // a score reader of 山西省 whose access tokens live 1 s, made for this test through Keycloak's admin API and
        // deleted after it: no secret of it is in the repository
        String clientId = "short-lived-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = UUID.randomUUID().toString();
        String client = KeycloakAdmin.createClient(Map.of("clientId", clientId, "publicClient", false, "secret", secret,
                "standardFlowEnabled", false, "directAccessGrantsEnabled", false, "serviceAccountsEnabled", true,
                "attributes", Map.of("access.token.lifespan", "1"),
                "protocolMappers", List.of(
                        Map.of("name", "region", "protocol", "openid-connect",
                                "protocolMapper", "oidc-usermodel-attribute-mapper",
                                "config", Map.of("user.attribute", "region", "claim.name", "region",
                                        "jsonType.label", "String", "access.token.claim", "true")),
                        Map.of("name", "api-audience", "protocol", "openid-connect",
                                "protocolMapper", "oidc-audience-mapper",
                                "config", Map.of("included.custom.audience", "nmsdz-api",
                                        "access.token.claim", "true")))));
        try {
            String account = KeycloakAdmin.serviceAccountUser(client);
            KeycloakAdmin.setAttribute(account, "region", List.of("140000"));
            KeycloakAdmin.grantRealmRole(account, "score-reader");
            String token = Tokens.client(clientId, secret);
            JwtClaims claims = JwtClaims.parse(part(token, 1));
            // Keycloak rounds to whole seconds (exp - iat is 1 or 2), far from the realm's 900
            assertTrue(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue() <= 5,
                    "the client's tokens live 1 s: " + claims.toJson());
            assertTrue(claims.getAudience().contains("nmsdz-api"), "otherwise it would be refused for its audience");
            assertEquals("140000", claims.getStringClaimValue("region"));
            // whatever clock skew the checks allow, it expires: wait until the gateway says so, then ask everyone
            WalkingSkeletonIT.await(() -> given().auth().oauth2(token).get(ENDPOINTS.get(0)).statusCode() == 401
                    ? Boolean.TRUE : null);
            assertRefusedEverywhere(token);
        } finally {
            KeycloakAdmin.deleteClient(client);
        }
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws Exception {
        // a perfectly valid token of the same Keycloak, but of the master realm
        String master = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(Suite.KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        assertTrue(JwtClaims.parse(part(master, 1)).getIssuer().endsWith("/realms/master"));
        assertRefusedEverywhere(master);
    }

    @Test
    void aBearerThatIsNotAJwtIsA401NotA500Everywhere() {
        // was: "Bearer .." a 500; any other non-JWT value was sent to Keycloak's introspection endpoint (an ERROR
        // logged per request). The realm issues JWTs only: the token check refuses anything else itself
        for (String value : List.of("..", "not-a-jwt", "a.b.c", "e30.e30.", "x".repeat(500))) {
            for (String url : withIndicator(ENDPOINTS)) {
                given().header("Authorization", "Bearer " + value).get(url)
                        .then().statusCode(401).contentType(startsWith("application/problem+json"))
                        .body("status", equalTo(401));
            }
        }
    }

    @Test
    void twoAuthorizationHeadersAreRefused() {
        // was: the first one counted. Which one a proxy, the gateway and a service each take is not to be guessed
        String reader = Tokens.user("sx-reader");
        for (String url : withIndicator(ENDPOINTS)) {
            given().header("Authorization", "Bearer " + reader).header("Authorization", "Bearer " + reader)
                    .get(url)
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(400))
                    .body("detail", org.hamcrest.Matchers.containsString("more than one Authorization header"));
        }
    }

    // ------------------------------------------------------------------ the realm

    @Test
    void onlyTheDemoCliClientTakesPasswords() {
        // the password grant hands a user's password to a client: only nmsdz-cli (demo and tests, deleted in
        // production) allows it; admin-cli of realm nmsdz and every other client refuse it
        for (Map<String, Object> client : KeycloakAdmin.clients()) {
            String clientId = (String) client.get("clientId");
            assertEquals("nmsdz-cli".equals(clientId), Boolean.TRUE.equals(client.get("directAccessGrantsEnabled")),
                    clientId + ": directAccessGrantsEnabled " + client.get("directAccessGrantsEnabled"));
        }
        // and Keycloak says so: the public ones, and confidential ones with their (demo) secret
        for (String clientId : List.of("admin-cli", "nmsdz-console", "stats-bureau", "provincial-platform-sx")) {
            Response refused = given().formParam("grant_type", "password").formParam("client_id", clientId)
                    .formParam("client_secret", clientId + "-secret")
                    .formParam("username", "admin").formParam("password", "demo")
                    .post(Suite.KEYCLOAK + "/realms/nmsdz/protocol/openid-connect/token");
            assertTrue(refused.statusCode() == 400 || refused.statusCode() == 401, clientId + ": " + refused.asString());
            assertEquals("unauthorized_client", refused.path("error"), clientId + ": " + refused.asString());
            assertEquals("Client not allowed for direct access grants", refused.path("error_description"), clientId);
        }
    }

    @Test
    void repeatedWrongPasswordsLockTheUserAndAreRecorded() {
        // a user of its own, so no demo user is ever locked
        String username = "lockout-" + UUID.randomUUID().toString().substring(0, 8);
        String user = KeycloakAdmin.createUser(username, Map.of("region", List.of(PINGLU)), "score-reader");
        try {
            assertEquals(200, passwordGrant("nmsdz-cli", username, "demo").statusCode(), "the control: it logs in");
            Map<String, Object> realm = KeycloakAdmin.realm();
            assertEquals(Boolean.TRUE, realm.get("bruteForceProtected"));
            int failureFactor = ((Number) realm.get("failureFactor")).intValue();
            assertTrue(failureFactor > 0 && failureFactor <= 10, "failureFactor " + failureFactor);
            for (int i = 0; i < failureFactor; i++) {
                assertNotEquals(200, passwordGrant("nmsdz-cli", username, "wrong-" + i).statusCode());
            }
            assertEquals(Boolean.TRUE, KeycloakAdmin.bruteForceStatus(user).get("disabled"),
                    "locked after " + failureFactor + " failures: " + KeycloakAdmin.bruteForceStatus(user));
            Response locked = passwordGrant("nmsdz-cli", username, "demo");
            assertNotEquals(200, locked.statusCode(), "the right password does not help a locked user");
            assertEquals("invalid_grant", locked.path("error"), locked.asString());
            // login events are stored: the failures are there for the operators
            assertTrue(KeycloakAdmin.events("LOGIN_ERROR", user).size() >= failureFactor,
                    "LOGIN_ERROR events of " + username + ": " + KeycloakAdmin.events("LOGIN_ERROR", user));
            assertFalse(KeycloakAdmin.events("LOGIN", user).isEmpty(), "the successful login is recorded too");
        } finally {
            KeycloakAdmin.deleteUser(user);
        }
    }

    @Test
    void theRealmsPasswordPolicyRefusesAWeakPassword() {
        String username = "policy-" + UUID.randomUUID().toString().substring(0, 8);
        String user = KeycloakAdmin.createUser(username, Map.of("region", List.of(PINGLU)), "score-reader");
        try {
            Response weak = KeycloakAdmin.resetPassword(user, "demo1234");
            assertEquals(400, weak.statusCode(), weak.asString());
            Response strong = KeycloakAdmin.resetPassword(user, "a long passphrase " + UUID.randomUUID());
            assertEquals(204, strong.statusCode(), strong.asString());
        } finally {
            KeycloakAdmin.deleteUser(user);
        }
    }

    // ------------------------------------------------------------------ roles and regions

    @Test
    void aSubmitterCannotPublishACatalogue() {
        given().auth().oauth2(Tokens.user("yc-market"))
                .post(API + "/systems/NMSDZ/publish?version=1")
                .then().statusCode(403).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(403));
    }

    @Test
    void aProvincialScoreReaderReadsItsCountiesButNotAnotherProvince() {
        String reader = Tokens.user("sx-reader"); // 山西省 140000
        Response pinglu = given().auth().oauth2(reader).get(API + "/regions/" + PINGLU + "/scores/latest?year=2025");
        assertTrue(pinglu.statusCode() == 200 || pinglu.statusCode() == 404,
                "平陆县 lies in 山西省: its scores (or 404 no snapshot yet), got " + pinglu.statusCode() + " "
                        + pinglu.asString());
        given().auth().oauth2(reader).get(API + "/regions/" + YONGCHUAN + "/scores/latest?year=2025")
                .then().statusCode(403).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(403));
    }

    @Test
    void aSubmitterCannotWriteForAnotherRegion() {
        String yc = Tokens.user("yc-market"); // 永川区 500118
        String pl = Tokens.user("pl-market");
        String query = "kind=OBSERVATION&metric=online_operators&year=2014";
        long before = evidenceCount(pl, query);
        given().auth().oauth2(yc).contentType(ContentType.JSON)
                .body(Map.of("metric", "online_operators", "year", 2014, "value", 7, "source", "永川区市场监管局"))
                .post(API + "/regions/" + PINGLU + "/observations")
                .then().statusCode(403).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(403));
        assertEquals(before, evidenceCount(pl, query), "nothing stored for 平陆县");
    }

    // ------------------------------------------------------------------ CORS at the gateway

    @Test
    void browsersOfTheConfiguredOriginMayCallTheApiOthersMayNot() {
        // the default origin is the console's own on the default port, http://localhost:8080 (quarkus.http.cors.origins)
        String console = "http://localhost:" + Suite.basePort("gateway");
        given().header("Origin", console).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options(API + "/regions/" + PINGLU + "/observations")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", console)
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("POST"))
                .header("Access-Control-Allow-Headers", org.hamcrest.Matchers.containsStringIgnoringCase("authorization"));
        // an actual request: the problem of a refusal is readable by the page too
        given().header("Origin", console).get(API + "/regions/" + PINGLU + "/evidence")
                .then().statusCode(401).header("Access-Control-Allow-Origin", console)
                .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("X-Request-Id"));
        Response foreign = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options(API + "/regions/" + PINGLU + "/evidence");
        assertEquals(403, foreign.statusCode());
        assertEquals(null, foreign.header("Access-Control-Allow-Origin"));
    }

    // ------------------------------------------------------------------ the OpenAPI console's login

    @Test
    void theConsoleLogsInAtThisSuitesRealm() {
        // Swagger UI takes the authorization and token endpoints from each document's openIdConnect scheme: the
        // gateway points it at the realm it checks tokens against, whatever the services were built with
        String discovery = Suite.KEYCLOAK + "/realms/nmsdz/.well-known/openid-configuration";
        for (String service : List.of("indicator-service", "evidence-service", "scoring-service")) {
            given().accept(ContentType.JSON).get(Suite.GATEWAY + "/openapi/" + service + "?format=json")
                    .then().statusCode(200)
                    .body("components.securitySchemes.keycloak.type", equalTo("openIdConnect"))
                    .body("components.securitySchemes.keycloak.openIdConnectUrl", equalTo(discovery));
        }
        given().get(discovery).then().statusCode(200)
                .body("authorization_endpoint", startsWith(Suite.KEYCLOAK + "/realms/nmsdz/"))
                .body("code_challenge_methods_supported", org.hamcrest.Matchers.hasItem("S256"));
        String ui = given().get(Suite.GATEWAY + "/q/swagger-ui/").then().statusCode(200).extract().asString();
        assertTrue(ui.contains("clientId: 'nmsdz-console'") && ui.contains("usePkceWithAuthorizationCodeGrant: true"),
                "the console logs in as the public PKCE client nmsdz-console");
    }

    @Test
    void theConsolesClientTakesNoPasswordsOnlyItsBrowserLogin() {
        // a public client that took passwords would let any page ask for them: the password grant lives on the
        // separate nmsdz-cli client (demo and tests), which production deletes
        given().formParam("grant_type", "password").formParam("client_id", "nmsdz-console")
                .formParam("username", "admin").formParam("password", "demo")
                .post(Suite.KEYCLOAK + "/realms/nmsdz/protocol/openid-connect/token")
                .then().statusCode(anyOf(equalTo(400), equalTo(401))).body("error", equalTo("unauthorized_client"));
        given().formParam("grant_type", "password").formParam("client_id", "nmsdz-cli")
                .formParam("username", "admin").formParam("password", "demo")
                .post(Suite.KEYCLOAK + "/realms/nmsdz/protocol/openid-connect/token")
                .then().statusCode(200).body("access_token", org.hamcrest.Matchers.notNullValue());
    }

    // ------------------------------------------------------------------ helpers

    static Response passwordGrant(String clientId, String username, String password) {
        return given().formParam("grant_type", "password").formParam("client_id", clientId)
                .formParam("username", username).formParam("password", password)
                .post(Suite.KEYCLOAK + "/realms/nmsdz/protocol/openid-connect/token");
    }

    /** The endpoints plus a read of indicator-service called directly. */
    static List<String> withIndicator(List<String> endpoints) {
        List<String> all = new java.util.ArrayList<>(endpoints);
        all.add(INDICATOR_DIRECT + "/api/v1/regions/" + PINGLU);
        return all;
    }

    static void assertRefusedEverywhere(String token) {
        for (String url : ENDPOINTS) {
            given().auth().oauth2(token).get(url)
                    .then().statusCode(401).contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(401));
        }
    }

    static long evidenceCount(String token, String query) {
        return Long.parseLong(given().auth().oauth2(token).get(API + "/regions/" + PINGLU + "/evidence?size=1&" + query)
                .then().statusCode(200).extract().header("X-Total-Count"));
    }

    /** The decoded JSON of part {@code i} (0 header, 1 claims) of a compact JWT. */
    static String part(String jwt, int i) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[i]), StandardCharsets.UTF_8);
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
