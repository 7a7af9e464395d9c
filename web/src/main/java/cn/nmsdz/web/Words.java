package cn.nmsdz.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * How the workspace writes numbers, dates and states in the request's language: 85.8分, 76.0%, 2026年11月27日, 已采纳
 * in Chinese; 85.8 pts, 76.0%, 27 Nov 2026, accepted in English. A state's two names sit side by side here.
 */
public final class Words {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME_EN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm",
            java.util.Locale.ENGLISH);

    /** A word in Chinese and in English. */
    record Two(String zh, String en) {
        /** In the request's language. */
        String now() {
            return english() ? en : zh;
        }
    }

    private static boolean english() {
        return Lang.current() == Lang.Language.EN;
    }

    private static final Map<String, Two> EVIDENCE_STATES = Map.of(
            "SUBMITTED", new Two("已提交", "submitted"), "ACCEPTED", new Two("已采纳", "accepted"),
            "REJECTED", new Two("已退回", "returned"), "WITHDRAWN", new Two("已撤回", "withdrawn"));
    private static final Map<String, Two> KINDS = Map.of(
            "OBSERVATION", new Two("数据", "figure"), "DOCUMENT", new Two("文件", "document"),
            "CLAIM", new Two("自评说明", "self-assessment"), "ASSESSMENT", new Two("专家评审", "expert verdict"));
    private static final Map<String, Two> INDICATOR_STATES = Map.of(
            "NO_EVIDENCE", new Two("无材料", "no evidence"), "AWAITING_REVIEW", new Two("待审核", "awaiting review"),
            "ACCEPTED", new Two("已采纳", "accepted"), "AWAITING_EXPERT", new Two("待专家评审", "awaiting an expert"),
            "FULL_POINTS", new Two("满分", "full points"), "POINTS_LOST", new Two("失分", "points lost"),
            "SCORED", new Two("已评分", "scored"), "MISSING_INPUT", new Two("缺少材料", "evidence missing"));
    private static final Two NOT_APPLIED = new Two("未申报", "not applied");
    private static final Map<String, Two> APPLICATION_STATES = Map.of(
            "SUBMITTED", new Two("已申报", "applied"),
            "RECOMMENDED_BY_CITY", new Two("市级已推荐", "recommended by the city"),
            "RECOMMENDED_BY_PROVINCE", new Two("省级已推荐", "recommended by the province"),
            "NAMED", new Two("已命名", "named"), "NOT_NAMED", new Two("未命名", "not named"),
            "RETURNED", new Two("已退回", "returned"), "REVIEW_DUE", new Two("待复核", "review due"),
            "CONFIRMED", new Two("复核通过", "confirmed"), "REVOKED", new Two("已撤销", "revoked"));

    private static final Map<String, Two> LEVELS = Map.of(
            "COUNTY", new Two("申报地区", "applicant"), "CITY", new Two("市级", "city"),
            "PROVINCE", new Two("省级", "province"), "NATION", new Two("国家", "nation"));
    /** What an authority's button says for the state it moves an application to. */
    private static final Map<String, Two> DECISIONS = Map.of(
            "RECOMMENDED_BY_CITY", new Two("推荐（市级）", "Recommend (city)"),
            "RECOMMENDED_BY_PROVINCE", new Two("推荐（省级）", "Recommend (province)"),
            "RETURNED", new Two("退回", "Return"), "NAMED", new Two("命名", "Name"),
            "NOT_NAMED", new Two("不予命名", "Do not name"), "REVIEW_DUE", new Two("启动复核", "Start a review"),
            "CONFIRMED", new Two("复核通过", "Confirm"), "REVOKED", new Two("撤销命名", "Revoke"));

    /** What a notification is about, by its event type (cn.nmsdz.campaign.…). */
    private static final Two NOTIFICATION = new Two("通知", "notice");
    private static final Map<String, Two> NOTIFICATIONS = Map.of(
            "cn.nmsdz.campaign.item-overdue.v1", new Two("逾期", "overdue"),
            "cn.nmsdz.campaign.item-due-soon.v1", new Two("即将到期", "due soon"),
            "cn.nmsdz.campaign.task-overdue.v1", new Two("任务逾期", "task overdue"),
            "cn.nmsdz.campaign.evidence-rejected.v1", new Two("材料被退回", "evidence returned"),
            "cn.nmsdz.campaign.evidence-awaiting-review.v1", new Two("待审核", "awaiting review"),
            "cn.nmsdz.campaign.awaiting-expert.v1", new Two("待专家评审", "awaiting an expert"),
            "cn.nmsdz.campaign.pass-line-crossed.v1", new Two("达标线变化", "pass line crossed"),
            "cn.nmsdz.campaign.application-decided.v1", new Two("申报进展", "application decided"),
            "cn.nmsdz.campaign.application-awaiting.v1", new Two("待决定的申报", "application awaiting you"));

    private Words() {
    }

    /** 85.8分 (one decimal, as the standard's points are read); 85.8 pts in English. */
    public static String points(double value) {
        String number = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
        return english() ? number + " pts" : number + "分";
    }

    /** A percentage (as the APIs give rates: 76.25) as 76.3%. */
    public static String percent(double pct) {
        return BigDecimal.valueOf(pct).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** 2026年11月27日 (27 Nov 2026) from an ISO date or date-time; the text itself when it is neither. */
    public static String date(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        DateTimeFormatter format = english() ? DATE_EN : DATE;
        try {
            if (iso.length() == 10) {
                return LocalDate.parse(iso).format(format);
            }
            return OffsetDateTime.parse(iso).atZoneSameInstant(CHINA).format(format);
        } catch (RuntimeException e) {
            return iso;
        }
    }

    /** 2026年11月27日 14:05 (27 Nov 2026 14:05), China time. */
    public static String dateTime(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            return OffsetDateTime.parse(iso).atZoneSameInstant(CHINA).format(english() ? DATE_TIME_EN : DATE_TIME);
        } catch (RuntimeException e) {
            return date(iso);
        }
    }

    private static String word(Map<String, Two> words, String code) {
        Two word = words.get(code);
        return word == null ? code : word.now();
    }

    public static String evidenceState(String state) {
        return word(EVIDENCE_STATES, state);
    }

    public static String kind(String kind) {
        return word(KINDS, kind);
    }

    public static String indicatorState(String state) {
        return word(INDICATOR_STATES, state);
    }

    public static String applicationState(String state) {
        return state == null || state.isBlank() ? NOT_APPLIED.now() : word(APPLICATION_STATES, state);
    }

    /** Who decides a step of an application: 申报地区, 市级, 省级, 国家. */
    public static String level(String level) {
        return word(LEVELS, level);
    }

    /** An authority's decision, by the state it leads to: 推荐（市级）, 退回, 命名 … */
    public static String decision(String state) {
        return DECISIONS.containsKey(state) ? word(DECISIONS, state) : applicationState(state);
    }

    public static String notification(String type) {
        return NOTIFICATIONS.getOrDefault(type, NOTIFICATION).now();
    }

    /**
     * The half of a text the APIs write in both languages ("中文 / English") in the request's language; the text
     * itself when it has one language only.
     */
    public static String ours(String bilingual) {
        if (bilingual == null) {
            return "";
        }
        String[] halves = bilingual.split("\\s*/ (?=[A-Za-z])", 2);
        return (english() && halves.length == 2 ? halves[1] : halves[0]).strip();
    }

    /** The default assessment year: the year before the current one in China (the creation assesses a full year). */
    public static int defaultYear() {
        return LocalDate.now(CHINA).getYear() - 1;
    }
}
