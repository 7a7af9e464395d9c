package cn.nmsdz.indicator.workbook;

import static cn.nmsdz.indicator.workbook.DecompositionWorkbookTest.official;
import static cn.nmsdz.indicator.workbook.DecompositionWorkbookTest.organisation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.nmsdz.indicator.domain.decomposition.RegionOrganisation;
import cn.nmsdz.indicator.domain.validation.Violation;
import cn.nmsdz.indicator.organisation.RegionSeed;
import cn.nmsdz.indicator.organisation.CampaignRules;
import cn.nmsdz.indicator.organisation.CampaignViews;
import cn.nmsdz.indicator.organisation.CampaignViews.Person;
import cn.nmsdz.indicator.organisation.CampaignViews.ScheduleView;
import cn.nmsdz.indicator.organisation.CampaignViews.Stage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

/** The campaign's columns of the 任务分解表 (时间节点, 推进阶段, 责任人员) and the rules for stages, due dates and persons. */
class CampaignWorkbookAndRulesTest {
    static final List<Stage> STAGES = List.of(
            new Stage("launch", "启动部署", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28)),
            new Stage("push", "全面推进", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 9, 30)));

    @Test
    void due_dates_persons_and_stages_go_out_and_come_back_through_the_sheet() throws IOException {
        RegionOrganisation org = organisation(RegionSeed.read("seed/regions/500118-yongchuan.json"));
        ScheduleView one = new ScheduleView("1", null, LocalDate.of(2026, 6, 30), "push",
                List.of(new Person("500118-commerce", "张伟", "023-49881234"), new Person("500118-statistics", "李娜", null),
                        new Person("500118-commerce", "=HYPERLINK(\"http://x\")王(小)芳", "023-1")));
        byte[] xlsx = DecompositionWorkbook.export(official(), org, "永川区", List.of(one));

        DecompositionWorkbook.Result read = DecompositionWorkbook.read(new ByteArrayInputStream(xlsx), official(), org, STAGES);

        assertEquals(List.of(), read.violations());
        assertEquals(List.of(one), read.schedules());
    }

    @Test
    void item_schedules_and_plan_task_targets_travel_in_their_own_sheets() throws IOException {
        RegionSeed seed = RegionSeed.read("seed/regions/500118-yongchuan.json");
        RegionOrganisation org = organisation(seed);
        String item = official().firstLevel().stream().flatMap(f -> f.children().stream()).flatMap(s -> s.indicators().stream())
                .filter(i -> !i.items().isEmpty() && org.entries().stream().anyMatch(e -> e.indicator().equals(i.code())))
                .findFirst().orElseThrow().items().get(0).code();
        String indicator = item.substring(0, item.indexOf('.'));
        ScheduleView itemSchedule = new ScheduleView(indicator, item, LocalDate.of(2026, 4, 1), null,
                List.of(new Person("500118-commerce", "张伟", null)));
        var task = seed.planTasks().get(0);
        CampaignViews.TaskView target = new CampaignViews.TaskView(task.kind(), task.number(), task.section(), task.title(),
                task.text(), task.leadUnits(), task.responsibleUnits(), LocalDate.of(2026, 9, 30), "push", List.of(),
                new java.math.BigDecimal("5"), "家", new java.math.BigDecimal("2"));
        byte[] xlsx = DecompositionWorkbook.export(official(), org, "永川区", List.of(itemSchedule), List.of(target));

        DecompositionWorkbook.Result read = DecompositionWorkbook.read(new ByteArrayInputStream(xlsx), official(), org, STAGES);

        assertEquals(List.of(), read.violations());
        assertEquals(List.of(itemSchedule), read.schedules());
        assertEquals(List.of(target), read.tasks(), "only the task with campaign fields; the others are left as they are");
    }

    @Test
    void a_target_that_is_not_a_number_is_reported_by_sheet_and_row() throws IOException {
        RegionSeed seed = RegionSeed.read("seed/regions/500118-yongchuan.json");
        RegionOrganisation org = organisation(seed);
        byte[] xlsx = DecompositionWorkbook.export(official(), org, "永川区", List.of(), List.of());
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row row = wb.getSheet("方案任务").createRow(1);
            row.createCell(0).setCellValue("任务");
            row.createCell(1).setCellValue(seed.planTasks().get(0).number());
            row.createCell(6).setCellValue("五家");
            wb.write(out);
            DecompositionWorkbook.Result read = DecompositionWorkbook.read(new ByteArrayInputStream(out.toByteArray()), official(),
                    org, STAGES);
            assertEquals(List.of("/方案任务/rows/2/目标值"), read.violations().stream().map(Violation::pointer).toList());
        }
    }

    @Test
    void an_old_sheet_without_the_campaign_columns_still_imports_and_leaves_the_schedules_alone() throws IOException {
        RegionOrganisation org = organisation(RegionSeed.read("seed/regions/500118-yongchuan.json"));
        byte[] xlsx = DecompositionWorkbook.export(official(), org, "永川区", List.of());
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheetAt(0);
            wb.removeSheetAt(wb.getSheetIndex("方案任务"));
            wb.removeSheetAt(wb.getSheetIndex("子项时间节点"));
            for (Row row : sheet) {
                for (int c = DecompositionWorkbook.HEADER.size(); c < row.getLastCellNum(); c++) {
                    if (row.getCell(c) != null) {
                        row.removeCell(row.getCell(c));
                    }
                }
            }
            wb.write(out);
            DecompositionWorkbook.Result read = DecompositionWorkbook.read(new ByteArrayInputStream(out.toByteArray()), official(),
                    org, STAGES);
            assertEquals(List.of(), read.violations());
            assertEquals(41, read.entries().size());
            assertNull(read.schedules(), "no campaign columns: the stored schedules stay as they are");
            assertNull(read.tasks());
        }
    }

    @Test
    void a_due_date_outside_the_stages_and_an_unreadable_person_are_reported_by_row() throws IOException {
        RegionOrganisation org = organisation(RegionSeed.read("seed/regions/500118-yongchuan.json"));
        byte[] xlsx = DecompositionWorkbook.export(official(), org, "永川区", List.of());
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheetAt(0);
            int due = DecompositionWorkbook.HEADER.size();
            sheet.getRow(2).getCell(due).setCellValue("2027-01-01");          // row 3: outside every stage
            sheet.getRow(3).getCell(due + 2).setCellValue("张伟 023-4988");    // row 4: no unit in brackets
            sheet.getRow(4).getCell(due + 1).setCellValue("申报验收");          // row 5: no such stage
            wb.write(out);
            DecompositionWorkbook.Result read = DecompositionWorkbook.read(new ByteArrayInputStream(out.toByteArray()), official(),
                    org, STAGES);
            assertEquals(List.of("/rows/3/时间节点", "/rows/4/责任人员", "/rows/5/推进阶段"),
                    read.violations().stream().map(Violation::pointer).toList());
            assertEquals(List.of(), read.entries());
        }
    }

    @Test
    void a_due_date_lies_within_its_stage_or_within_some_stage_and_may_be_past() {
        assertEquals(List.of(), CampaignRules.dueDate(LocalDate.of(2026, 1, 15), null, STAGES), "past dates are a fact");
        assertEquals(List.of(), CampaignRules.dueDate(LocalDate.of(2026, 9, 30), "push", STAGES), "both ends included");
        assertEquals(List.of("/dueDate"), pointers(CampaignRules.dueDate(LocalDate.of(2026, 1, 15), "push", STAGES)));
        assertEquals(List.of("/dueDate"), pointers(CampaignRules.dueDate(LocalDate.of(2026, 10, 1), null, STAGES)));
        assertEquals(List.of("/stage"), pointers(CampaignRules.dueDate(LocalDate.of(2026, 5, 1), "apply", STAGES)));
        assertEquals(List.of(), CampaignRules.dueDate(LocalDate.of(2030, 1, 1), null, List.of()), "no stages: any date");
    }

    @Test
    void persons_belong_to_a_department_of_the_region_and_a_stage_code_is_given_once() {
        // a person's name, a stage's fields and dates are constraints of CampaignViews: RequestPipelineTest
        assertEquals(List.of("/persons/1/department"), pointers(CampaignRules.persons(
                List.of(new Person("500118-commerce", " ", null), new Person("140829-finance", "王五", null)),
                Set.of("500118-commerce"), "500118")));
        assertEquals(List.of("/1/code"), pointers(CampaignRules.stages(List.of(
                new Stage("push", "全面推进", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 1)),
                new Stage("push", "", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1))))));
    }

    static List<String> pointers(List<Violation> v) {
        return v.stream().map(Violation::pointer).toList();
    }
}
