package cn.nmsdz.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

class FigureTemplateTest {
    static final List<FigureTemplate.Line> LINES = List.of(
            new FigureTemplate.Line("online_operators", "网络交易经营者数量", "户", 2024),
            new FigureTemplate.Line("online_operators", "网络交易经营者数量", "户", 2025),
            new FigureTemplate.Line("market_entities", "市场主体数量", "户", 2025));

    /** The template with some cells filled in: {row index in LINES, value cell, source cell}. */
    static byte[] filled(Object[]... cells) throws Exception {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(FigureTemplate.write("永川区", LINES)));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheet(FigureTemplate.SHEET);
            for (Object[] c : cells) {
                var row = sheet.getRow(2 + (int) c[0]);
                if (c[1] instanceof Number n) {
                    row.createCell(FigureTemplate.VALUE).setCellValue(n.doubleValue());
                } else {
                    row.createCell(FigureTemplate.VALUE).setCellValue((String) c[1]);
                }
                row.createCell(FigureTemplate.SOURCE).setCellValue((String) c[2]);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void theFilledRowsAreReadAndTheEmptyOnesAreNotReported() throws Exception {
        FigureTemplate.Read read = FigureTemplate.read(new ByteArrayInputStream(
                filled(new Object[] {1, 2000, "区统计局"}, new Object[] {2, "15,230.5", "区市场监管局"})));
        assertEquals(List.of(), read.errors());
        assertEquals(List.of(new FigureTemplate.Figure(4, "online_operators", 2025, new BigDecimal("2000"), "区统计局"),
                new FigureTemplate.Figure(5, "market_entities", 2025, new BigDecimal("15230.5"), "区市场监管局")),
                read.figures());
    }

    @Test
    void everyWrongCellIsNamedAndNothingIsKept() throws Exception {
        FigureTemplate.Read read = FigureTemplate.read(new ByteArrayInputStream(
                filled(new Object[] {0, "很多", "区统计局"}, new Object[] {1, 12, ""}, new Object[] {2, 3, "来源"})));
        assertEquals(List.of("第3行“数值”须为数字，而不是“很多”", "第4行“数据来源”不能为空"), read.errors());
        assertEquals(List.of(), read.figures(), "all or nothing");
    }

    @Test
    void aFileThatIsNoTemplateIsSaidSo() throws Exception {
        assertEquals(List.of("这不是可读的 Excel 工作簿（.xlsx）：请使用本页下载的模板"),
                FigureTemplate.read(new ByteArrayInputStream("a,b\n1,2".getBytes(StandardCharsets.UTF_8))).errors());
        assertEquals(List.of("没有填写任何“数值”"),
                FigureTemplate.read(new ByteArrayInputStream(FigureTemplate.write("永川区", LINES))).errors());
    }

    @Test
    void theApisPointersNameTheCells() {
        List<FigureTemplate.Figure> figures = List.of(
                new FigureTemplate.Figure(4, "online_operators", 2025, BigDecimal.ONE, "x"),
                new FigureTemplate.Figure(9, "market_entities", 2025, BigDecimal.ONE, "x"));
        assertEquals("第9行“数值”", FigureTemplate.cellOf("/1/value", figures));
        assertEquals("第4行“数据项代码”", FigureTemplate.cellOf("/0/metric", figures));
        assertEquals("第4行", FigureTemplate.cellOf("/0", figures));
        assertNull(FigureTemplate.cellOf("/7/value", figures));
        assertNull(FigureTemplate.cellOf("body", figures));
    }
}
