package cn.nmsdz.systemtest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;

/**
 * What a Keycloak administrator does in the admin console, through Keycloak's admin REST API on the
 * suite's real Keycloak (bootstrap admin admin/admin of the local run): onboard a user, set attributes.
 */
final class KeycloakAdmin {
    private static final String ADMIN_API = Suite.KEYCLOAK + "/admin/realms/nmsdz";

    private KeycloakAdmin() {
    }

    /**
     * The password {@code demo} as a stored hash, like the demo users of the realm file: the realm's password policy
     * (length 12 and more) refuses {@code demo} as a password set in clear, and takes a stored hash as it is.
     */
    static Map<String, Object> demoPassword() {
        try {
            byte[] salt = new byte[16];
            new java.security.SecureRandom().nextBytes(salt);
            int iterations = 27500;
            byte[] hash = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new javax.crypto.spec.PBEKeySpec("demo".toCharArray(), salt, iterations, 512))
                    .getEncoded();
            java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
            return Map.of("type", "password", "temporary", false,
                    "secretData", "{\"value\":\"" + b64.encodeToString(hash) + "\",\"salt\":\""
                            + b64.encodeToString(salt) + "\",\"additionalParameters\":{}}",
                    "credentialData", "{\"hashIterations\":" + iterations
                            + ",\"algorithm\":\"pbkdf2-sha256\",\"additionalParameters\":{}}");
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a user with password {@code demo}, the given attributes and one realm role; returns its id. */
    static String createUser(String username, Map<String, List<String>> attributes, String role) {
        String token = token();
        String location = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("username", username, "enabled", true, "emailVerified", true,
                        "firstName", username, "lastName", "(system test)", "email", username + "@test.nmsdz.local",
                        "attributes", attributes,
                        "credentials", List.of(demoPassword())))
                .post(ADMIN_API + "/users")
                .then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        grantRealmRole(id, role);
        return id;
    }

    /** Replaces one attribute of a user, keeping the rest of its representation. */
    static void setAttribute(String userId, String name, List<String> values) {
        String token = token();
        Map<String, Object> user = new java.util.HashMap<>(given().auth().oauth2(token).get(ADMIN_API + "/users/" + userId)
                .then().statusCode(200).extract().jsonPath().getMap("$"));
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = new java.util.HashMap<>(
                (Map<String, Object>) user.getOrDefault("attributes", Map.of()));
        attributes.put(name, values);
        user.put("attributes", attributes);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(user)
                .put(ADMIN_API + "/users/" + userId).then().statusCode(204);
    }

    /** Creates a client from its representation; returns its internal id. */
    static String createClient(Map<String, Object> client) {
        String location = given().auth().oauth2(token()).contentType(ContentType.JSON).body(client)
                .post(ADMIN_API + "/clients").then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The internal id of the service account user of a client (by internal id). */
    static String serviceAccountUser(String clientInternalId) {
        return given().auth().oauth2(token()).get(ADMIN_API + "/clients/" + clientInternalId + "/service-account-user")
                .then().statusCode(200).extract().path("id");
    }

    /** Grants a realm role to a user (one more, for a user holding several roles, e.g. submitter and reviewer). */
    static void grantRealmRole(String userId, String role) {
        String token = token();
        Map<String, Object> realmRole = given().auth().oauth2(token).get(ADMIN_API + "/roles/" + role)
                .then().statusCode(200).extract().jsonPath().getMap("$");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(List.of(realmRole))
                .post(ADMIN_API + "/users/" + userId + "/role-mappings/realm").then().statusCode(204);
    }

    static void deleteClient(String clientInternalId) {
        given().auth().oauth2(token()).delete(ADMIN_API + "/clients/" + clientInternalId).then().statusCode(204);
    }

    static void deleteUser(String userId) {
        given().auth().oauth2(token()).delete(ADMIN_API + "/users/" + userId).then().statusCode(204);
    }

    /** Every client of the realm, as the admin console lists them (built-in ones included). */
    static List<Map<String, Object>> clients() {
        return given().auth().oauth2(token()).get(ADMIN_API + "/clients?max=1000")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** The realm's settings (brute force, password policy, events). */
    static Map<String, Object> realm() {
        return given().auth().oauth2(token()).get(ADMIN_API).then().statusCode(200).extract().jsonPath().getMap("$");
    }

    /** Keycloak's brute-force status of a user ({@code disabled}, {@code numFailures}, ...). */
    static Map<String, Object> bruteForceStatus(String userId) {
        return given().auth().oauth2(token()).get(ADMIN_API + "/attack-detection/brute-force/users/" + userId)
                .then().statusCode(200).extract().jsonPath().getMap("$");
    }

    /** The stored login events of one type for a user. */
    static List<Map<String, Object>> events(String type, String userId) {
        return given().auth().oauth2(token()).queryParam("type", type).queryParam("user", userId)
                .get(ADMIN_API + "/events").then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Sets a user's password as an administrator would; returns Keycloak's answer (400 when the policy refuses). */
    static io.restassured.response.Response resetPassword(String userId, String password) {
        return given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body(Map.of("type", "password", "value", password, "temporary", false))
                .put(ADMIN_API + "/users/" + userId + "/reset-password");
    }

    private static String token() {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(Suite.KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
