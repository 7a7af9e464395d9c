package cn.nmsdz.events.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * "campaign changed" (catalogue.events): the whole creation campaign of a region as its creation office runs it:
 * the stages with their dates, the due date (时间节点), stage and responsible persons (责任人员) of each decomposition
 * entry (indicator, or item of an indicator), and the same plus target and current value of each plan task.
 * Consumers replace what they had for the region. {@code plan} and {@code leadership} (the creation plan's heading
 * and the leadership group, for the 自评报告) were added later: consumers must accept their absence.
 */
public record CampaignData(String region, List<Stage> stages, List<Schedule> schedules, List<Task> tasks, Plan plan,
        Leadership leadership) {

    /** Without plan and leadership group (as the first release sent it). */
    public CampaignData(String region, List<Stage> stages, List<Schedule> schedules, List<Task> tasks) {
        this(region, stages, schedules, tasks, null, null);
    }

    /** The creation plan (创建方案) as issued: title, document number, issuer, date. */
    public record Plan(String title, String documentNumber, String issuer, LocalDate issuedOn) {
    }

    /** The creation leadership group (创建工作领导小组): its members by role and its office. */
    public record Leadership(String title, List<Member> members, Office office) {
    }

    /** One person of the group: 组长, 副组长 or 成员, with the position as printed. */
    public record Member(String role, String person, String position, String department) {
    }

    /** The group's office (领导小组办公室): where it sits, its director and liaison. */
    public record Office(String text, String department, String director, String liaison) {
    }

    /** A phase of the creation (启动部署, 全面推进, 自查自评, 申报验收 …) with its dates, both ends included. */
    public record Stage(String code, String name, LocalDate startsOn, LocalDate endsOn) {
    }

    /** A responsible person (责任人员) of one unit. */
    public record Person(String department, String name, String phone) {
    }

    /** Due date, stage and persons of an indicator ({@code item} null) or of one item of it. */
    public record Schedule(String indicator, String item, LocalDate dueDate, String stage, List<Person> persons) {
    }

    /** A plan task's (or measure's) deadline, persons and, where its text names a number, its target. */
    public record Task(String kind, int number, String title, LocalDate dueDate, String stage, List<Person> persons,
            BigDecimal targetValue, String targetUnit, BigDecimal currentValue) {
    }
}
