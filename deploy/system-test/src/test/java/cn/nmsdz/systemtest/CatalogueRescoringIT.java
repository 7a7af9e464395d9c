package cn.nmsdz.systemtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Publishing a new version of the official system rescores every region on the real suite,
 * with visible progress, and the new snapshots name the new version; retiring it again rescores
 * every region against the highest version still published. The new version has
 * the same content, so no other test's numbers change; the test waits until the rescoring
 * is finished, so no other test sees it running.
 */
@ExtendWith(Suite.class)
class CatalogueRescoringIT {
    static final String PINGLU = "140829";
    static final int YEAR = 2012;

    @Test
    void publishingANewVersionRescoresEveryRegionWithVisibleProgress() {
        String admin = Tokens.user("admin");
        // a region with a snapshot of its own, so the rescoring has work to do
        long position = given().auth().oauth2(Tokens.client("stats-bureau", "stats-bureau-secret"))
                .contentType(ContentType.JSON)
                .body(Map.of("metric", "online_retail_sales", "year", YEAR, "value", 12.5, "source", "平陆县统计局 2012"))
                .post(Suite.GATEWAY + "/api/v1/regions/" + PINGLU + "/observations")
                .then().statusCode(201).extract().jsonPath().getLong("[0].position");
        WalkingSkeletonIT.await(() -> {
            Response r = latest(admin);
            return r.statusCode() == 200 && r.jsonPath().getLong("evidencePosition") >= position ? r : null;
        });

        int next = ScaleOutIT.publishNextVersion(admin);

        Response job = WalkingSkeletonIT.await(() -> {
            Response r = given().auth().oauth2(admin).get(Suite.GATEWAY + "/api/v1/rescoring");
            return r.statusCode() == 200 && r.jsonPath().get("latest") != null
                    && r.jsonPath().getInt("latest.systemVersion") == next && r.jsonPath().getBoolean("latest.finished")
                    ? r : null;
        });
        int total = job.jsonPath().getInt("latest.total");
        assertTrue(total >= 1, "the region with evidence is rescored");
        assertEquals(total, job.jsonPath().getInt("latest.done"));
        latest(admin).then().statusCode(200).body("systemVersion", equalTo(next));

        // retiring the version in force falls back to the highest version still published, and rescores against it
        int previous = given().auth().oauth2(admin).get(Suite.GATEWAY + "/api/v1/systems")
                .then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.code == 'NMSDZ' && it.status == 'PUBLISHED' && it.version != " + next + " }.version",
                        Integer.class)
                .stream().mapToInt(Integer::intValue).max().orElseThrow();
        given().auth().oauth2(admin).post(Suite.GATEWAY + "/api/v1/systems/NMSDZ/retire?version=" + next)
                .then().statusCode(200).body("status", equalTo("RETIRED"));
        Response fallback = WalkingSkeletonIT.await(() -> {
            Response r = given().auth().oauth2(admin).get(Suite.GATEWAY + "/api/v1/rescoring");
            return r.statusCode() == 200 && r.jsonPath().getInt("latest.id") > job.jsonPath().getInt("latest.id")
                    && r.jsonPath().getBoolean("latest.finished") ? r : null;
        });
        assertEquals(previous, fallback.jsonPath().getInt("latest.systemVersion"));
        latest(admin).then().statusCode(200).body("systemVersion", equalTo(previous));

        // a version retired while its rescoring still runs: that job is cancelled in the same step that plans the
        // job of the version in force again, so the two never run side by side and the restore starts at once
        int newest = ScaleOutIT.publishNextVersion(admin);
        given().auth().oauth2(admin).post(Suite.GATEWAY + "/api/v1/systems/NMSDZ/retire?version=" + newest)
                .then().statusCode(200);
        Response restore = WalkingSkeletonIT.await(() -> {
            Response r = given().auth().oauth2(admin).get(Suite.GATEWAY + "/api/v1/rescoring");
            return r.statusCode() == 200 && r.jsonPath().getInt("recent.size()") >= 2
                    && r.jsonPath().getInt("recent[1].systemVersion") == newest
                    && r.jsonPath().getInt("latest.systemVersion") == previous ? r : null;
        }, 300);
        assertTrue(restore.jsonPath().getBoolean("recent[1].finished"), "the retired version's job no longer runs"
                + " once the restore job is planned: " + restore.jsonPath().getMap("recent[1]"));
        WalkingSkeletonIT.await(() -> given().auth().oauth2(admin).get(Suite.GATEWAY + "/api/v1/rescoring")
                .jsonPath().getBoolean("latest.finished") ? true : null, 300);
        latest(admin).then().statusCode(200).body("systemVersion", equalTo(previous));
    }

    static Response latest(String token) {
        return given().auth().oauth2(token)
                .get(Suite.GATEWAY + "/api/v1/regions/" + PINGLU + "/scores/latest?year=" + YEAR);
    }
}
