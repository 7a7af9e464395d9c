package cn.nmsdz.systemtest;

import static io.restassured.RestAssured.given;

/** Real tokens from the real Keycloak of the running suite. */
final class Tokens {
    private Tokens() {
    }

    static String user(String username) {
        return given().formParam("grant_type", "password").formParam("client_id", "nmsdz-cli")
                .formParam("username", username).formParam("password", "demo")
                .post(Suite.KEYCLOAK + "/realms/nmsdz/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    static String client(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post(Suite.KEYCLOAK + "/realms/nmsdz/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
