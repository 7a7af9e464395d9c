package cn.nmsdz.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** How the workspace writes numbers, dates and states in Chinese: 85.8分, 76.0%, 2026年11月27日, 已采纳. */
public final class Words {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private static final Map<String, String> EVIDENCE_STATES = Map.of(
            "SUBMITTED", "已提交", "ACCEPTED", "已采纳", "REJECTED", "已退回", "WITHDRAWN", "已撤回");
    private static final Map<String, String> KINDS = Map.of(
            "OBSERVATION", "数据", "DOCUMENT", "文件", "CLAIM", "自评说明", "ASSESSMENT", "专家评审");
    private static final Map<String, String> INDICATOR_STATES = Map.ofEntries(
            Map.entry("NO_EVIDENCE", "无材料"), Map.entry("AWAITING_REVIEW", "待审核"),
            Map.entry("ACCEPTED", "已采纳"), Map.entry("AWAITING_EXPERT", "待专家评审"),
            Map.entry("FULL_POINTS", "满分"), Map.entry("POINTS_LOST", "失分"),
            Map.entry("SCORED", "已评分"), Map.entry("MISSING_INPUT", "缺少材料"));
    private static final Map<String, String> APPLICATION_STATES = Map.of(
            "SUBMITTED", "已申报", "RECOMMENDED_BY_CITY", "市级已推荐", "RECOMMENDED_BY_PROVINCE", "省级已推荐",
            "NAMED", "已命名", "NOT_NAMED", "未命名", "RETURNED", "已退回", "REVIEW_DUE", "待复核",
            "CONFIRMED", "复核通过", "REVOKED", "已撤销");

    private static final Map<String, String> LEVELS = Map.of(
            "COUNTY", "申报地区", "CITY", "市级", "PROVINCE", "省级", "NATION", "国家");
    /** What an authority's button says for the state it moves an application to. */
    private static final Map<String, String> DECISIONS = Map.of(
            "RECOMMENDED_BY_CITY", "推荐（市级）", "RECOMMENDED_BY_PROVINCE", "推荐（省级）", "RETURNED", "退回",
            "NAMED", "命名", "NOT_NAMED", "不予命名", "REVIEW_DUE", "启动复核", "CONFIRMED", "复核通过",
            "REVOKED", "撤销命名");

    /** What a notification is about, by its event type (cn.nmsdz.campaign.…). */
    private static final Map<String, String> NOTIFICATIONS = Map.of(
            "cn.nmsdz.campaign.item-overdue.v1", "逾期", "cn.nmsdz.campaign.item-due-soon.v1", "即将到期",
            "cn.nmsdz.campaign.task-overdue.v1", "任务逾期", "cn.nmsdz.campaign.evidence-rejected.v1", "材料被退回",
            "cn.nmsdz.campaign.evidence-awaiting-review.v1", "待审核", "cn.nmsdz.campaign.awaiting-expert.v1", "待专家评审",
            "cn.nmsdz.campaign.pass-line-crossed.v1", "达标线变化",
            "cn.nmsdz.campaign.application-decided.v1", "申报进展", "cn.nmsdz.campaign.application-awaiting.v1", "待决定的申报");

    private Words() {
    }

    /** 85.8分 (one decimal, as the standard's points are read). */
    public static String points(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString() + "分";
    }

    /** A percentage (as the APIs give rates: 76.25) as 76.3%. */
    public static String percent(double pct) {
        return BigDecimal.valueOf(pct).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** 2026年11月27日 from an ISO date or date-time; the text itself when it is neither. */
    public static String date(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            if (iso.length() == 10) {
                return LocalDate.parse(iso).format(DATE);
            }
            return OffsetDateTime.parse(iso).atZoneSameInstant(CHINA).format(DATE);
        } catch (RuntimeException e) {
            return iso;
        }
    }

    /** 2026年11月27日 14:05 (China time). */
    public static String dateTime(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            return OffsetDateTime.parse(iso).atZoneSameInstant(CHINA).format(DATE_TIME);
        } catch (RuntimeException e) {
            return date(iso);
        }
    }

    public static String evidenceState(String state) {
        return EVIDENCE_STATES.getOrDefault(state, state);
    }

    public static String kind(String kind) {
        return KINDS.getOrDefault(kind, kind);
    }

    public static String indicatorState(String state) {
        return INDICATOR_STATES.getOrDefault(state, state);
    }

    public static String applicationState(String state) {
        return state == null || state.isBlank() ? "未申报" : APPLICATION_STATES.getOrDefault(state, state);
    }

    /** Who decides a step of an application: 申报地区, 市级, 省级, 国家. */
    public static String level(String level) {
        return LEVELS.getOrDefault(level, level);
    }

    /** An authority's decision, by the state it leads to: 推荐（市级）, 退回, 命名 … */
    public static String decision(String state) {
        return DECISIONS.getOrDefault(state, applicationState(state));
    }

    public static String notification(String type) {
        return NOTIFICATIONS.getOrDefault(type, "通知");
    }

    /** The Chinese half of a text the APIs write in both languages ("中文 / English"); the text itself otherwise. */
    public static String chinese(String bilingual) {
        return bilingual == null ? "" : bilingual.split("\\s*/ (?=[A-Za-z])", 2)[0].strip();
    }

    /** The default assessment year: the year before the current one in China (the creation assesses a full year). */
    public static int defaultYear() {
        return LocalDate.now(CHINA).getYear() - 1;
    }
}
