package cn.nmsdz.scoring.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

/** Text that looks like a formula stays text in the reports; Chinese survives the round trip. */
class SheetsTest {

    @Test
    void textStartingWithAFormulaCharacterIsAQuotePrefixedStringCell() throws Exception {
        Sheets x = new Sheets();
        Sheet sheet = x.workbook.createSheet("测试");
        Row row = sheet.createRow(0);
        String[] values = {"=HYPERLINK(\"http://evil.invalid\",\"点击\")", "+1", "-1", "@SUM(A1)", "永川区商务委"};
        for (int c = 0; c < values.length; c++) {
            x.text(row, c, values[c]);
        }
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(x.bytes()))) {
            Row read = wb.getSheet("测试").getRow(0);
            for (int c = 0; c < values.length; c++) {
                Cell cell = read.getCell(c);
                assertEquals(CellType.STRING, cell.getCellType(), values[c]);
                assertEquals(values[c], cell.getStringCellValue());
                assertEquals(c < 4, cell.getCellStyle().getQuotePrefixed(), values[c]);
            }
        }
        assertTrue(Sheets.formulaLike("=1+1"));
        assertFalse(Sheets.formulaLike("合计 85 分"));
    }
}
