package cn.nmsdz.scoring.report;

import cn.nmsdz.events.catalogue.CampaignData;
import cn.nmsdz.events.catalogue.FirstLevelNode;
import cn.nmsdz.events.catalogue.Indicator;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.MetricDefinition;
import cn.nmsdz.events.catalogue.RuleMetrics;
import cn.nmsdz.events.catalogue.SecondLevelNode;
import cn.nmsdz.events.evidence.EvidenceKind;
import cn.nmsdz.events.evidence.ReviewState;
import cn.nmsdz.scoring.domain.model.FirstLevelScore;
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.domain.model.InputUsed;
import cn.nmsdz.scoring.explain.Gaps.Gap;
import cn.nmsdz.scoring.explain.Gaps.GapView;
import cn.nmsdz.scoring.snapshot.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * The 自评报告 draft a county submits with its application, as a Word document its office edits (in Word or WPS) before
 * signing: 一、基本情况 (the creation plan and the leadership group), 二、自评得分 (by first-level indicator, with the
 * pass verdict in words), 三、各项指标自评情况 (each of the indicators in catalogue order: points, explanation, the
 * evidence behind it — figures with their source, documents with file name and SHA-256, claims and expert verdicts —
 * and the units that own it), 四、存在差距及责任单位. Built only from what scoring-service projects. A4 portrait.
 */
public final class SelfEvaluationDocument {
    static final String BODY_FONT = "宋体";
    static final String HEADING_FONT = "黑体";
    private static final String OBSERVATION = EvidenceKind.OBSERVATION.name();

    /** One piece of evidence as the report lists it. */
    public record Evidence(String id, String kind, String state, String indicator, String item, String department,
            String metric, Integer year, BigDecimal value, String subject, String source, String fileName,
            String sha256, Boolean satisfied, BigDecimal points, String comment) {
    }

    /** Everything the report says, gathered by {@link Reports}. */
    public record Content(Snapshot snapshot, IndicatorSystemDocument system, CampaignData campaign,
            Map<String, String> departmentNames, Map<String, ScorecardWorkbook.Owners> owners, List<Evidence> evidence,
            GapView gaps) {
    }

    private final XWPFDocument doc = new XWPFDocument();
    private final Content c;
    private final Map<String, MetricDefinition> metrics;

    private SelfEvaluationDocument(Content content) {
        this.c = content;
        this.metrics = content.system().metrics() == null ? Map.of() : content.system().metrics().stream()
                .filter(m -> m != null && m.code() != null)
                .collect(Collectors.toMap(MetricDefinition::code, Function.identity(), (a, b) -> a));
    }

