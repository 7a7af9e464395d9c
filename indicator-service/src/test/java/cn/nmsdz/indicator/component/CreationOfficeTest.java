package cn.nmsdz.indicator.component;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.nmsdz.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The creation office runs its own region only: its writes are stored with their history row and their
 * campaign-changed event in one transaction; another region's office changes nothing and announces nothing; the history
 * cannot be rewritten.
 */
@QuarkusTest
@IndicatorComponentTest
class CreationOfficeTest {
    static final String PL_OFFICE = TestTokens.user("pl-office", "creation-office", Map.of("region", "140829"));
    static final String YC_OFFICE = TestTokens.user("yc-office", "creation-office", Map.of("region", "500118"));
    static final Map<String, Object> SCHEDULE = Map.of("dueDate", "2026-05-20",
            "persons", List.of(Map.of("department", "140829-market-supervision", "name", "李明", "phone", "0359-3522123")));

    @Inject
    EntityManager em;

    @Test
    void theOfficeSetsItsOwnRegionsScheduleWithHistoryAndEvent() {
        long events = count("select count(*) from outbox_event where event_type like '%campaign-changed%'");
        long changes = count("select count(*) from organisation_change where region_code = '140829'");
        given().auth().oauth2(PL_OFFICE).contentType(ContentType.JSON).body(SCHEDULE)
                .put("/api/v1/regions/140829/decomposition/11/schedule").then().statusCode(200)
                .body("persons[0].name", equalTo("李明"));
        assertEquals(events + 1, count("select count(*) from outbox_event where event_type like '%campaign-changed%'"));
        assertEquals(changes + 1, count("select count(*) from organisation_change where region_code = '140829'"));
        given().auth().oauth2(PL_OFFICE).get("/api/v1/regions/140829/organisation/history?limit=1").then().statusCode(200)
                .body("[0].actor", equalTo("pl-office")).body("[0].subject", equalTo("schedule 11"));
    }

    @Test
    void anotherRegionsOfficeChangesNothingAndAnnouncesNothing() {
        long events = count("select count(*) from outbox_event");
        long changes = count("select count(*) from organisation_change");
        long schedules = count("select count(*) from campaign_schedule");
        given().auth().oauth2(YC_OFFICE).contentType(ContentType.JSON).body(SCHEDULE)
                .put("/api/v1/regions/140829/decomposition/12/schedule").then().statusCode(403)
                .contentType(startsWith("application/problem+json")).body("detail", startsWith("规则 own-region："));
        given().auth().oauth2(YC_OFFICE).contentType(ContentType.JSON)
                .body(Map.of("leadUnits", List.of("140829-market-supervision")))
                .put("/api/v1/regions/140829/decomposition/12").then().statusCode(403);
        assertEquals(events, count("select count(*) from outbox_event"));
        assertEquals(changes, count("select count(*) from organisation_change"));
        assertEquals(schedules, count("select count(*) from campaign_schedule"));
    }

    @Test
    void theHistoryCannotBeRewritten() {
        given().auth().oauth2(PL_OFFICE).contentType(ContentType.JSON).body(SCHEDULE)
                .put("/api/v1/regions/140829/decomposition/19/schedule").then().statusCode(200);
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update organisation_change set actor = 'someone else'").executeUpdate()));
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("delete from organisation_change").executeUpdate()));
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                .longValue());
    }
}
