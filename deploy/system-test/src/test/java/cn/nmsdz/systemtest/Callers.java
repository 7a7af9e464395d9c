package cn.nmsdz.systemtest;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The table-driven tests' callers: tokens by caller name, and the reads that prove a refused call changed nothing. */
final class Callers {
    static final String API = Suite.GATEWAY + "/api/v1";
    /** Cached per caller for the run (tokens live 15 minutes; a run takes less). */
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Callers() {
    }

    /** A token of a demo user ("pl-market"), or of a client: "client:&lt;id&gt;[:&lt;secret&gt;]" (default &lt;id&gt;-secret). */
    static String token(String caller) {
        return TOKENS.computeIfAbsent(caller, c -> {
            if (!c.startsWith("client:")) {
                return Tokens.user(c);
            }
            String[] parts = c.split(":");
            return Tokens.client(parts[1], parts.length > 2 ? parts[2] : parts[1] + "-secret");
        });
    }

    /** A path with its {placeholders} replaced by the ids the test created. */
    static String resolve(String path, Map<String, String> ids) {
        String resolved = path;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            resolved = resolved.replace(id.getKey(), id.getValue());
        }
        return resolved;
    }

    static String read(String caller, String path) {
        return given().auth().oauth2(token(caller)).get(API + path).then().statusCode(200).extract().asString();
    }

    static long count(String caller, String region, String query) {
        return Long.parseLong(given().auth().oauth2(token(caller))
                .get(API + "/regions/" + region + "/evidence?size=1&" + query)
                .then().statusCode(200).extract().header("X-Total-Count"));
    }
}
