package cn.nmsdz.indicator.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.indicator.domain.region.RegionRows;
import cn.nmsdz.indicator.domain.validation.Violation;
import cn.nmsdz.support.rest.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Bulk region import: reading CSV and Excel, and checking every row before anything is stored. */
class RegionImportTest {
    static final Map<String, String> EXISTING = Map.of("CN", "NATION", "140000", "PROVINCE", "500000", "PROVINCE");

    @Test
    void a_province_loads_its_cities_and_counties_with_parents_earlier_in_the_file() {
        String csv = "\uFEFFcode,name,level,parentCode,zone\n"
                + "140800,运城市,CITY,140000,CENTRAL\n"
                + "140802,盐湖区,COUNTY,140800,中部\n"
                + "\n"
                + "500118,永川区,county,500000,WEST\n";
        List<RegionRows.Row> rows = RegionFiles.csv(csv);
        assertEquals(List.of(2, 3, 5), rows.stream().map(RegionRows.Row::row).toList());
        RegionRows.Result result = RegionRows.check(rows, EXISTING);
        assertEquals(List.of(), result.violations());
        assertEquals(List.of(
                new RegionRows.Checked("140800", "运城市", "CITY", "140000", "CENTRAL"),
                new RegionRows.Checked("140802", "盐湖区", "COUNTY", "140800", "CENTRAL"),
                new RegionRows.Checked("500118", "永川区", "COUNTY", "500000", "WEST")), result.rows());
    }

    @Test
    void one_region_given_on_its_own_meets_the_rules_of_a_row_and_its_violations_name_its_fields() {
        Map<String, String> existing = Map.of("CN", "NATION", "140000", "PROVINCE", "140800", "CITY", "140829", "COUNTY");
        RegionRows.Result fine = RegionRows.checkOne(new RegionRows.Row(1, "140822", "万荣县", "COUNTY", "140800", "CENTRAL"),
                existing);
        assertEquals(List.of(), fine.violations());
        assertEquals(List.of(new RegionRows.Checked("140822", "万荣县", "COUNTY", "140800", "CENTRAL")), fine.rows());

        RegionRows.Result self = RegionRows.checkOne(new RegionRows.Row(1, "140829", "平陆县", "COUNTY", "140829", "CENTRAL"),
                existing);
        assertEquals(List.of("/parentCode", "/parentCode"), self.violations().stream().map(Violation::pointer).toList());
        assertTrue(self.violations().stream().anyMatch(v -> v.message().equals("a region cannot be its own parent")));

        RegionRows.Result wrong = RegionRows.checkOne(new RegionRows.Row(1, "CN", "x".repeat(101), "CITY", "140829", null),
                existing);
        assertEquals(List.of("/code", "/name", "/zone", "/parentCode"),
                wrong.violations().stream().map(Violation::pointer).toList());
        assertEquals("name must be at most 100 characters", wrong.violations().get(1).message());
        assertEquals("a CITY cannot be under 140829 (COUNTY)", wrong.violations().get(3).message());
    }

    @Test
    void every_bad_row_is_reported_with_its_row_number_and_nothing_is_kept() {
        String csv = "code,name,level,parentCode,zone\n"
                + "140800,运城市,CITY,140000,CENTRAL\n"         // 2 fine
                + "14082,平陆县,COUNTY,140800,CENTRAL\n"        // 3 bad code
                + "140829,,TOWN,140800,MIDDLE\n"               // 4 no name, bad level, bad zone
                + "140830,芮城县,COUNTY,149900,CENTRAL\n"      // 5 unknown parent
                + "140800,运城,CITY,140000,CENTRAL\n"          // 6 duplicate
                + "140831,夏县,COUNTY,140832,CENTRAL\n"        // 7 parent only further down
                + "140832,某县,COUNTY,140000,CENTRAL\n"        // 8 a county directly under a province that is no municipality
                + "510100,成都市,CITY,140000,WEST\n"           // 9 wrong province prefix
                + "140900,忻州市,CITY,140800,CENTRAL\n";       // 10 a city under a city
        RegionRows.Result result = RegionRows.check(RegionFiles.csv(csv), EXISTING);
        assertEquals(List.of("/rows/3/code", "/rows/4/name", "/rows/4/level", "/rows/4/zone", "/rows/5/parentCode",
                "/rows/6/code", "/rows/7/parentCode", "/rows/8/parentCode", "/rows/9/parentCode", "/rows/10/parentCode"),
                result.violations().stream().map(Violation::pointer).toList());
        result.violations().forEach(v -> assertEquals(true, v.message().startsWith("row "), v.message()));
        assertEquals(List.of(), result.rows());
    }

