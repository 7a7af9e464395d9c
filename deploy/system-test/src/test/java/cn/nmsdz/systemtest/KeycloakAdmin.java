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

    /** Creates a user with password {@code demo}, the given attributes and one realm role; returns its id. */
    static String createUser(String username, Map<String, List<String>> attributes, String role) {
        String token = token();
        String location = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("username", username, "enabled", true, "emailVerified", true,
                        "firstName", username, "lastName", "(system test)", "email", username + "@test.nmsdz.local",
                        "attributes", attributes,
                        "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false))))
                .post(ADMIN_API + "/users")
                .then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        Map<String, Object> realmRole = given().auth().oauth2(token).get(ADMIN_API + "/roles/" + role)
                .then().statusCode(200).extract().jsonPath().getMap("$");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(List.of(realmRole))
                .post(ADMIN_API + "/users/" + id + "/role-mappings/realm").then().statusCode(204);
        return id;
    }

    /** Grants one more realm role to a user (a user holding several roles, e.g. submitter and reviewer). */
    static void addRealmRole(String userId, String role) {
        String token = token();
        Map<String, Object> realmRole = given().auth().oauth2(token).get(ADMIN_API + "/roles/" + role)
                .then().statusCode(200).extract().jsonPath().getMap("$");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(List.of(realmRole))
                .post(ADMIN_API + "/users/" + userId + "/role-mappings/realm").then().statusCode(204);
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

    private static String token() {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(Suite.KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
