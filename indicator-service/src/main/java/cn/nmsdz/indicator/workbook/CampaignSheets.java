package cn.nmsdz.indicator.workbook;

import cn.nmsdz.events.catalogue.FirstLevelNode;
import cn.nmsdz.events.catalogue.Indicator;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.Item;
import cn.nmsdz.events.catalogue.SecondLevelNode;
import cn.nmsdz.indicator.domain.decomposition.Department;
import cn.nmsdz.indicator.domain.decomposition.PlanTask;
import cn.nmsdz.indicator.domain.decomposition.RegionOrganisation;
import cn.nmsdz.indicator.domain.validation.Violation;
import cn.nmsdz.indicator.organisation.CampaignViews.Person;
import cn.nmsdz.indicator.organisation.CampaignViews.ScheduleView;
import cn.nmsdz.indicator.organisation.CampaignViews.Stage;
import cn.nmsdz.indicator.organisation.CampaignViews.TaskView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The two campaign sheets of the 任务分解表 workbook: 子项时间节点 (due date, stage and persons per item of every decomposed
 * indicator) and 方案任务 (the same per plan task and measure, with target and current value). Both optional on import: a
 * workbook without a sheet leaves what it covers as it is, and a row whose campaign cells are all empty leaves its row
 * (as in the main sheet; the API clears a schedule).
 */
final class CampaignSheets {
    static final String ITEMS = "子项时间节点";
    static final String TASKS = "方案任务";
    static final List<String> ITEM_HEADER = List.of("子项编号", "子项内容", "时间节点", "推进阶段", "责任人员");
    static final List<String> TASK_HEADER = List.of("类别", "序号", "标题", "时间节点", "推进阶段", "责任人员", "目标值", "单位", "当前值");
    static final String TASK = "任务";
    static final String MEASURE = "措施";

    private CampaignSheets() {
    }

    /** Tasks as the sheet gives them: campaign fields only (title, text and units stay the plan's). */
    record Read(List<ScheduleView> items, List<TaskView> tasks) {
    }

    static void write(Workbook wb, IndicatorSystemDocument system, RegionOrganisation org, List<ScheduleView> schedules,
            List<TaskView> tasks) {
        Map<String, ScheduleView> byItem = new HashMap<>();
        schedules.stream().filter(s -> s.item() != null).forEach(s -> byItem.put(s.item(), s));
        Set<String> decomposed = new HashSet<>();
        org.entries().forEach(e -> decomposed.add(e.indicator()));
        Sheet items = wb.createSheet(ITEMS);
        header(items, ITEM_HEADER);
        int r = 1;
        for (FirstLevelNode f : system.firstLevel()) {
            for (SecondLevelNode s : f.children()) {
                for (Indicator i : s.indicators()) {
                    if (!decomposed.contains(i.code())) {
                        continue;
                    }
                    for (Item item : i.items()) {
                        Row row = items.createRow(r++);
                        ScheduleView sc = byItem.get(item.code());
                        DecompositionWorkbook.cell(row, 0, null, item.code());
                        DecompositionWorkbook.cell(row, 1, null, item.text());
                        campaignCells(row, 2, org, sc == null ? null : sc.dueDate(), sc == null ? null : sc.stage(),
                                sc == null ? List.of() : sc.persons());
                    }
                }
            }
        }
        widths(items, 10, 60, 12, 10, 30);
        Sheet taskSheet = wb.createSheet(TASKS);
        header(taskSheet, TASK_HEADER);
        r = 1;
        for (TaskView t : tasks) {
            Row row = taskSheet.createRow(r++);
            DecompositionWorkbook.cell(row, 0, null, PlanTask.TASK.equals(t.kind()) ? TASK : MEASURE);
            row.createCell(1).setCellValue(t.number());
            DecompositionWorkbook.cell(row, 2, null, t.title());
            campaignCells(row, 3, org, t.dueDate(), t.stage(), t.persons());
            if (t.targetValue() != null) {
                row.createCell(6).setCellValue(t.targetValue().doubleValue());
            }
            DecompositionWorkbook.cell(row, 7, null, t.targetUnit());
            if (t.currentValue() != null) {
                row.createCell(8).setCellValue(t.currentValue().doubleValue());
            }
        }
        widths(taskSheet, 6, 6, 36, 12, 10, 30, 8, 6, 8);
    }

    private static void campaignCells(Row row, int c, RegionOrganisation org, java.time.LocalDate due, String stage,
            List<Person> persons) {
        DecompositionWorkbook.cell(row, c, null, due == null ? "" : due.toString());
        DecompositionWorkbook.cell(row, c + 1, null, stage == null ? "" : stage);
        DecompositionWorkbook.cell(row, c + 2, null, String.join("\n", persons.stream()
                .map(p -> p.name() + "（" + org.department(p.department()).map(Department::name).orElse(p.department()) + "）"
                        + (p.phone() == null ? "" : p.phone())).toList()));
    }

