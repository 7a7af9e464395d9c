package cn.nmsdz.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 数据填报 template of a department: one row per figure it reports (metric and statistical year), with its Chinese
 * name and unit, a value and a source to fill in. Read back all or nothing: every cell that is wrong is named by row
 * and column, and nothing is sent while one is. A pure class, tested without a server.
 *
 * <p>The workbook is an official document: its sheet, headings, caption and cells stay Chinese. What is wrong with an
 * uploaded file is said on the page, in the request's language ({@link WorkText}); a wrong cell is named by its row and
 * the workbook's (Chinese) heading of its column, as the user sees them in the file.
 */
final class FigureTemplate {
    static final String SHEET = "数据填报";
    static final List<String> COLUMNS = List.of("数据项代码", "数据项", "单位", "统计年度", "数值", "数据来源");
    static final int METRIC = 0;
    static final int YEAR = 3;
    static final int VALUE = 4;
    static final int SOURCE = 5;
    /** As many rows as one API batch takes. */
    static final int MAX_ROWS = 10_000;
    /** JSON field of a figure → the template's column, for the API's JSON pointers. */
    static final Map<String, Integer> FIELD_COLUMN = Map.of("metric", METRIC, "year", YEAR, "value", VALUE,
            "source", SOURCE);

    /** A row to fill in. */
    record Line(String metric, String name, String unit, int year) {
    }

    /** A filled-in row; {@code row} is its number as Excel shows it. */
    record Figure(int row, String metric, int year, BigDecimal value, String source) {
    }

    /** The figures of a file, or what is wrong with it (then no figure counts). */
    record Read(List<Figure> figures, List<String> errors) {
    }

    private FigureTemplate() {
    }

    /** The texts in the request's language (their Chinese without Quarkus, in a unit test). */
    static WorkText texts() {
        return Lang.bundle(WorkText.class);
    }

    static byte[] write(String title, List<Line> lines) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Row caption = sheet.createRow(0);
            caption.createCell(0).setCellValue(title + "（填写“数值”和“数据来源”两列后上传；空着“数值”的行不报送）");
            Row header = sheet.createRow(1);
            for (int c = 0; c < COLUMNS.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(COLUMNS.get(c));
                cell.setCellStyle(bold);
            }
            int r = 2;
            for (Line line : lines) {
                Row row = sheet.createRow(r++);
                row.createCell(METRIC).setCellValue(line.metric());
                row.createCell(1).setCellValue(line.name());
                row.createCell(2).setCellValue(line.unit());
                row.createCell(YEAR).setCellValue(line.year());
                row.createCell(SOURCE).setCellStyle(text);
            }
            int[] widths = {30, 36, 10, 10, 14, 40};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.createFreezePane(0, 2);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Read read(InputStream in) {
        WorkText t = texts();
        List<String> errors = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheet(SHEET);
            if (sheet == null) {
                return new Read(List.of(), List.of(t.template_no_sheet(SHEET)));
            }
            Row header = sheet.getRow(1);
            for (int c = 0; c < COLUMNS.size(); c++) {
                if (header == null || !COLUMNS.get(c).equals(text(header.getCell(c)))) {
                    return new Read(List.of(), List.of(t.template_headings(String.join("、", COLUMNS))));
                }
            }
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || text(row.getCell(VALUE)).isEmpty()) {
                    continue; // not filled in: not reported
                }
                if (figures.size() + errors.size() >= MAX_ROWS) {
                    errors.add(t.template_too_many(MAX_ROWS));
                    break;
                }
                int excelRow = r + 1;
                String metric = text(row.getCell(METRIC));
                BigDecimal value = number(row.getCell(VALUE));
                BigDecimal year = number(row.getCell(YEAR));
                String source = text(row.getCell(SOURCE));
                int before = errors.size();
                if (metric.isEmpty()) {
                    errors.add(t.template_cell_empty(cell(t, excelRow, METRIC)));
                }
                if (year == null || year.stripTrailingZeros().scale() > 0) {
                    errors.add(t.template_cell_not_year(cell(t, excelRow, YEAR), text(row.getCell(YEAR))));
                }
                if (value == null) {
                    errors.add(t.template_cell_not_number(cell(t, excelRow, VALUE), text(row.getCell(VALUE))));
                }
                if (source.isEmpty()) {
                    errors.add(t.template_cell_empty(cell(t, excelRow, SOURCE)));
                }
                if (errors.size() == before) {
                    figures.add(new Figure(excelRow, metric, year.intValueExact(), value, source));
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Read(List.of(), List.of(t.template_not_xlsx()));
        }
        if (errors.isEmpty() && figures.isEmpty()) {
            errors.add(t.template_no_values(COLUMNS.get(VALUE)));
        }
        return new Read(errors.isEmpty() ? figures : List.of(), errors);
    }

    /** 第5行“数值” (Row 5, column “数值”). */
    static String cell(WorkText t, int excelRow, int column) {
        return t.template_cell(excelRow, COLUMNS.get(column));
    }

    /** The cell of an API error's JSON pointer such as {@code /3/value}, or null when it names none. */
    static String cellOf(String pointer, List<Figure> figures) {
        if (pointer == null) {
            return null;
        }
        String[] parts = pointer.split("/");
        if (parts.length < 2) {
            return null;
        }
        try {
            int index = Integer.parseInt(parts[1]);
            if (index < 0 || index >= figures.size()) {
                return null;
            }
            Integer column = parts.length > 2 ? FIELD_COLUMN.get(parts[2]) : null;
            int row = figures.get(index).row();
            WorkText t = texts();
            return column == null ? t.template_row(row) : cell(t, row, column);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static final DataFormatter FORMAT = new DataFormatter();

    private static String text(Cell cell) {
        return cell == null ? "" : FORMAT.formatCellValue(cell).strip();
    }

    private static BigDecimal number(Cell cell) {
        if (cell == null) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            // plain digits (2000, not 2E+3): the API reads figures as written
            return new BigDecimal(BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString());
        }
        try {
            return new BigDecimal(text(cell).replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
