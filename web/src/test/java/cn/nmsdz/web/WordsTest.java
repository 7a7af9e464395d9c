package cn.nmsdz.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void pointsPercentagesAndDatesAreWrittenTheChineseWay() {
        assertEquals("85.8分", Words.points(85.75));
        assertEquals("0.0分", Words.points(0));
        assertEquals("76.7%", Words.percent(76.67));
        assertEquals("2026年11月27日", Words.date("2026-11-27"));
        // an instant is shown in China's time: 17:32 UTC is the next day in Beijing
        assertEquals("2026年11月28日", Words.date("2026-11-27T17:32:45.607811Z"));
        assertEquals("2026年11月28日 01:32", Words.dateTime("2026-11-27T17:32:45.607811Z"));
    }

    @Test
    void statesHaveTheirChineseNames() {
        assertEquals("已提交", Words.evidenceState("SUBMITTED"));
        assertEquals("已采纳", Words.evidenceState("ACCEPTED"));
        assertEquals("已退回", Words.evidenceState("REJECTED"));
        assertEquals("待专家评审", Words.indicatorState("AWAITING_EXPERT"));
        assertEquals("未申报", Words.applicationState(""));
        assertEquals("省级已推荐", Words.applicationState("RECOMMENDED_BY_PROVINCE"));
    }

    @Test
    void aRegionCoversItselfAndWhatLiesUnderIt() {
        assertTrue(Viewer.covers("140000", "140829"), "山西省 covers 平陆县");
        assertTrue(Viewer.covers("140800", "140829"), "运城市 covers 平陆县");
        assertTrue(Viewer.covers("CN", "500118"));
        assertFalse(Viewer.covers("140000", "500118"), "山西省 does not cover 永川区");
        assertFalse(Viewer.covers("140100", "140829"), "太原市 does not cover 平陆县");
        assertFalse(Viewer.covers("140829", "140800"), "a county does not cover its city");
        assertTrue(Viewer.isCounty("500118"));
        assertFalse(Viewer.isCounty("140800"));
    }

    @Test
    void aTextInBothLanguagesIsShownByItsChineseHalf() {
        assertEquals("指标25“及时受理”已逾期，时间节点 2026-11-20",
                Words.ours("指标25“及时受理”已逾期，时间节点 2026-11-20 / indicator 25 is overdue since 2026-11-20"));
        assertEquals("时间节点不在创建的任何阶段内（[全面推进]）",
                Words.ours("时间节点不在创建的任何阶段内（[全面推进]）/ the due date lies outside the creation's stages"));
        assertEquals("2026/11/20 前报送", Words.ours("2026/11/20 前报送"));
        assertEquals("逾期", Words.notification("cn.nmsdz.campaign.item-overdue.v1"));
        assertEquals("通知", Words.notification("cn.nmsdz.campaign.something-new.v1"));
    }
}
