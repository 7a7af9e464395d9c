package cn.nmsdz.scoring.report;

import cn.nmsdz.events.catalogue.FirstLevelNode;
import cn.nmsdz.events.catalogue.Indicator;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.SecondLevelNode;
import cn.nmsdz.scoring.domain.model.FirstLevelScore;
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.domain.model.IndicatorStatus;
import cn.nmsdz.scoring.domain.model.ScoreResult;
import cn.nmsdz.scoring.domain.model.SecondLevelScore;
import cn.nmsdz.scoring.snapshot.Snapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The scorecard of one snapshot as the evaluators lay it out: sheet 汇总 (verdict, totals, first-level rates) and
 * sheet 评分表 (the 5/10/41 tree with maximum, confirmed and projected points, rate, status, explanation, lead and
 * responsible units), A4 landscape with region, year, snapshot number and time in the page header.
 */
public final class ScorecardWorkbook {

    /** The lead and responsible units of one indicator, by name. */
    public record Owners(List<String> lead, List<String> responsible) {
        static final Owners NONE = new Owners(List.of(), List.of());
    }

    static final String[] COLUMNS = {"一级指标", "二级指标", "序号", "三级指标", "满分", "确认得分", "预计得分", "得分率（%）",
        "状态", "评分说明", "牵头单位", "责任单位"};
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.ofHours(8));

    private ScorecardWorkbook() {
    }

    /** "永川区（500118） 2025年 第12号快照 2026-11-27 10:15（北京时间）". */
    static String headerText(Snapshot s) {
        return s.regionName() + "（" + s.region() + "） " + s.year() + "年 第" + s.number() + "号快照 "
                + TIME.format(s.createdAt()) + "（北京时间）";
    }

    public static String status(IndicatorStatus status) {
        return switch (status) {
            case SCORED -> "已评分";
            case MISSING_INPUT -> "缺少数据";
            case AWAITING_EXPERT -> "待专家评估";
        };
    }

    /** Points / max × 100, two decimals, half-up; a zero maximum gives 100. */
    static BigDecimal rate(BigDecimal points, BigDecimal max) {
        if (max == null || max.signum() == 0) {
            return new BigDecimal("100.00");
        }
        return points.multiply(BigDecimal.valueOf(100)).divide(max, 2, RoundingMode.HALF_UP);
    }

    public static byte[] write(Snapshot s, IndicatorSystemDocument system, Map<String, Owners> owners) {
        Sheets sheets = new Sheets();
        summary(sheets, s);
        scorecard(sheets, s, system, owners);
        return sheets.bytes();
    }

    private static void summary(Sheets x, Snapshot s) {
        Sheet sheet = x.workbook.createSheet("汇总");
        int r = 0;
        x.text(sheet.createRow(r++), 0, "全国网络市场监管与服务示范区 评分汇总", x.title);
        String[][] facts = {
            {"地区", s.regionName() + "（" + s.region() + "）"},
            {"评估年度", String.valueOf(s.year())},
            {"快照编号", String.valueOf(s.number())},
            {"计算时间", TIME.format(s.createdAt()) + "（北京时间）"},
            {"指标体系", s.systemCode() + " 第" + s.systemVersion() + "版"},
        };
        for (String[] f : facts) {
            Row row = sheet.createRow(r++);
            x.text(row, 0, f[0], x.bold);
            x.text(row, 1, f[1]);
        }
        r++;
        Row head = sheet.createRow(r++);
        String[] columns = {"", "总分", "满分", "是否达标", "未达标原因"};
        for (int c = 0; c < columns.length; c++) {
            x.text(head, c, columns[c], x.header);
        }
        for (ScoreResult result : List.of(s.confirmed(), s.projected())) {
            Row row = sheet.createRow(r++);
            x.text(row, 0, result == s.confirmed() ? "确认得分" : "预计得分", x.bold);
            x.number(row, 1, result.total());
            x.number(row, 2, result.maxTotal());
            x.text(row, 3, result.verdict().passed() ? "达标" : "未达标");
            x.text(row, 4, String.join("\n", result.verdict().reasons()));
        }
        r++;
        Row levels = sheet.createRow(r++);
        String[] levelColumns = {"一级指标", "满分", "确认得分", "确认得分率（%）", "预计得分", "预计得分率（%）"};
        for (int c = 0; c < levelColumns.length; c++) {
            x.text(levels, c, levelColumns[c], x.header);
        }
        for (int i = 0; i < s.confirmed().firstLevel().size(); i++) {
            FirstLevelScore f = s.confirmed().firstLevel().get(i);
            FirstLevelScore p = s.projected().firstLevel().get(i);
            Row row = sheet.createRow(r++);
            x.text(row, 0, f.code() + " " + f.name());
            x.number(row, 1, f.maxPoints());
            x.number(row, 2, f.points());
            x.number(row, 3, f.rate());
            x.number(row, 4, p.points());
            x.number(row, 5, p.rate());
        }
        sheet.setColumnWidth(0, 16 * 256);
        sheet.setColumnWidth(1, 30 * 256);
        for (int c = 2; c < 6; c++) {
            sheet.setColumnWidth(c, 14 * 256);
        }
        sheet.setColumnWidth(4, 60 * 256);
        Sheets.print(sheet, headerText(s), -1);
    }

    private static void scorecard(Sheets x, Snapshot s, IndicatorSystemDocument system, Map<String, Owners> owners) {
        Sheet sheet = x.workbook.createSheet("评分表");
        Map<String, IndicatorScore> confirmed = byCode(s.confirmed());
        Map<String, IndicatorScore> projected = byCode(s.projected());
        Map<String, SecondLevelScore> secondConfirmed = new HashMap<>();
        Map<String, SecondLevelScore> secondProjected = new HashMap<>();
        s.confirmed().firstLevel().forEach(f -> f.children().forEach(c -> secondConfirmed.put(c.code(), c)));
        s.projected().firstLevel().forEach(f -> f.children().forEach(c -> secondProjected.put(c.code(), c)));
        Map<String, FirstLevelScore> firstProjected = new HashMap<>();
        s.projected().firstLevel().forEach(f -> firstProjected.put(f.code(), f));
        Map<String, FirstLevelScore> firstConfirmed = new HashMap<>();
        s.confirmed().firstLevel().forEach(f -> firstConfirmed.put(f.code(), f));

        int r = 0;
        x.text(sheet.createRow(r++), 0, "全国网络市场监管与服务示范区 评分表  " + headerText(s), x.title);
        int headerRow = r;
        Row head = sheet.createRow(r++);
        for (int c = 0; c < COLUMNS.length; c++) {
            x.text(head, c, COLUMNS[c], x.header);
        }
        for (FirstLevelNode first : system.firstLevel()) {
            FirstLevelScore fc = firstConfirmed.get(first.code());
            FirstLevelScore fp = firstProjected.get(first.code());
            Row row = sheet.createRow(r++);
            x.text(row, 0, first.code() + " " + first.name(), x.bold);
            x.number(row, 4, fc.maxPoints());
            x.number(row, 5, fc.points());
            x.number(row, 6, fp.points());
            x.number(row, 7, fc.rate());
            for (SecondLevelNode second : first.children()) {
                SecondLevelScore sc = secondConfirmed.get(second.code());
                SecondLevelScore sp = secondProjected.get(second.code());
                Row srow = sheet.createRow(r++);
                x.text(srow, 1, second.code() + " " + second.name(), x.bold);
                x.number(srow, 4, sc.maxPoints());
                x.number(srow, 5, sc.points());
                x.number(srow, 6, sp.points());
                x.number(srow, 7, sc.rate());
                for (Indicator indicator : second.indicators()) {
                    IndicatorScore ic = confirmed.get(indicator.code());
                    IndicatorScore ip = projected.get(indicator.code());
                    Owners o = owners.getOrDefault(indicator.code(), Owners.NONE);
                    Row irow = sheet.createRow(r++);
                    x.number(irow, 2, BigDecimal.valueOf(ic.number()));
                    x.text(irow, 3, ic.name());
                    x.number(irow, 4, ic.maxPoints());
                    x.number(irow, 5, ic.points());
                    x.number(irow, 6, ip.points());
                    x.number(irow, 7, rate(ic.points(), ic.maxPoints()));
                    x.text(irow, 8, status(ic.status()));
                    x.text(irow, 9, String.join("\n", ic.explanation()));
                    x.text(irow, 10, String.join("、", o.lead()));
                    x.text(irow, 11, String.join("、", o.responsible()));
                }
            }
        }
        int[] widths = {14, 16, 6, 36, 7, 9, 9, 10, 11, 80, 18, 28};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        sheet.createFreezePane(0, headerRow + 1);
        Sheets.print(sheet, headerText(s), headerRow);
    }

    private static Map<String, IndicatorScore> byCode(ScoreResult r) {
        Map<String, IndicatorScore> map = new HashMap<>();
        r.indicators().forEach(i -> map.put(i.code(), i));
        return map;
    }
}
