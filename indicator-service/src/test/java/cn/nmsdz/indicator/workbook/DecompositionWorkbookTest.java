package cn.nmsdz.indicator.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.indicator.domain.decomposition.DecompositionEntry;
import cn.nmsdz.indicator.domain.decomposition.RegionOrganisation;
import cn.nmsdz.indicator.domain.validation.Violation;
import cn.nmsdz.indicator.organisation.RegionSeed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The 任务分解表 of both seed regions: exported, read back, and the same decomposition comes out. */
class DecompositionWorkbookTest {

    static IndicatorSystemDocument official() throws IOException {
        try (InputStream in = DecompositionWorkbookTest.class.getResourceAsStream("/catalogue/nmsdz-v1.json")) {
            return EventEnvelope.JSON.readValue(in, IndicatorSystemDocument.class);
        }
    }

    static Stream<String> seeds() {
        return Stream.of("seed/regions/500118-yongchuan.json", "seed/regions/140829-pinglu.json");
    }

    static RegionOrganisation organisation(RegionSeed seed) {
        return new RegionOrganisation(seed.region().code(), seed.departments(), seed.planTasks(), seed.decomposition());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void an_exported_sheet_reads_back_as_the_same_decomposition(String resource) throws IOException {
        RegionSeed seed = RegionSeed.read(resource);
        RegionOrganisation org = organisation(seed);
        byte[] xlsx = DecompositionWorkbook.export(official(), org, seed.region().name());

        DecompositionWorkbook.Result read = DecompositionWorkbook.read(new ByteArrayInputStream(xlsx), official(), org);

        assertEquals(List.of(), read.violations());
        assertEquals(41, read.entries().size());
        assertEquals(seed.decomposition(), read.entries());
    }

    @Test
    void the_sheet_has_the_seed_columns_and_merged_first_and_second_levels() throws IOException {
        RegionSeed seed = RegionSeed.read("seed/regions/500118-yongchuan.json");
        byte[] xlsx = DecompositionWorkbook.export(official(), organisation(seed), "永川区");
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheet("任务分解表");
            Row header = sheet.getRow(1);
            for (int c = 0; c < DecompositionWorkbook.HEADER.size(); c++) {
                assertEquals(DecompositionWorkbook.HEADER.get(c), header.getCell(c).getStringCellValue());
            }
            assertEquals(43, sheet.getLastRowNum() + 1, "title, header and 41 indicators");
            Row first = sheet.getRow(2);
            assertEquals("促进发展（20分）", first.getCell(0).getStringCellValue());
            assertEquals("发展规模（10分）", first.getCell(1).getStringCellValue());
            assertEquals(1, (int) first.getCell(2).getNumericCellValue());
            assertEquals("网上零售额同比增速（2分）", first.getCell(4).getStringCellValue());
            assertTrue(first.getCell(6).getStringCellValue().startsWith("1.加快电子商务产业园提质升级\n2."));
            List<CellRangeAddress> merged = sheet.getMergedRegions();
            long firstLevel = merged.stream().filter(m -> m.getFirstColumn() == 0 && m.getFirstRow() > 0).count();
            long secondLevel = merged.stream().filter(m -> m.getFirstColumn() == 1).count();
            assertEquals(5, firstLevel);
            assertEquals(10, secondLevel);
            // indicator 39 is linked to implementation measure 2 only
            Row r39 = sheet.getRow(2 + 38);
            assertEquals(39, (int) r39.getCell(2).getNumericCellValue());
            assertEquals("(二)加强机制保障", r39.getCell(6).getStringCellValue());
        }
    }

    @Test
    void a_clerks_mistakes_are_all_reported_by_row_and_nothing_is_read() throws IOException {
        RegionSeed seed = RegionSeed.read("seed/regions/500118-yongchuan.json");
        RegionOrganisation org = organisation(seed);
        byte[] xlsx = DecompositionWorkbook.export(official(), org, "永川区");
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheetAt(0);
            sheet.getRow(2).getCell(7).setCellValue("区商务局");            // row 3: no such unit
            sheet.getRow(3).getCell(6).setCellValue("99.不存在的任务");       // row 4: no such task
            sheet.getRow(4).getCell(2).setCellValue(1);                    // row 5: indicator 1 again
            sheet.getRow(5).getCell(6).setCellValue("加快电子商务");          // row 6: unreadable line
            wb.write(out);
            DecompositionWorkbook.Result read = DecompositionWorkbook.read(new ByteArrayInputStream(out.toByteArray()),
                    official(), org);
            assertEquals(List.of("/rows/3/牵头单位", "/rows/4/涉及方案中具体工作任务", "/rows/5/编号", "/rows/6/涉及方案中具体工作任务"),
                    read.violations().stream().map(Violation::pointer).toList());
            assertEquals(List.of(), read.entries());
        }
    }

    @Test
    void units_may_be_written_by_alias_or_code_and_dashes_mean_none() throws IOException {
        RegionSeed seed = RegionSeed.read("seed/regions/500118-yongchuan.json");
        RegionOrganisation org = organisation(seed);
        byte[] xlsx = DecompositionWorkbook.export(official(), org, "永川区");
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheetAt(0);
            sheet.getRow(2).getCell(7).setCellValue("500118-commerce");
            sheet.getRow(2).getCell(8).setCellValue("-");
            wb.write(out);
            List<DecompositionEntry> entries = DecompositionWorkbook.read(new ByteArrayInputStream(out.toByteArray()),
                    official(), org).entries();
            assertEquals(List.of("500118-commerce"), entries.get(0).leadUnits());
            assertEquals(List.of(), entries.get(0).responsibleUnits());
        }
    }
}
