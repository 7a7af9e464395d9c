package cn.nmsdz.scoring.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cells and print setup the reports share. Text is always written as a string cell and one that starts with
 * = + - @ (or a tab or carriage return) is marked quote-prefixed, so a spreadsheet program never reads a department's
 * or a source's text as a formula, also not after the cell is edited.
 */
final class Sheets {
    final XSSFWorkbook workbook = new XSSFWorkbook();
    final CellStyle text;
    final CellStyle quoted;
    final CellStyle bold;
    final CellStyle header;
    final CellStyle number;
    final CellStyle title;

    Sheets() {
        Font boldFont = workbook.createFont();
        boldFont.setBold(true);
        Font titleFont = workbook.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 14);
        text = style(false, HorizontalAlignment.LEFT);
        quoted = style(false, HorizontalAlignment.LEFT);
        quoted.setQuotePrefixed(true);
        bold = style(false, HorizontalAlignment.LEFT);
        bold.setFont(boldFont);
        header = style(true, HorizontalAlignment.CENTER);
        header.setFont(boldFont);
        number = style(false, HorizontalAlignment.RIGHT);
        number.setDataFormat(workbook.createDataFormat().getFormat("0.0#"));
        title = workbook.createCellStyle();
        title.setFont(titleFont);
    }

    private CellStyle style(boolean border, HorizontalAlignment align) {
        CellStyle s = workbook.createCellStyle();
        s.setWrapText(true);
        s.setAlignment(align);
        s.setVerticalAlignment(VerticalAlignment.TOP);
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        return s;
    }

    /** Whether a spreadsheet program would take this text for a formula. */
    static boolean formulaLike(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    }

    Cell text(Row row, int column, String value) {
        return text(row, column, value, text);
    }

    Cell text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        String v = value == null ? "" : value;
        cell.setCellValue(v); // a string cell: never a formula
        cell.setCellStyle(formulaLike(v) ? quoted : style);
        return cell;
    }

    Cell number(Row row, int column, BigDecimal value) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value.doubleValue()); // POI stores numbers as doubles; points have one or two decimals
        }
        cell.setCellStyle(number);
        return cell;
    }

    /** A4 landscape, one page wide, the header line on every page, the given header text. */
    static void print(Sheet sheet, String headerText, int headerRow) {
        PrintSetup setup = sheet.getPrintSetup();
        setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
        setup.setLandscape(true);
        setup.setFitWidth((short) 1);
        setup.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.getHeader().setCenter(headerText);
        sheet.getFooter().setCenter("第 &P 页，共 &N 页");
        if (headerRow >= 0) {
            sheet.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(headerRow, headerRow, -1, -1));
        }
    }

    byte[] bytes() {
        try (XSSFWorkbook wb = workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