    static Read read(Workbook wb, IndicatorSystemDocument system, RegionOrganisation org, List<Stage> stages, List<Violation> v) {
        Map<String, String> units = org.unitLookup();
        DataFormatter fmt = new DataFormatter();
        List<ScheduleView> items = null;
        Sheet itemSheet = wb.getSheet(ITEMS);
        if (itemSheet != null) {
            Map<String, String> indicatorOf = new HashMap<>();
            for (FirstLevelNode f : system.firstLevel()) {
                for (SecondLevelNode s : f.children()) {
                    for (Indicator i : s.indicators()) {
                        i.items().forEach(it -> indicatorOf.put(it.code(), i.code()));
                    }
                }
            }
            Set<String> decomposed = new HashSet<>();
            org.entries().forEach(e -> decomposed.add(e.indicator()));
            items = new ArrayList<>();
            for (int r = 1; r <= itemSheet.getLastRowNum(); r++) {
                Row row = itemSheet.getRow(r);
                if (row == null) {
                    continue;
                }
                String p = "/" + ITEMS + "/rows/" + (r + 1);
                String at = ITEMS + " row " + (r + 1) + ": ";
                String code = DecompositionWorkbook.text(fmt, row, 0);
                String due = DecompositionWorkbook.text(fmt, row, 2);
                String stage = DecompositionWorkbook.text(fmt, row, 3);
                String persons = DecompositionWorkbook.text(fmt, row, 4);
                if (DecompositionWorkbook.blank(due) && DecompositionWorkbook.blank(stage) && DecompositionWorkbook.blank(persons)) {
                    continue;
                }
                String indicator = indicatorOf.get(code);
                if (indicator == null || !decomposed.contains(indicator)) {
                    v.add(new Violation(p + "/子项编号", at + "'" + code + "' is no item of a decomposed indicator"));
                    continue;
                }
                ScheduleView s = DecompositionWorkbook.schedule(v, p, at, indicator, row.getCell(2), due, stage, persons, units,
                        org.region(), stages);
                items.add(new ScheduleView(indicator, code, s.dueDate(), s.stage(), s.persons()));
            }
        }
        List<TaskView> tasks = null;
        Sheet taskSheet = wb.getSheet(TASKS);
        if (taskSheet != null) {
            tasks = new ArrayList<>();
            for (int r = 1; r <= taskSheet.getLastRowNum(); r++) {
                Row row = taskSheet.getRow(r);
                if (row == null) {
                    continue;
                }
                String p = "/" + TASKS + "/rows/" + (r + 1);
                String at = TASKS + " row " + (r + 1) + ": ";
                String kindText = DecompositionWorkbook.text(fmt, row, 0);
                String numberText = DecompositionWorkbook.text(fmt, row, 1);
                String due = DecompositionWorkbook.text(fmt, row, 3);
                String stage = DecompositionWorkbook.text(fmt, row, 4);
                String persons = DecompositionWorkbook.text(fmt, row, 5);
                String target = DecompositionWorkbook.text(fmt, row, 6);
                String unit = DecompositionWorkbook.text(fmt, row, 7);
                String current = DecompositionWorkbook.text(fmt, row, 8);
                if (kindText.isEmpty() && numberText.isEmpty() || List.of(due, stage, persons, target, unit, current).stream()
                        .allMatch(DecompositionWorkbook::blank)) {
                    continue; // empty campaign cells leave the task's campaign fields as they are
                }
                String kind = TASK.equals(kindText) ? PlanTask.TASK : MEASURE.equals(kindText) ? PlanTask.MEASURE : null;
                int number = -1;
                try {
                    number = new BigDecimal(numberText).intValueExact();
                } catch (ArithmeticException | NumberFormatException e) {
                    // reported below
                }
                if (kind == null || org.task(kind, number).isEmpty()) {
                    v.add(new Violation(p + "/序号", at + "the plan has no " + kindText + " " + numberText
                            + " (类别 任务 or 措施 and its 序号)"));
                    continue;
                }
                ScheduleView s = DecompositionWorkbook.schedule(v, p, at, "", row.getCell(3), due, stage, persons, units,
                        org.region(), stages);
                BigDecimal targetValue = number(v, p + "/目标值", at, row.getCell(6), target);
                BigDecimal currentValue = number(v, p + "/当前值", at, row.getCell(8), current);
                if (currentValue != null && targetValue == null) {
                    v.add(new Violation(p + "/当前值", at + "a current value needs a target"));
                }
                PlanTask t = org.task(kind, number).orElseThrow();
                tasks.add(new TaskView(kind, number, t.section(), t.title(), t.text(), t.leadUnits(), t.responsibleUnits(),
                        s.dueDate(), s.stage(), s.persons(), targetValue, DecompositionWorkbook.blank(unit) ? null : unit.strip(),
                        currentValue));
            }
        }
        return new Read(items, tasks);
    }

    private static BigDecimal number(List<Violation> v, String p, String at, Cell cell, String text) {
        if (cell != null && cell.getCellType() == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
        }
        if (DecompositionWorkbook.blank(text)) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            v.add(new Violation(p, at + "'" + text + "' is not a number"));
            return null;
        }
    }

    private static void header(Sheet sheet, List<String> names) {
        Row h = sheet.createRow(0);
        for (int c = 0; c < names.size(); c++) {
            DecompositionWorkbook.cell(h, c, null, names.get(c));
        }
        sheet.createFreezePane(0, 1);
    }

    private static void widths(Sheet sheet, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            sheet.setColumnWidth(i, chars[i] * 256);
        }
    }
}
