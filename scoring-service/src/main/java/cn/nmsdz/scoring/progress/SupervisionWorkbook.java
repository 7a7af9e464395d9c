package cn.nmsdz.scoring.progress;

import cn.nmsdz.events.catalogue.CampaignData;
import cn.nmsdz.scoring.progress.ProgressViews.Board;
import cn.nmsdz.scoring.progress.ProgressViews.DepartmentRow;
import cn.nmsdz.scoring.progress.ProgressViews.IndicatorRow;
import cn.nmsdz.scoring.progress.ProgressViews.ItemProgress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 督查通报 (supervision notice) of a region as an .xlsx workbook, in Chinese: sheet 1 one row per department,
 * worst first (the board's order); sheet 2 every overdue indicator or item with its responsible persons. Every text
 * cell is a string cell and a text that starts like a formula (= + - @) is written with a leading apostrophe-style
 * quote prefix, so a spreadsheet never evaluates it.
 */
public final class SupervisionWorkbook {
    public static final List<String> DEPARTMENT_HEADER = List.of("序号", "责任单位", "承担指标数", "应得分", "已确认得分",
            "预计得分", "失分", "逾期事项", "待审核材料", "退回待重报", "最近报送");
    public static final List<String> OVERDUE_HEADER = List.of("序号", "指标编号", "指标名称", "子项", "时间节点", "牵头单位",
            "责任单位", "责任人员", "联系电话");

    private SupervisionWorkbook() {
    }

    public static byte[] write(Board board, String regionName) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle text = wb.createCellStyle();
            text.setQuotePrefixed(true); // "=…" stays text in Excel, WPS and LibreOffice
            String title = (regionName == null ? board.region() : regionName) + "示范区创建工作督查通报（" + board.year()
                    + "年度，截至" + board.asOf() + "）";

            Sheet departments = wb.createSheet("督查通报");
            header(departments, title, DEPARTMENT_HEADER, bold);
            int r = 2;
            for (DepartmentRow d : board.departments()) {
                Row row = departments.createRow(r);
                number(row, 0, r - 1);
                text(row, 1, d.name(), text);
                number(row, 2, d.indicatorsOwned());
                decimal(row, 3, d.pointsPossible());
                decimal(row, 4, board.snapshotNumber() == null ? null : d.pointsConfirmed());
                decimal(row, 5, board.snapshotNumber() == null ? null : d.pointsProjected());
                decimal(row, 6, d.pointsLost());
                number(row, 7, d.overdue());
                number(row, 8, d.awaitingReview());
                number(row, 9, d.rejectedToRedo());
                text(row, 10, d.lastActivity() == null ? "无" : d.lastActivity().atZoneSameInstant(ProgressService.ZONE)
                        .toLocalDateTime().withNano(0).toString().replace('T', ' '), text);
                r++;
            }
            widths(departments, 6, 30, 10, 8, 10, 10, 8, 8, 10, 10, 20);

            Sheet overdue = wb.createSheet("逾期事项");
            header(overdue, title + " — 逾期事项", OVERDUE_HEADER, bold);
            r = 2;
            for (IndicatorRow i : board.indicators()) {
                List<Object[]> lines = new ArrayList<>();
                if (i.overdue() && i.items().stream().noneMatch(ItemProgress::overdue)) {
                    lines.add(new Object[] {"", i.dueDate(), i.persons()});
                }
                i.items().stream().filter(ItemProgress::overdue).forEach(it -> lines.add(new Object[] {it.item(), it.dueDate(),
                        it.persons().isEmpty() ? i.persons() : it.persons()}));
                for (Object[] l : lines) {
                    @SuppressWarnings("unchecked")
                    List<CampaignData.Person> persons = (List<CampaignData.Person>) l[2];
                    Row row = overdue.createRow(r);
                    number(row, 0, r - 1);
                    text(row, 1, i.code(), text);
                    text(row, 2, i.name(), text);
                    text(row, 3, (String) l[0], text);
                    text(row, 4, String.valueOf(l[1]), text);
                    text(row, 5, String.join("、", i.leadUnits().stream().map(ProgressViews.Unit::name).toList()), text);
                    text(row, 6, String.join("、", i.responsibleUnits().stream().map(ProgressViews.Unit::name).toList()), text);
                    text(row, 7, String.join("、", persons.stream().map(CampaignData.Person::name).toList()), text);
                    text(row, 8, String.join("、", persons.stream().map(p -> p.phone() == null ? "" : p.phone()).toList()), text);
                    r++;
                }
            }
            widths(overdue, 6, 8, 30, 8, 12, 24, 30, 16, 16);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Sheet sheet, String title, List<String> names, CellStyle bold) {
        Row t = sheet.createRow(0);
        Cell c = t.createCell(0);
        c.setCellValue(title);
        c.setCellStyle(bold);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, names.size() - 1));
        Row h = sheet.createRow(1);
        for (int i = 0; i < names.size(); i++) {
            Cell cell = h.createCell(i);
            cell.setCellValue(names.get(i));
            cell.setCellStyle(bold);
        }
        sheet.createFreezePane(0, 2);
    }

    private static void text(Row row, int c, String value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(value == null ? "" : value); // always a string cell: never a formula
        cell.setCellStyle(style);
    }

    private static void number(Row row, int c, long value) {
        row.createCell(c).setCellValue(value);
    }

    private static void decimal(Row row, int c, BigDecimal value) {
        if (value == null) {
            row.createCell(c).setCellValue("—");
        } else {
            row.createCell(c).setCellValue(value.doubleValue());
        }
    }

    private static void widths(Sheet sheet, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            sheet.setColumnWidth(i, chars[i] * 256);
        }
    }
}
