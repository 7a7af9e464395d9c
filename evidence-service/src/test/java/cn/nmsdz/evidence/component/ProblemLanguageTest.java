package cn.nmsdz.evidence.component;

import static cn.nmsdz.testsupport.ProblemLanguage.bothLanguages;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.nmsdz.events.catalogue.DecompositionData;
import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.evidence.messaging.CatalogueConsumer;
import cn.nmsdz.testsupport.TestEvents;
import cn.nmsdz.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Method;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A refusal of evidence-service reads in Chinese by default and in English for Accept-Language: en, with the same
 * type and status in both (issue 15: problem details in Chinese for what a user can cause). One region of its own
 * (509821).
 */
@QuarkusTest
@EvidenceComponentTest
class ProblemLanguageTest {
    static final String REGION = "509821";
    static final String OTHER = "509822";
    /** Submits and reviews: the four-eyes rule still keeps it from deciding on its own claim. */
    static final String SUBMITTER_AND_REVIEWER = TestTokens.user("zh-both", List.of("evidence-submitter", "evidence-reviewer"),
            Map.of("region", REGION, "department", "market"));
    static final String EXPERT = TestTokens.user("zh-expert", "expert", Map.of("assigned_regions", List.of(REGION)));

    @Inject
    CatalogueConsumer catalogue;

    @Inject
    EntityManager em;

    @BeforeEach
    void catalogueRegionsAndDecomposition() {
        EvidenceApiTest.catalogueAndRegions(catalogue, em, REGION, "语言测试区", OTHER, "语言测试邻区");
    }

    @Test
    void anExpertOutsideItsAssignmentIsRefusedInChineseAndInEnglish() {
        bothLanguages(EXPERT, Method.POST, "/api/v1/regions/" + OTHER + "/assessments",
                Map.of("indicator", "12", "item", "12.1", "year", 2025, "satisfied", true, "comment", "齐全"), 403,
                "规则 expert-assignment：专家 zh-expert 分派到 509821，没有分派到 509822（Keycloak 用户属性 assigned_regions）",
                "rule expert-assignment: expert zh-expert is assigned to 509821, not to 509822 (Keycloak user attribute "
                        + "assigned_regions)");
    }

    @Test
    void anIdThatIsNoEvidenceIdIsNotFoundInChineseAndInEnglish() {
        bothLanguages(EXPERT, Method.GET, "/api/v1/evidence/not-an-id", null, 404,
                "没有佐证材料 not-an-id（不是佐证材料的 id）", "no evidence not-an-id (not an evidence id)");
    }

    @Test
    void theSubmitterNeitherReviewsItsClaimNorWithdrawsItTwiceInChineseAndInEnglish() {
        String id = given().auth().oauth2(SUBMITTER_AND_REVIEWER).contentType(ContentType.JSON)
                .body(Map.of("indicator", "12", "year", 2025, "satisfied", true))
                .post("/api/v1/regions/" + REGION + "/claims").then().statusCode(201).extract().path("id");
        bothLanguages(SUBMITTER_AND_REVIEWER, Method.POST, "/api/v1/evidence/" + id + "/review", Map.of("decision", "ACCEPT"),
                403, "规则 four-eyes：zh-both 提交了这份佐证材料，不能审核它；由地区 509821 的另一位审核人决定",
                "rule four-eyes: zh-both submitted this evidence and cannot review it; another reviewer of region 509821 "
                        + "decides on it");
        given().auth().oauth2(SUBMITTER_AND_REVIEWER).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .post("/api/v1/evidence/" + id + "/review").then().statusCode(403)
                .body("type", org.hamcrest.Matchers.equalTo("urn:nmsdz:problem:rule:four-eyes"));
        given().auth().oauth2(SUBMITTER_AND_REVIEWER).contentType(ContentType.JSON).body(Map.of("reason", "重复"))
                .post("/api/v1/evidence/" + id + "/withdraw").then().statusCode(200);
        bothLanguages(SUBMITTER_AND_REVIEWER, Method.POST, "/api/v1/evidence/" + id + "/withdraw", Map.of("reason", "重复"),
                409, "处于 WITHDRAWN 状态的佐证材料不能撤回", "evidence that is WITHDRAWN cannot be withdrawn");
    }

}
