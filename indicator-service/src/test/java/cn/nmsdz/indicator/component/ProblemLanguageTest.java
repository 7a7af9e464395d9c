package cn.nmsdz.indicator.component;

import static cn.nmsdz.testsupport.ProblemLanguage.bothLanguages;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.nmsdz.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A refusal of indicator-service reads in Chinese by default and in English for Accept-Language: en, with the same
 * type and status in both (issue 15: problem details in Chinese for what a user can cause).
 */
@QuarkusTest
@IndicatorComponentTest
class ProblemLanguageTest {
    static final String ADMIN = TestTokens.user("zh-admin", "catalogue-admin", Map.of());
    static final String READER = TestTokens.user("zh-reader", "score-reader", Map.of("region", "500118"));
    static final String YC_OFFICE = TestTokens.user("zh-yc-office", "creation-office", Map.of("region", "500118"));

    @Test
    void anotherRegionsOfficeIsRefusedInChineseAndInEnglish() {
        Map<String, Object> schedule = Map.of("dueDate", "2026-05-20",
                "persons", List.of(Map.of("department", "140829-market-supervision", "name", "李明", "phone", "0359-3522123")));
        bothLanguages(YC_OFFICE, Method.PUT, "/api/v1/regions/140829/decomposition/12/schedule", schedule, 403,
                "规则 own-region：创建办只管理本地区的组织数据；地区 140829 的组织数据由本地区的创建办和指标体系管理员写入，"
                        + "地区 500118 的令牌不能写入",
                "rule own-region: the organisation data of region 140829 is written by its own creation office and the "
                        + "catalogue admin, not by a token of region 500118");
    }

    @Test
    void anUnknownSystemIsNotFoundInChineseAndInEnglish() {
        bothLanguages(READER, Method.GET, "/api/v1/systems/NOPE", null, 404,
                "指标体系 NOPE 没有已发布的版本", "no indicator system NOPE is published");
    }

    @Test
    void aPublishedVersionIsNotPublishedAgainInChineseAndInEnglish() {
        bothLanguages(ADMIN, Method.POST, "/api/v1/systems/NMSDZ/publish?version=1", null, 409,
                "指标体系 NMSDZ 的版本 1 处于 PUBLISHED 状态；只有草稿（DRAFT）可以发布",
                "indicator system NMSDZ version 1 is PUBLISHED; only a DRAFT can be published");
    }

    @Test
    void aMissingQueryParameterIsNamedInChineseAndInEnglish() {
        bothLanguages(ADMIN, Method.POST, "/api/v1/systems/NMSDZ/drafts", null, 400,
                "查询参数 'from' 必填", "query parameter 'from' is required");
    }

}
