package cn.nmsdz.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A refusal asked for twice: in Chinese (no Accept-Language, the default) and in English (Accept-Language: en). */
public final class ProblemLanguage {
    private ProblemLanguage() {
    }

    /**
     * Both answers have {@code status}, the exact detail of their language, and one and the same {@code type}, a
     * stable {@code urn:nmsdz:problem:} type.
     */
    public static void bothLanguages(String token, Method method, String path, Object body, int status, String chinese,
            String english) {
        ExtractableResponse<Response> zh = request(token, body).request(method, path).then().statusCode(status)
                .contentType(startsWith("application/problem+json")).extract();
        ExtractableResponse<Response> en = request(token, body).header("Accept-Language", "en").request(method, path)
                .then().statusCode(status).contentType(startsWith("application/problem+json")).extract();
        assertEquals(chinese, zh.path("detail"));
        assertEquals(english, en.path("detail"));
        assertEquals((Object) en.path("type"), zh.path("type"), "one type in both languages");
        // every refusal of the services has a stable type of its own (README), none says only its status
        org.junit.jupiter.api.Assertions.assertTrue(String.valueOf((Object) zh.path("type")).startsWith("urn:nmsdz:problem:"),
                "a stable problem type, not " + zh.path("type"));
        assertEquals(status, (int) zh.path("status"));
        assertEquals(status, (int) en.path("status"));
    }

    private static RequestSpecification request(String token, Object body) {
        RequestSpecification request = given().auth().oauth2(token);
        return body == null ? request : request.contentType(ContentType.JSON).body(body);
    }
}
