package cn.nmsdz.indicator.component;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.nmsdz.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A region import is all-or-nothing together with its events: every row stored and announced on
 * catalogue.events, or (one bad row) nothing stored and nothing announced. Only the catalogue admin imports.
 */
@QuarkusTest
@IndicatorComponentTest
class RegionImportOutboxTest {
    static final String ADMIN = TestTokens.user("admin", "catalogue-admin", Map.of());

    @Inject
    EntityManager em;

    @Test
    void everyImportedRegionIsStoredAndAnnouncedInOneTransaction() {
        long events = count("select count(*) from outbox_event where event_type like '%region-changed%'");
        given().auth().oauth2(ADMIN).contentType("text/csv").body("""
                        code,name,level,parentCode,zone
                        140801,组件测试一区,COUNTY,140800,CENTRAL
                        140802,组件测试二区,COUNTY,140800,CENTRAL
                        """)
                .post("/api/v1/regions/import").then().statusCode(200);
        assertEquals(2, count("select count(*) from region where code in ('140801', '140802')"));
        assertEquals(events + 2, count("select count(*) from outbox_event where event_type like '%region-changed%'"));
    }

    @Test
    void anImportWithOneBadRowStoresAndAnnouncesNothing() {
        long regions = count("select count(*) from region");
        long events = count("select count(*) from outbox_event");
        given().auth().oauth2(ADMIN).contentType("text/csv").body("""
                        code,name,level,parentCode,zone
                        140803,组件测试三区,COUNTY,140800,CENTRAL
                        14080X,坏行,COUNTY,140800,CENTRAL
                        """)
                .post("/api/v1/regions/import").then().statusCode(422)
                .contentType(startsWith("application/problem+json"));
        assertEquals(regions, count("select count(*) from region"));
        assertEquals(events, count("select count(*) from outbox_event"));
    }

    @Test
    void onlyTheCatalogueAdminImports() {
        String reader = TestTokens.user("sx-reader", "score-reader", Map.of("region", "140000"));
        long regions = count("select count(*) from region");
        given().auth().oauth2(reader).contentType("text/csv").body("code,name,level,parentCode,zone\n")
                .post("/api/v1/regions/import").then().statusCode(403);
        given().contentType("text/csv").body("code,name,level,parentCode,zone\n")
                .post("/api/v1/regions/import").then().statusCode(401);
        assertEquals(regions, count("select count(*) from region"));
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                .longValue());
    }
}