    @Test
    void a_city_or_county_lies_in_its_provinces_zone_whether_the_province_is_stored_or_a_row_above() {
        Map<String, String> zones = Map.of("140000", "CENTRAL", "500000", "WEST");
        RegionRows.Result one = RegionRows.checkOne(new RegionRows.Row(1, "509901", "东部县", "COUNTY", "500000", "EAST"),
                EXISTING, zones);
        assertEquals(List.of(new Violation("/zone", "zone must be WEST, the zone of province 500000 (a region lies in its "
                + "province's economic zone), not EAST")), one.violations());
        assertEquals(List.of(), RegionRows.checkOne(new RegionRows.Row(1, "509901", "西部县", "COUNTY", "500000", "西部"),
                EXISTING, zones).violations());

        String csv = "code,name,level,parentCode,zone\n"
                + "610000,陕西省,PROVINCE,CN,WEST\n"
                + "610100,西安市,CITY,610000,WEST\n"
                + "610102,新城区,COUNTY,610100,EAST\n"        // 4 not its province's zone (a row above)
                + "140800,运城市,CITY,140000,EAST\n";         // 5 not its province's zone (stored)
        RegionRows.Result rows = RegionRows.check(RegionFiles.csv(csv), EXISTING, zones);
        assertEquals(List.of("/rows/4/zone", "/rows/5/zone"), rows.violations().stream().map(Violation::pointer).toList());
        assertTrue(rows.violations().get(0).message().startsWith("row 4: zone must be WEST, the zone of province 610000"));
    }

    @Test
    void a_county_sits_directly_under_a_province_only_in_a_municipality_or_with_a_province_administered_code() {
        Map<String, String> levels = Map.of("CN", "NATION", "140000", "PROVINCE", "500000", "PROVINCE", "420000", "PROVINCE");
        RegionRows.Result shanxi = RegionRows.checkOne(new RegionRows.Row(1, "149901", "省直县", "COUNTY", "140000", "CENTRAL"),
                levels);
        assertEquals(List.of("/parentCode"), shanxi.violations().stream().map(Violation::pointer).toList());
        assertTrue(shanxi.violations().get(0).message().startsWith("a COUNTY sits under a city"), shanxi.violations().toString());
        assertEquals(List.of(), RegionRows.checkOne(new RegionRows.Row(1, "500118", "永川区", "COUNTY", "500000", "WEST"),
                levels).violations());
        assertEquals(List.of(), RegionRows.checkOne(new RegionRows.Row(1, "429004", "仙桃市", "COUNTY", "420000", "CENTRAL"),
                levels).violations());
    }

    @Test
    void a_header_without_the_columns_is_refused() {
        ProblemException e = assertThrows(ProblemException.class, () -> RegionFiles.csv("code,name\n140800,运城市\n"));
        assertEquals(400, e.status());
        assertEquals(List.of("/header/level", "/header/parentCode", "/header/zone"),
                e.errors().stream().map(f -> f.field()).toList());
    }

    @Test
    void an_excel_sheet_reads_like_the_csv_with_numeric_codes() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("regions");
            String[][] cells = {{"code", "name", "level", "parentCode", "zone"}, {null, "运城市", "CITY", null, "CENTRAL"}};
            for (int r = 0; r < cells.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    if (cells[r][c] != null) {
                        row.createCell(c).setCellValue(cells[r][c]);
                    }
                }
            }
            sheet.getRow(1).createCell(0).setCellValue(140800);   // a clerk's code is a number
            sheet.getRow(1).createCell(3).setCellValue(140000);
            wb.write(out);
            List<RegionRows.Row> rows = RegionFiles.xlsx(new ByteArrayInputStream(out.toByteArray()));
            assertEquals(List.of(new RegionRows.Row(2, "140800", "运城市", "CITY", "140000", "CENTRAL")), rows);
        }
    }

    @Test
    void a_file_that_is_no_workbook_is_a_bad_request() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> RegionFiles.xlsx(new ByteArrayInputStream("code,name".getBytes())));
        assertEquals(400, e.status());
    }

    @Test
    void csvBytesMustBeUtf8TextSoNoGarbledNameIsStored() {
        byte[] latin1 = "code,name,level,parentCode,zone\n140829,Plu\u00e9,COUNTY,140800,CENTRAL\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        ProblemException e = assertThrows(ProblemException.class, () -> RegionFiles.csv(latin1));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
        byte[] nul = "code,name,level,parentCode,zone\n140829,x\u0000,COUNTY,140800,CENTRAL\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(assertThrows(ProblemException.class, () -> RegionFiles.csv(nul)).getMessage().contains("NUL"));
        assertEquals(1, RegionFiles.csv("code,name,level,parentCode,zone\n140829,平陆县,COUNTY,140800,CENTRAL\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).size());
    }
}
