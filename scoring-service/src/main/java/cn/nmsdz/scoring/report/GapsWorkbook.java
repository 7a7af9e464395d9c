package cn.nmsdz.scoring.report;

import cn.nmsdz.scoring.domain.model.IndicatorStatus;
import cn.nmsdz.scoring.explain.Gaps;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** The gap view as a workbook: the indicators losing points, largest loss first, and who owns them. */
public final class GapsWorkbook {

    static final String[] COLUMNS = {"序号", "三级指标", "满分", "确认得分", "预计得分", "失分", "状态", "缺少的数据",
        "未满足的比较或条件", "待专家评估", "牵头单位", "责任单位"};

    private GapsWorkbook() {
    }

    public static byte[] write(Gaps.GapView view, String regionName) {
        Sheets x = new Sheets();
        Sheet sheet = x.workbook.createSheet("失分项");
        String header = regionName + "（" + view.region() + "） " + view.year() + "年 第" + view.snapshotNumber() + "号快照 失分项";
        int r = 0;
        x.text(sheet.createRow(r++), 0, "全国网络市场监管与服务示范区 失分项清单  " + header, x.title);
        Row totals = sheet.createRow(r++);
        x.text(totals, 0, "确认总分", x.bold);
        x.number(totals, 1, view.confirmedTotal());
        x.text(totals, 2, "失分合计", x.bold);
        x.number(totals, 3, view.pointsLost());
        x.text(totals, 4, view.decompositionKnown() ? "" : "尚未收到本地区的任务分解，牵头和责任单位暂缺");
        int headerRow = r;
        Row head = sheet.createRow(r++);
        for (int c = 0; c < COLUMNS.length; c++) {
            x.text(head, c, COLUMNS[c], x.header);
        }
        for (Gaps.Gap g : view.gaps()) {
            Row row = sheet.createRow(r++);
            x.text(row, 0, g.code());
            x.text(row, 1, g.name());
            x.number(row, 2, g.maxPoints());
            x.number(row, 3, g.points());
            x.number(row, 4, g.projectedPoints());
            x.number(row, 5, g.lost());
            x.text(row, 6, ScorecardWorkbook.status(IndicatorStatus.valueOf(g.status())));
            x.text(row, 7, String.join("\n", g.missingText()));
            x.text(row, 8, String.join("\n", g.unmet()));
            x.text(row, 9, String.join("、", g.awaitingExpert()));
            x.text(row, 10, names(g.leadUnits()));
            x.text(row, 11, names(g.responsibleUnits()));
        }
        int[] widths = {6, 36, 7, 9, 9, 7, 11, 40, 60, 14, 18, 28};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        sheet.createFreezePane(0, headerRow + 1);
        Sheets.print(sheet, header, headerRow);
        return x.bytes();
    }

    private static String names(List<Gaps.Department> departments) {
        return String.join("、", departments.stream().map(d -> d.name() == null ? d.code() : d.name()).toList());
    }
}
