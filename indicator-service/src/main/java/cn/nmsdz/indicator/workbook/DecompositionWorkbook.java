package cn.nmsdz.indicator.workbook;

import cn.nmsdz.events.catalogue.FirstLevelNode;
import cn.nmsdz.events.catalogue.Indicator;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.SecondLevelNode;
import cn.nmsdz.indicator.domain.decomposition.DecompositionEntry;
import cn.nmsdz.indicator.domain.decomposition.Department;
import cn.nmsdz.indicator.domain.decomposition.PlanTask;
import cn.nmsdz.indicator.domain.decomposition.RegionOrganisation;
import cn.nmsdz.indicator.domain.validation.Violation;
import cn.nmsdz.indicator.organisation.CampaignRules;
import cn.nmsdz.indicator.organisation.CampaignViews;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 任务分解表 as a clerk knows it, in the seeds' column layout: one row per indicator, first-
 * and second-level cells merged over their indicators, tasks one per line ("1.加快电子商务产业园提质升级",
 * measures by their heading "(二)加强机制保障"), units by name separated by 、. Reading an exported
 * sheet gives back the same decomposition. Pure functions: no database, no framework.
 */
public final class DecompositionWorkbook {
    public static final List<String> HEADER = List.of("一级指标", "二级指标", "编号", "变量性质", "三级指标",
            "指标说明及打分标准", "涉及方案中具体工作任务", "牵头单位", "责任单位");
    /** The campaign's columns (issue #13), after the seeds' ones; a sheet without them still imports. */
    public static final List<String> CAMPAIGN_HEADER = List.of("时间节点", "推进阶段", "责任人员");
    static final String SHEET = "任务分解表";
    /** One responsible person per line: 姓名（单位）电话, the unit by name, alias or code. */
    // the unit is the last bracketed part: a name may itself hold brackets
    private static final Pattern PERSON_LINE = Pattern.compile("^(.+)[（(]([^（()）]+)[）)]\\s*([^（()）]*)$");
    private static final int NUMBER = 2;
    private static final int TASKS = 6;
    private static final int LEAD = 7;
    private static final int RESPONSIBLE = 8;
    private static final String NUMERALS = "一二三四五六七八九十";
    private static final Pattern TASK_LINE = Pattern.compile("^(\\d+)\\s*[.．、]\\s*(.*)$");
    private static final Pattern MEASURE_HEADING = Pattern.compile("^[（(]([一二三四五六七八九十]+)[)）]\\s*(.*)$");
    private static final Pattern MEASURE_LINE = Pattern.compile("^措施\\s*(\\d+)\\s*[.．、]?\\s*(.*)$");
    private static final Pattern UNIT_SEPARATORS = Pattern.compile("[、，,；;\\n]+");

    private DecompositionWorkbook() {
    }

    /** What a sheet says, or every problem found in it (row numbers as Excel shows them). */
    /**
     * @param schedules indicator schedules (item null) from the campaign columns and item schedules from sheet 子项时间节点;
     *                  null when the workbook has neither
     * @param tasks     the campaign fields of plan tasks from sheet 方案任务; null without that sheet
     */
    public record Result(List<DecompositionEntry> entries, List<Violation> violations,
            List<CampaignViews.ScheduleView> schedules, List<CampaignViews.TaskView> tasks) {
        public Result(List<DecompositionEntry> entries, List<Violation> violations) {
            this(entries, violations, null, null);
        }
    }

    // ------------------------------------------------------------------ export

    public static byte[] export(IndicatorSystemDocument system, RegionOrganisation org, String regionName) {
        return export(system, org, regionName, List.of());
    }

    /** With the campaign's columns 时间节点, 推进阶段 and 责任人员 of each indicator (items keep theirs in the API). */
    public static byte[] export(IndicatorSystemDocument system, RegionOrganisation org, String regionName,
            List<CampaignViews.ScheduleView> schedules) {
        return export(system, org, regionName, schedules, List.of());
    }

