package cn.nmsdz.indicator.organisation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the REST API takes and shows of a region's creation campaign (issue #13). What the API takes carries its field
 * rules as constraints (checked by Hibernate Validator, shown in the OpenAPI); rules that need the region's other data
 * (known departments, the stages a due date must lie in, a stage code given twice) are {@link CampaignRules}.
 */
public final class CampaignViews {
    private CampaignViews() {
    }

    @Schema(description = "A phase of the creation with its dates, both ends included")
    @CampaignConstraints.EndsNotBefore("startsOn")
    public record Stage(
            @Schema(description = "Lower-case words joined by '-'", example = "push")
            @NotNull @Size(max = 32) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String code,
            @Schema(example = "全面推进") @NotBlank String name,
            @Schema(example = "2026-03-01") @NotNull LocalDate startsOn,
            @Schema(example = "2026-09-30") @NotNull LocalDate endsOn) {
    }

    @Schema(description = "A responsible person (责任人员) of one unit")
    public record Person(@Schema(description = "Department code", example = "140829-market-supervision") @NotBlank String department,
            @Schema(example = "李明") @NotBlank String name, @Schema(description = "Office phone or other contact", example = "0359-3522123") String phone) {
    }

    @Schema(description = "A liaison (联络员) of a department: the head of the matching office who keeps the information flowing")
    @CampaignConstraints.RequiredUnless("contact")
    public record Liaison(@Schema(example = "王芳") @NotBlank String name, @Schema(example = "0359-3522123") String phone,
            @Schema(description = "Other contact (mobile, 政务 messaging id)", example = "13800000000") String contact) {
    }

    @Schema(description = "Due date (时间节点), stage and responsible persons (责任人员) of an indicator or one of its items")
    public record ScheduleRequest(@Schema(example = "2026-06-30") LocalDate dueDate, @Schema(example = "push") String stage,
            List<@NotNull @Valid Person> persons) {
    }

    @Schema(description = "The schedule of an indicator (item null) or of one of its items")
    public record ScheduleView(String indicator, String item, LocalDate dueDate, String stage, List<Person> persons) {
    }

    @Schema(description = "A plan task's (or measure's) fields the office edits; absent title/text/units keep what is stored")
    public record TaskRequest(@Schema(description = "Section heading, for a new task", example = "(一)大力促进网络经济发展") String section,
            @Schema(example = "培育电子商务市场主体") String title, String text,
            @Schema(description = "Lead department codes") List<@NotNull String> leadUnits,
            @Schema(description = "Responsible department codes") List<@NotNull String> responsibleUnits,
            LocalDate dueDate, String stage, List<@NotNull @Valid Person> persons,
            @Schema(description = "The number the task's text promises", example = "5")
            @DecimalMin("0") @Digits(integer = 18, fraction = 6) BigDecimal targetValue, // numeric(24, 6)
            @Schema(example = "家") String targetUnit,
            @Schema(description = "Where it stands now", example = "2") @Digits(integer = 18, fraction = 6) BigDecimal currentValue) {
    }

    @Schema(description = "A plan task or measure with its campaign fields")
    public record TaskView(String kind, int number, String section, String title, String text, List<String> leadUnits,
            List<String> responsibleUnits, LocalDate dueDate, String stage, List<Person> persons, BigDecimal targetValue,
            String targetUnit, BigDecimal currentValue) {
    }

    @Schema(description = "The campaign of a region: stages, schedules of the decomposition, plan tasks with targets")
    public record CampaignView(String region, List<Stage> stages, List<ScheduleView> schedules, List<TaskView> tasks) {
    }

    @Schema(description = "One change of organisation data: who, when, what, before and after (JSON)")
    public record Change(long id, OffsetDateTime changedAt, @Schema(example = "pl-office") String actor,
            @Schema(example = "schedule 3") String subject, String before, String after) {
    }
}
