package cn.nmsdz.indicator.component;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.nmsdz.events.EventTypes;
import cn.nmsdz.indicator.organisation.OrganisationSeeding;
import cn.nmsdz.indicator.organisation.RegionSeed;
import cn.nmsdz.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

/**
 * The organisation services through their endpoints, each change with its catalogue.events row or neither: the seed
 * loads once (OrganisationSeeding), departments (DepartmentService), and the 任务分解表 file in and out
 * (DecompositionSheets over DecompositionService and CampaignService, one transaction). Region 500118, whose seeded
 * organisation every test leaves as it found it.
 */
@QuarkusTest
@IndicatorComponentTest
class OrganisationServicesTest {
    static final String REGION = "500118";
    static final String ADMIN = TestTokens.user("org-admin", "catalogue-admin", Map.of());
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    OrganisationSeeding seeding;

    @Inject
    EntityManager em;

    @Test
    void aSeededRegionIsNotSeededAgain() {
        long events = events(EventTypes.DECOMPOSITION_CHANGED) + events(EventTypes.CAMPAIGN_CHANGED);
        long changes = count("select count(*) from organisation_change where region_code = '" + REGION + "'");
        assertFalse(seeding.loadSeed(RegionSeed.read("seed/regions/500118-yongchuan.json")), "it has a plan already");
        assertEquals(events, events(EventTypes.DECOMPOSITION_CHANGED) + events(EventTypes.CAMPAIGN_CHANGED));
        assertEquals(changes, count("select count(*) from organisation_change where region_code = '" + REGION + "'"));
    }

    @Test
    void anExportedSheetImportedBackKeepsTheDecompositionAndAnnouncesItOnce() {
        byte[] sheet = given().auth().oauth2(ADMIN).get("/api/v1/regions/" + REGION + "/decomposition.xlsx")
                .then().statusCode(200).contentType(startsWith(XLSX)).extract().asByteArray();
        String before = given().auth().oauth2(ADMIN).get("/api/v1/regions/" + REGION + "/decomposition")
                .then().statusCode(200).extract().asString();
        long decompositions = events(EventTypes.DECOMPOSITION_CHANGED);
        long campaigns = events(EventTypes.CAMPAIGN_CHANGED);
        String after = given().auth().oauth2(ADMIN).contentType(XLSX).body(sheet)
                .post("/api/v1/regions/" + REGION + "/decomposition.xlsx").then().statusCode(200).extract().asString();
        assertEquals(before, after, "the same decomposition");
        assertEquals(decompositions + 1, events(EventTypes.DECOMPOSITION_CHANGED), "one event for the whole sheet");
        assertEquals(campaigns + 1, events(EventTypes.CAMPAIGN_CHANGED), "and one for its campaign columns");
    }

    @Test
    void aSheetWithAnUnknownUnitChangesNothing() throws IOException {
        byte[] sheet = given().auth().oauth2(ADMIN).get("/api/v1/regions/" + REGION + "/decomposition.xlsx")
                .then().statusCode(200).extract().asByteArray();
        byte[] broken;
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(sheet));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // the first indicator's row (under the title and the header), column 牵头单位
            wb.getSheet("任务分解表").getRow(2).getCell(7, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue("没有这个单位");
            wb.write(out);
            broken = out.toByteArray();
        }
        String before = given().auth().oauth2(ADMIN).get("/api/v1/regions/" + REGION + "/decomposition")
                .then().statusCode(200).extract().asString();
        long events = count("select count(*) from outbox_event");
        long changes = count("select count(*) from organisation_change");
        given().auth().oauth2(ADMIN).contentType(XLSX).body(broken).post("/api/v1/regions/" + REGION + "/decomposition.xlsx")
                .then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors.message", hasItem(containsString("没有这个单位")))
                .body("type", org.hamcrest.Matchers.equalTo("urn:nmsdz:problem:rule:decomposition"));
        assertEquals(before, given().auth().oauth2(ADMIN).get("/api/v1/regions/" + REGION + "/decomposition")
                .then().statusCode(200).extract().asString());
        assertEquals(events, count("select count(*) from outbox_event"), "nothing announced");
        assertEquals(changes, count("select count(*) from organisation_change"), "nothing recorded");
    }

    @Test
    void aDepartmentIsAddedAndRemovedWithItsEventsAndOneStillNamedIsKept() {
        String code = REGION + "-org-test";
        long decompositions = events(EventTypes.DECOMPOSITION_CHANGED);
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("code", code, "name", "组件测试办公室", "aliases", List.of(), "kind", "GOVERNMENT_DEPARTMENT",
                        "members", List.of()))
                .post("/api/v1/regions/" + REGION + "/departments").then().statusCode(201);
        assertEquals(decompositions + 1, events(EventTypes.DECOMPOSITION_CHANGED));
        given().auth().oauth2(ADMIN).delete("/api/v1/regions/" + REGION + "/departments/" + code)
                .then().statusCode(204);
        assertEquals(decompositions + 2, events(EventTypes.DECOMPOSITION_CHANGED));
        assertEquals(0, count("select count(*) from department where code = '" + code + "'"));

        String named = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select d.code from department d where d.region_code = '" + REGION + "' and exists (select 1 from "
                        + "decomposition_entry e where e.region_code = d.region_code and e.lead_units like '%\"' || d.code || '\"%') "
                        + "order by d.code limit 1").getSingleResult());
        given().auth().oauth2(ADMIN).header("Accept-Language", "en").delete("/api/v1/regions/" + REGION + "/departments/" + named)
                .then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("department " + named + " is still named by indicator "))
                .body("type", org.hamcrest.Matchers.equalTo("urn:nmsdz:problem:rule:campaign"));
        assertEquals(1, count("select count(*) from department where code = '" + named + "'"));
        assertEquals(decompositions + 2, events(EventTypes.DECOMPOSITION_CHANGED), "nothing announced for the refusal");
    }

    long events(String type) {
        return count("select count(*) from outbox_event where message_key = '" + REGION + "' and event_type = '" + type + "'");
    }

    long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