    /** And the sheets 子项时间节点 (every item of a decomposed indicator) and 方案任务 (every plan task with its target). */
    public static byte[] export(IndicatorSystemDocument system, RegionOrganisation org, String regionName,
            List<CampaignViews.ScheduleView> schedules, List<CampaignViews.TaskView> tasks) {
        Map<String, CampaignViews.ScheduleView> schedule = new HashMap<>();
        schedules.stream().filter(x -> x.item() == null).forEach(x -> schedule.put(x.indicator(), x));
        List<String> header = new ArrayList<>(HEADER);
        header.addAll(CAMPAIGN_HEADER);
        Map<String, DecompositionEntry> entries = new HashMap<>();
        org.entries().forEach(e -> entries.put(e.indicator(), e));
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(SHEET);
            CellStyle title = style(wb, true, HorizontalAlignment.CENTER);
            CellStyle headerStyle = style(wb, true, HorizontalAlignment.CENTER);
            CellStyle centred = style(wb, false, HorizontalAlignment.CENTER);
            CellStyle text = style(wb, false, HorizontalAlignment.LEFT);

            Row titleRow = sheet.createRow(0);
            cell(titleRow, 0, title, (regionName == null ? org.region() : regionName) + "创建“全国网络市场监管与服务示范区”任务分解表");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, header.size() - 1));
            Row headerRow = sheet.createRow(1);
            for (int c = 0; c < header.size(); c++) {
                cell(headerRow, c, headerStyle, header.get(c));
            }
            int r = 2;
            for (FirstLevelNode f : system.firstLevel()) {
                int firstStart = r;
                for (SecondLevelNode s : f.children()) {
                    int secondStart = r;
                    for (Indicator i : s.indicators()) {
                        Row row = sheet.createRow(r);
                        cell(row, 0, centred, f.name() + "（" + points(f.maxPoints()) + "分）");
                        cell(row, 1, centred, s.name() + "（" + points(s.maxPoints()) + "分）");
                        row.createCell(NUMBER).setCellValue(i.number());
                        row.getCell(NUMBER).setCellStyle(centred);
                        cell(row, 3, centred, i.natureText());
                        cell(row, 4, text, i.name() + "（" + points(i.maxPoints()) + "分）");
                        cell(row, 5, text, i.standard());
                        DecompositionEntry e = entries.get(i.code());
                        cell(row, TASKS, text, e == null ? "" : taskLines(org, e));
                        cell(row, LEAD, text, e == null ? "" : unitNames(org, e.leadUnits()));
                        cell(row, RESPONSIBLE, text, e == null ? "" : unitNames(org, e.responsibleUnits()));
                        CampaignViews.ScheduleView sc = schedule.get(i.code());
                        cell(row, RESPONSIBLE + 1, centred, sc == null || sc.dueDate() == null ? "" : sc.dueDate().toString());
                        cell(row, RESPONSIBLE + 2, centred, sc == null || sc.stage() == null ? "" : sc.stage());
                        cell(row, RESPONSIBLE + 3, text, sc == null ? "" : String.join("\n", sc.persons().stream()
                                .map(p -> p.name() + "（" + org.department(p.department()).map(Department::name)
                                        .orElse(p.department()) + "）" + (p.phone() == null ? "" : p.phone())).toList()));
                        r++;
                    }
                    merge(sheet, secondStart, r - 1, 1);
                }
                merge(sheet, firstStart, r - 1, 0);
            }
            int[] widths = {12, 12, 6, 10, 28, 60, 36, 20, 36, 12, 10, 30};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.createFreezePane(0, 2);
            CampaignSheets.write(wb, system, org, schedules, tasks);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String taskLines(RegionOrganisation org, DecompositionEntry e) {
        List<String> lines = new ArrayList<>();
        for (int n : e.tasks()) {
            lines.add(n + "." + org.task(PlanTask.TASK, n).map(PlanTask::title).orElse(""));
        }
        for (int n : e.measures()) {
            PlanTask m = org.task(PlanTask.MEASURE, n).orElse(null);
            lines.add(m != null && m.heading() != null && MEASURE_HEADING.matcher(m.heading()).matches()
                    && numeral(m.heading()) == n ? m.heading()
                    : "措施" + n + "." + (m == null ? "" : m.title()));
        }
        return String.join("\n", lines);
    }

    private static String unitNames(RegionOrganisation org, List<String> codes) {
        return String.join("、", codes.stream().map(c -> org.department(c).map(Department::name).orElse(c)).toList());
    }

    private static String points(BigDecimal p) {
        return p == null ? "" : p.stripTrailingZeros().toPlainString();
    }

    private static void merge(Sheet sheet, int from, int to, int column) {
        if (to > from) {
            sheet.addMergedRegion(new CellRangeAddress(from, to, column, column));
        }
    }

    static void cell(Row row, int c, CellStyle style, String value) {
        Cell cell = row.createCell(c);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    private static CellStyle style(Workbook wb, boolean bold, HorizontalAlignment align) {
        CellStyle s = wb.createCellStyle();
        s.setWrapText(true);
        s.setAlignment(align);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        if (bold) {
            Font font = wb.createFont();
            font.setBold(true);
            s.setFont(font);
        }
        return s;
    }

    // ------------------------------------------------------------------ import

    /**
     * Reads a sheet laid out like {@link #export}: the header row is found by its first cell
     * 一级指标, columns by their header names. Rows with no task and no unit give no entry.
     */
    public static Result read(InputStream in, IndicatorSystemDocument system, RegionOrganisation org) {
        return read(in, system, org, List.of());
    }

    /**
     * Also reads the campaign's columns where the sheet has them (all three or none): {@link Result#schedules()} is
     * null for a sheet without them, so an old file leaves the schedules as they are. Due dates are checked against
     * {@code stages} like the API does.
     */
    public static Result read(InputStream in, IndicatorSystemDocument system, RegionOrganisation org,
            List<CampaignViews.Stage> stages) {
        List<Violation> v = new ArrayList<>();
        List<CampaignViews.ScheduleView> schedules = new ArrayList<>();
        boolean campaignColumns = false;
        CampaignSheets.Read extra = new CampaignSheets.Read(null, null);
        List<DecompositionEntry> entries = new ArrayList<>();
        Map<Integer, String> codesByNumber = new HashMap<>();
        for (FirstLevelNode f : system.firstLevel()) {
            for (SecondLevelNode s : f.children()) {
                s.indicators().forEach(i -> codesByNumber.put(i.number(), i.code()));
            }
        }
        Map<String, String> units = org.unitLookup();
        try (Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getNumberOfSheets() > 0 && wb.getSheet(SHEET) != null ? wb.getSheet(SHEET) : wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter();
            Map<String, Integer> columns = null;
            int headerRow = -1;
            for (int r = 0; r <= Math.min(sheet.getLastRowNum(), 9) && columns == null; r++) {
                Row row = sheet.getRow(r);
                if (row != null && "一级指标".equals(text(fmt, row, 0))) {
                    columns = new LinkedHashMap<>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        String name = text(fmt, row, c).replaceAll("\\s", "");
                        if (HEADER.contains(name) || CAMPAIGN_HEADER.contains(name)) {
                            columns.put(name, c);
                        }
                    }
                    headerRow = r;
                }
            }
            if (columns == null) {
                v.add(new Violation("/header", "no header row starting with 一级指标 in the first 10 rows"));
                return new Result(List.of(), v);
            }
            for (String needed : List.of("编号", "涉及方案中具体工作任务", "牵头单位", "责任单位")) {
                if (!columns.containsKey(needed)) {
                    v.add(new Violation("/header/" + needed, "column " + needed + " is missing from the header row"));
                }
            }
            long campaignCount = CAMPAIGN_HEADER.stream().filter(columns::containsKey).count();
            if (campaignCount > 0 && campaignCount < CAMPAIGN_HEADER.size()) {
                v.add(new Violation("/header", "columns " + CAMPAIGN_HEADER + " come together: give all three or none"));
            }
            campaignColumns = campaignCount == CAMPAIGN_HEADER.size();
            if (!v.isEmpty()) {
                return new Result(List.of(), v);
            }
            Set<String> seen = new HashSet<>();
            Map<String, Integer> rowOf = new HashMap<>();
            for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                int excelRow = r + 1;
                String p = "/rows/" + excelRow;
                String at = "row " + excelRow + ": ";
                String number = text(fmt, row, columns.get("编号"));
                String tasks = text(fmt, row, columns.get("涉及方案中具体工作任务"));
                String lead = text(fmt, row, columns.get("牵头单位"));
                String responsible = text(fmt, row, columns.get("责任单位"));
                String dueText = campaignColumns ? text(fmt, row, columns.get("时间节点")) : "";
                String stageText = campaignColumns ? text(fmt, row, columns.get("推进阶段")) : "";
                String personsText = campaignColumns ? text(fmt, row, columns.get("责任人员")) : "";
                if (number.isEmpty() && tasks.isEmpty() && lead.isEmpty() && responsible.isEmpty()) {
                    continue;
                }
                String code = null;
                try {
                    code = codesByNumber.get(new BigDecimal(number).intValueExact());
                } catch (ArithmeticException | NumberFormatException e) {
                    // reported below
                }
                if (code == null) {
                    v.add(new Violation(p + "/编号", at + "编号 '" + number + "' is no indicator of " + system.code() + " v"
                            + system.version()));
                    continue;
                }
                if (!seen.add(code)) {
                    v.add(new Violation(p + "/编号", at + "indicator " + number + " is already given in row " + rowOf.get(code)));
                    continue;
                }
                rowOf.put(code, excelRow);
                if (tasks.isEmpty() && blank(lead) && blank(responsible)) {
                    continue;
                }
                List<Integer> taskNumbers = new ArrayList<>();
                List<Integer> measureNumbers = new ArrayList<>();
                for (String line : tasks.split("\\R")) {
                    String l = line.strip();
                    if (l.isEmpty() || blank(l)) {
                        continue;
                    }
                    Matcher t = TASK_LINE.matcher(l);
                    Matcher m = MEASURE_HEADING.matcher(l);
                    Matcher ml = MEASURE_LINE.matcher(l);
                    if (t.matches()) {
                        add(v, p + "/涉及方案中具体工作任务", at, taskNumbers, Integer.parseInt(t.group(1)),
                                org.numbers(PlanTask.TASK), "task");
                    } else if (m.matches()) {
                        add(v, p + "/涉及方案中具体工作任务", at, measureNumbers, numeral(l), org.numbers(PlanTask.MEASURE),
                                "implementation measure");
                    } else if (ml.matches()) {
                        add(v, p + "/涉及方案中具体工作任务", at, measureNumbers, Integer.parseInt(ml.group(1)),
                                org.numbers(PlanTask.MEASURE), "implementation measure");
                    } else {
                        v.add(new Violation(p + "/涉及方案中具体工作任务", at + "cannot read '" + l
                                + "': write one task per line as '<number>.<title>', a measure as '(二)<title>'"));
                    }
                }
                List<String> leadCodes = units(v, p + "/牵头单位", at, lead, units, org.region());
                List<String> responsibleCodes = units(v, p + "/责任单位", at, responsible, units, org.region());
                entries.add(new DecompositionEntry(code, taskNumbers, measureNumbers, leadCodes, responsibleCodes));
                if (campaignColumns && !(blank(dueText) && blank(stageText) && blank(personsText))) {
                    schedules.add(schedule(v, p, at, code, row.getCell(columns.get("时间节点")), dueText, stageText,
                            personsText, units, org.region(), stages));
                }
            }
            extra = CampaignSheets.read(wb, system, org, stages, v);
        } catch (IOException | RuntimeException e) {
            v.add(new Violation("", "the file is not a readable .xlsx workbook: " + e.getMessage()));
            return new Result(List.of(), v);
        }
        if (!v.isEmpty()) {
            return new Result(List.of(), v);
        }
        List<CampaignViews.ScheduleView> allSchedules = null;
        if (campaignColumns || extra.items() != null) {
            allSchedules = new ArrayList<>(campaignColumns ? schedules : List.of());
            allSchedules.addAll(extra.items() == null ? List.of() : extra.items());
        }
        return new Result(entries, v, allSchedules, extra.tasks());
    }

    static CampaignViews.ScheduleView schedule(List<Violation> v, String p, String at, String indicator, Cell dueCell,
            String dueText, String stageText, String personsText, Map<String, String> units, String region,
            List<CampaignViews.Stage> stages) {
        java.time.LocalDate due = null;
        if (dueCell != null && dueCell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                && org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(dueCell)) {
            due = dueCell.getLocalDateTimeCellValue().toLocalDate();
        } else if (!blank(dueText)) {
            try {
                due = java.time.LocalDate.parse(dueText.strip().replace('/', '-').replace('.', '-'));
            } catch (java.time.format.DateTimeParseException e) {
                v.add(new Violation(p + "/时间节点", at + "时间节点 '" + dueText + "' is no date (write 2026-06-30)"));
            }
        }
        String stage = null;
        if (!blank(stageText)) {
            String t = stageText.strip();
            stage = stages.stream().filter(s -> s.code().equals(t) || s.name().equals(t)).map(CampaignViews.Stage::code)
                    .findFirst().orElse(null);
            if (stage == null) {
                v.add(new Violation(p + "/推进阶段", at + "推进阶段 '" + t + "' is no stage of the creation "
                        + stages.stream().map(CampaignViews.Stage::name).toList()));
            }
        }
        if (stage != null || stageText.isBlank()) {
            CampaignRules.dueDate(due, stage, stages).forEach(x -> v.add(new Violation(p + "/时间节点", at + x.message())));
        }
        List<CampaignViews.Person> persons = new ArrayList<>();
        if (!blank(personsText)) {
            for (String line : personsText.split("[\\n；;]+")) {
                String l = line.strip();
                if (l.isEmpty()) {
                    continue;
                }
                Matcher m = PERSON_LINE.matcher(l);
                String unit = m.matches() ? units.get(m.group(2).strip()) : null;
                if (!m.matches()) {
                    v.add(new Violation(p + "/责任人员", at + "cannot read '" + l + "': write one person per line as 姓名（单位）电话"));
                } else if (unit == null) {
                    v.add(new Violation(p + "/责任人员", at + "'" + m.group(2).strip() + "' is no department of region " + region));
                } else {
                    persons.add(new CampaignViews.Person(unit, m.group(1).strip(), m.group(3).isBlank() ? null : m.group(3).strip()));
                }
            }
        }
        return new CampaignViews.ScheduleView(indicator, null, due, stage, persons);
    }

    private static void add(List<Violation> v, String p, String at, List<Integer> into, int n, Set<Integer> known,
            String what) {
        if (!known.contains(n)) {
            v.add(new Violation(p, at + "the region's plan has no " + what + " " + n));
        } else if (!into.contains(n)) {
            into.add(n);
        }
    }

    private static List<String> units(List<Violation> v, String p, String at, String cell, Map<String, String> lookup,
            String region) {
        List<String> codes = new ArrayList<>();
        if (blank(cell)) {
            return codes;
        }
        for (String name : UNIT_SEPARATORS.split(cell)) {
            String n = name.strip();
            if (n.isEmpty()) {
                continue;
            }
            String code = lookup.get(n);
            if (code == null) {
                v.add(new Violation(p, at + "'" + n + "' is no department of region " + region
                        + " (use a department's name, alias or code)"));
            } else if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    /** "-", "—" or nothing: the annex's way of saying none. */
    static boolean blank(String s) {
        return s == null || s.isBlank() || s.strip().matches("[-—－/无]+");
    }

    private static int numeral(String heading) {
        Matcher m = MEASURE_HEADING.matcher(heading.strip());
        if (!m.matches()) {
            return -1;
        }
        String n = m.group(1);
        if (n.length() == 1) {
            return NUMERALS.indexOf(n.charAt(0)) + 1;
        }
        if (n.startsWith("十")) {
            return 10 + NUMERALS.indexOf(n.charAt(1)) + 1;
        }
        return -1;
    }

    static String text(DataFormatter fmt, Row row, int c) {
        Cell cell = row.getCell(c);
        return cell == null ? "" : fmt.formatCellValue(cell).strip();
    }
}