    public static byte[] write(Content content) {
        SelfEvaluationDocument d = new SelfEvaluationDocument(content);
        d.a4();
        d.cover();
        d.basicFacts();
        d.scores();
        d.indicators();
        d.gaps();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            d.doc.write(out);
            d.doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ parts

    private void cover() {
        Snapshot s = c.snapshot();
        paragraph(s.regionName() + "创建全国网络市场监管与服务示范区自评报告", HEADING_FONT, 18, true,
                ParagraphAlignment.CENTER);
        paragraph("（草稿）", BODY_FONT, 12, false, ParagraphAlignment.CENTER);
        paragraph("评估年度：" + s.year() + "年　依据：第" + s.number() + "号评分快照（"
                + ScorecardWorkbook.TIME.format(s.createdAt()) + "，北京时间）　指标体系：" + s.systemCode() + " 第"
                + s.systemVersion() + "版", BODY_FONT, 10.5, false, ParagraphAlignment.CENTER);
    }

    private void basicFacts() {
        heading("一、基本情况");
        CampaignData.Plan plan = c.campaign() == null ? null : c.campaign().plan();
        if (plan == null) {
            text("创建方案：尚未录入。");
        } else {
            text("创建方案：《" + plan.title() + "》" + join("，", plan.documentNumber(), plan.issuer(),
                    plan.issuedOn() == null ? null : date(plan.issuedOn()) + "印发") + "。");
        }
        CampaignData.Leadership group = c.campaign() == null ? null : c.campaign().leadership();
        if (group == null) {
            text("创建工作领导小组：尚未录入。");
            return;
        }
        text("创建工作领导小组：" + group.title() + "。");
        List<CampaignData.Member> members = group.members() == null ? List.of() : group.members();
        if (!members.isEmpty()) {
            XWPFTable table = table(List.of("职务", "姓名", "职位", "所在单位"));
            for (CampaignData.Member m : members) {
                row(table, m.role(), m.person(), m.position(), department(m.department()));
            }
        }
        CampaignData.Office office = group.office();
        if (office != null) {
            text("领导小组办公室：" + join("；", office.text(), office.department() == null ? null
                    : "设在" + department(office.department()), office.director() == null ? null
                    : "主任 " + office.director(), office.liaison() == null ? null : "联络员 " + office.liaison()) + "。");
        }
    }

    private void scores() {
        heading("二、自评得分");
        Snapshot s = c.snapshot();
        text("确认得分 " + points(s.confirmed().total()) + " 分，预计得分 " + points(s.projected().total())
                + " 分（含待审核材料和自评申明）；满分 " + points(s.confirmed().maxTotal()) + " 分。");
        XWPFTable table = table(List.of("一级指标", "满分", "确认得分", "预计得分", "确认得分率"));
        for (int i = 0; i < s.confirmed().firstLevel().size(); i++) {
            FirstLevelScore f = s.confirmed().firstLevel().get(i);
            FirstLevelScore p = s.projected().firstLevel().get(i);
            row(table, f.code() + " " + f.name(), points(f.maxPoints()), points(f.points()), points(p.points()),
                    ScorecardWorkbook.rate(f.points(), f.maxPoints()).toPlainString() + "%");
        }
        row(table, "合计", points(s.confirmed().maxTotal()), points(s.confirmed().total()), points(s.projected().total()),
                "");
        boolean passed = s.confirmed().verdict().passed();
        text("结论：按确认得分" + (passed ? "已达到" : "尚未达到") + "示范区评估标准（总分不低于85分，且各一级指标得分率不低于75%）。");
        for (String reason : s.confirmed().verdict().reasons()) {
            text("　　" + reason);
        }
    }

    private void indicators() {
        heading("三、各项指标自评情况");
        Map<String, IndicatorScore> confirmed = byCode(c.snapshot().confirmed().indicators());
        Map<String, IndicatorScore> projected = byCode(c.snapshot().projected().indicators());
        Map<String, Evidence> byId = c.evidence().stream().collect(Collectors.toMap(Evidence::id, e -> e, (a, b) -> a));
        for (FirstLevelNode first : c.system().firstLevel()) {
            subheading(first.code() + " " + first.name() + "（" + points(first.maxPoints()) + "分）");
            for (SecondLevelNode second : first.children()) {
                text(second.code() + " " + second.name() + "（" + points(second.maxPoints()) + "分）", HEADING_FONT);
                for (Indicator indicator : second.indicators()) {
                    indicator(indicator, confirmed.get(indicator.code()), projected.get(indicator.code()), byId);
                }
            }
        }
    }

    private void indicator(Indicator indicator, IndicatorScore score, IndicatorScore projected,
            Map<String, Evidence> byId) {
        paragraph(indicator.number() + ". " + indicator.name(), HEADING_FONT, 10.5, true, ParagraphAlignment.LEFT);
        if (score == null) {
            text("　　本快照未评此项。");
            return;
        }
        text("　　得分：确认 " + points(score.points()) + " 分，预计 " + points(projected == null ? score.points()
                : projected.points()) + " 分（满分 " + points(score.maxPoints()) + " 分）；状态："
                + ScorecardWorkbook.status(score.status()) + "。");
        for (String line : score.explanation()) {
            text("　　" + line);
        }
        ScorecardWorkbook.Owners owners = c.owners().getOrDefault(indicator.code(), ScorecardWorkbook.Owners.NONE);
        if (!owners.lead().isEmpty() || !owners.responsible().isEmpty()) {
            text("　　牵头单位：" + or(String.join("、", owners.lead())) + "；责任单位："
                    + or(String.join("、", owners.responsible())) + "。");
        }
        List<String> lines = evidenceLines(indicator, score, projected, byId);
        text("　　佐证材料：" + (lines.isEmpty() ? "无。" : ""));
        for (int i = 0; i < lines.size(); i++) {
            text("　　（" + (i + 1) + "）" + lines.get(i));
        }
    }

    /**
     * The figures behind the indicator — those its score read, then the region's latest of every other metric it reads
     * for the years of the window (Y−2 to Y), rejected ones left out — then its documents, claims and verdicts.
     */
    List<String> evidenceLines(Indicator indicator, IndicatorScore score, IndicatorScore projected,
            Map<String, Evidence> byId) {
        String code = indicator.code();
        Set<String> figures = new LinkedHashSet<>();
        for (IndicatorScore s : projected == null ? List.of(score) : List.of(score, projected)) {
            for (InputUsed input : s.inputs() == null ? List.<InputUsed>of() : s.inputs()) {
                if (input.evidenceId() != null && input.region() != null && input.region().equals(c.snapshot().region())) {
                    figures.add(input.evidenceId());
                }
            }
        }
        Set<String> reads = RuleMetrics.of(indicator);
        int year = c.snapshot().year();
        Map<String, String> latest = new java.util.TreeMap<>(); // metric, year and subject → the latest figure's id
        for (Evidence e : c.evidence()) { // in position order: a later figure replaces an earlier one
            if (OBSERVATION.equals(e.kind()) && reads.contains(e.metric()) && e.year() != null
                    && e.year() >= year - 2 && e.year() <= year && !ReviewState.REJECTED.name().equals(e.state())) {
                latest.put(e.metric() + "|" + e.year() + "|" + (e.subject() == null ? "" : e.subject()), e.id());
            }
        }
        figures.addAll(latest.values());
        List<String> lines = new ArrayList<>();
        for (String id : figures) {
            Evidence e = byId.get(id);
            if (e != null) {
                lines.add(figure(e));
            }
        }
        for (Evidence e : c.evidence()) {
            if (!code.equals(e.indicator()) || OBSERVATION.equals(e.kind())) {
                continue;
            }
            String item = e.item() == null ? "" : "（" + e.item() + "）";
            switch (EvidenceKind.valueOf(e.kind())) {
                case DOCUMENT -> lines.add("文件《" + or(e.fileName()) + "》" + item + "，SHA-256：" + or(e.sha256())
                        + "，" + department(e.department()) + "，" + state(e.state()));
                case CLAIM -> lines.add("自评申明" + item + "：" + (Boolean.FALSE.equals(e.satisfied()) ? "未达到" : "已达到")
                        + (e.comment() == null ? "" : "，" + e.comment()) + "，" + department(e.department()) + "，"
                        + state(e.state()));
                case ASSESSMENT -> lines.add("专家评审意见" + item + "：" + (e.points() != null
                        ? "给予 " + points(e.points()) + " 分" : Boolean.TRUE.equals(e.satisfied()) ? "符合" : "不符合")
                        + (e.comment() == null ? "" : "，" + e.comment()));
                default -> { }
            }
        }
        return lines;
    }

    private String figure(Evidence e) {
        MetricDefinition m = metrics.get(e.metric());
        String name = m == null || m.name() == null ? e.metric() : m.name();
        String unit = m == null || m.unit() == null ? "" : m.unit();
        return e.year() + "年" + name + "：" + (e.value() == null ? "—" : e.value().stripTrailingZeros().toPlainString())
                + unit + "，来源：" + or(e.source()) + "，" + department(e.department()) + "，" + state(e.state());
    }

    private void gaps() {
        heading("四、存在差距及责任单位");
        GapView view = c.gaps();
        if (view == null || view.gaps().isEmpty()) {
            text("各项指标均已得满分。");
            return;
        }
        text("按确认得分共失 " + points(view.pointsLost()) + " 分，按失分多少排列：");
        XWPFTable table = table(List.of("序号", "指标", "失分", "原因", "牵头单位", "责任单位"));
        for (Gap g : view.gaps()) {
            List<String> why = new ArrayList<>(g.unmet());
            why.addAll(g.missingText() == null ? List.of() : g.missingText());
            if (!g.awaitingExpert().isEmpty()) {
                why.add("待专家评审：" + String.join("、", g.awaitingExpert()));
            }
            row(table, g.code(), g.name(), points(g.lost()), String.join("\n", why),
                    g.leadUnits().stream().map(d -> d.name() == null ? d.code() : d.name()).collect(Collectors.joining("、")),
                    g.responsibleUnits().stream().map(d -> d.name() == null ? d.code() : d.name())
                            .collect(Collectors.joining("、")));
        }
    }

    // ------------------------------------------------------------------ words

    static String state(String state) {
        if (state == null) {
            return "";
        }
        return switch (ReviewState.valueOf(state)) {
            case SUBMITTED -> "待审核";
            case ACCEPTED -> "已采纳";
            case REJECTED -> "已退回";
            case WITHDRAWN -> "已撤回";
        };
    }

    static String points(BigDecimal value) {
        return value == null ? "—" : value.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private String department(String code) {
        if (code == null) {
            return "—";
        }
        return c.departmentNames().getOrDefault(code, code);
    }

    private static String or(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    private static String join(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                present.add(p);
            }
        }
        return String.join(separator, present);
    }

    private static Map<String, IndicatorScore> byCode(List<IndicatorScore> scores) {
        Map<String, IndicatorScore> map = new HashMap<>();
        scores.forEach(s -> map.put(s.code(), s));
        return map;
    }

    // ------------------------------------------------------------------ Word

    private void a4() {
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906)); // 210 mm in twentieths of a point
        size.setH(BigInteger.valueOf(16838)); // 297 mm
    }

    private void heading(String text) {
        paragraph(text, HEADING_FONT, 14, true, ParagraphAlignment.LEFT);
    }

    private void subheading(String text) {
        paragraph(text, HEADING_FONT, 12, true, ParagraphAlignment.LEFT);
    }

    private void text(String text) {
        paragraph(text, BODY_FONT, 10.5, false, ParagraphAlignment.LEFT);
    }

    private void text(String text, String font) {
        paragraph(text, font, 10.5, false, ParagraphAlignment.LEFT);
    }

    private void paragraph(String text, String font, double size, boolean bold, ParagraphAlignment alignment) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        run(p, text, font, size, bold);
    }

    private static void run(XWPFParagraph p, String text, String font, double size, boolean bold) {
        String[] lines = text.split("\n", -1);
        XWPFRun r = p.createRun();
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
        r.setFontSize(size);
        r.setBold(bold);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                r.addBreak();
            }
            r.setText(lines[i]);
        }
    }

    private XWPFTable table(List<String> header) {
        XWPFTable table = doc.createTable(1, header.size());
        table.setWidth("100%");
        XWPFTableRow first = table.getRow(0);
        for (int i = 0; i < header.size(); i++) {
            XWPFParagraph p = first.getCell(i).getParagraphs().get(0);
            run(p, header.get(i), HEADING_FONT, 10.5, true);
        }
        first.setRepeatHeader(true);
        return table;
    }

    private static void row(XWPFTable table, String... cells) {
        XWPFTableRow row = table.createRow();
        for (int i = 0; i < cells.length; i++) {
            XWPFParagraph p = row.getCell(i).getParagraphs().get(0);
            run(p, cells[i] == null ? "" : cells[i], BODY_FONT, 10.5, false);
        }
    }
}
