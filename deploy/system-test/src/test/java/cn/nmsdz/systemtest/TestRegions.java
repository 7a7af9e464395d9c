package cn.nmsdz.systemtest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Counties a test creates for itself through the API, on codes of a range that are still free. */
final class TestRegions {
    private TestRegions() {
    }

    /**
     * Creates {@code count} counties named {@code name + code} under {@code parent} in {@code zone}, on the free codes
     * from {@code first} to {@code last}; fails when the range has too few free codes (a suite used too often).
     */
    static List<String> createCounties(String admin, int first, int last, int count, String name, String parent, String zone) {
        List<String> created = new ArrayList<>();
        for (int code = first; code <= last && created.size() < count; code++) {
            String region = Integer.toString(code);
            if (given().auth().oauth2(admin).get(Suite.GATEWAY + "/api/v1/regions/" + region).statusCode() != 404) {
                continue;
            }
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("code", region, "name", name + code, "level", "COUNTY", "parentCode", parent, "zone", zone))
                    .post(Suite.GATEWAY + "/api/v1/regions").then().statusCode(201);
            created.add(region);
        }
        if (created.size() < count) {
            throw new IllegalStateException("only " + created.size() + " free codes in " + first + "-" + last + ": use a fresh suite");
        }
        return created;
    }
}
