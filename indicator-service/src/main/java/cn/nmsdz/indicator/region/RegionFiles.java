package cn.nmsdz.indicator.region;

import cn.nmsdz.indicator.domain.region.RegionRows;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.RefusalRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads region rows (code,name,level,parentCode,zone with a header row) from CSV text or an .xlsx workbook. */
public final class RegionFiles {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RegionFiles.class);

    private RegionFiles() {
    }

    /**
     * CSV bytes as they arrive: strictly UTF-8, as the import documents. Decoding leniently would store
     * U+FFFD for every byte of a GBK or Latin-1 file, i.e. garbled names instead of an error.
     */
    public static List<RegionRows.Row> csv(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("the CSV file is not UTF-8 text; save it as 'CSV UTF-8' (GBK and other "
                    + "encodings are not read)", List.of(new Problem.FieldError("file", "not UTF-8")))
                    .typed(RefusalRule.REGION_DATA).chinese("CSV 文件不是 UTF-8 文本；请另存为“CSV UTF-8”（不读取 GBK 等其他编码）");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw ProblemException.badRequest("the CSV file contains a NUL character: it is not a text file",
                    List.of(new Problem.FieldError("file", "not text"))).typed(RefusalRule.REGION_DATA).chinese("CSV 文件含有 NUL 字符：它不是文本文件");
        }
        return csv(text);
    }

    public static List<RegionRows.Row> csv(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("the CSV file is empty", List.of(new Problem.FieldError("file", "empty")))
                    .typed(RefusalRule.REGION_DATA).chinese("CSV 文件是空的");
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text; // Excel writes a BOM before UTF-8 CSV
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            List<RegionRows.Row> rows = new ArrayList<>();
            Map<String, Integer> columns = null;
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (columns == null) {
                    columns = header(cells);
                    continue;
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                // line number of the record: the header is line 1, as a spreadsheet shows it
                rows.add(row((int) parser.getCurrentLineNumber(), cells, columns));
            }
            if (columns == null) {
                throw ProblemException.badRequest("the CSV file has no header row", List.of()).typed(RefusalRule.REGION_DATA).chinese("CSV 文件没有表头行");
            }
            return rows;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            // the parser's own words stay in the log: no library message in a response
            LOG.infof("CSV of regions not read: %s", e.getMessage());
            throw ProblemException.badRequest("the CSV file cannot be read (check that quotes are closed and that it is UTF-8 text)",
                    List.of(new Problem.FieldError("file", "not CSV"))).typed(RefusalRule.REGION_DATA).chinese("无法读取 CSV 文件（请检查引号是否成对、文件是否为 UTF-8 文本）");
        }
    }

    public static List<RegionRows.Row> xlsx(InputStream in) {
        try (Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            Map<String, Integer> columns = null;
            List<RegionRows.Row> rows = new ArrayList<>();
            for (Row r : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(r.getLastCellNum(), 0); c++) {
                    Cell cell = r.getCell(c);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell).strip());
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (columns == null) {
                    columns = header(cells);
                    continue;
                }
                rows.add(row(r.getRowNum() + 1, cells, columns));
            }
            if (columns == null) {
                throw ProblemException.badRequest("the workbook's first sheet has no header row", List.of())
                        .typed(RefusalRule.REGION_DATA).chinese("工作簿的第一个工作表没有表头行");
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            LOG.infof("workbook of regions not read: %s", e.getMessage());
            throw ProblemException.badRequest("the file is not a readable .xlsx workbook",
                    List.of(new Problem.FieldError("file", "not an .xlsx workbook")))
                    .typed(RefusalRule.REGION_DATA).chinese("文件不是可读取的 .xlsx 工作簿");
        }
    }

    private static Map<String, Integer> header(List<String> cells) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).strip().replace("\uFEFF", "");
            for (String known : RegionRows.COLUMNS) {
                if (known.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    columns.put(known, i);
                }
            }
        }
        List<Problem.FieldError> missing = RegionRows.COLUMNS.stream().filter(c -> !columns.containsKey(c))
                .map(c -> new Problem.FieldError("/header/" + c, "column " + c + " is missing from the header row"))
                .toList();
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest("the header row must name the columns " + String.join(",", RegionRows.COLUMNS),
                    missing).typed(RefusalRule.REGION_DATA).chinese("表头行必须包含这些列：" + String.join(",", RegionRows.COLUMNS));
        }
        return columns;
    }

    private static RegionRows.Row row(int number, List<String> cells, Map<String, Integer> columns) {
        java.util.function.Function<String, String> at = c -> {
            int i = columns.get(c);
            return i < cells.size() ? cells.get(i) : null;
        };
        return new RegionRows.Row(number, at.apply("code"), at.apply("name"), at.apply("level"), at.apply("parentCode"),
                at.apply("zone"));
    }
}
