package cn.nmsdz.indicator.organisation;

import java.time.LocalDate;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the REST API shows of departments, plans and the decomposition: codes with their names. */
public final class OrganisationViews {
    private OrganisationViews() {
    }

    @Schema(description = "A department named by code and name")
    public record UnitRef(@Schema(example = "500118-commerce") String code,
            @Schema(example = "重庆市永川区商务委员会") String name) {
    }

    @Schema(description = "A plan task or measure named by number and title")
    public record TaskRef(@Schema(example = "1") int number, @Schema(example = "加快电子商务产业园提质升级") String title) {
    }

    @Schema(description = "Who owns one indicator in the region")
    public record EntryView(
            @Schema(description = "Indicator code (its number 1–41)", example = "1") String indicator,
            @Schema(description = "Indicator name, verbatim from the catalogue", example = "网上零售额同比增速") String indicatorName,
            @Schema(description = "First-level indicator", example = "促进发展") String firstLevel,
            @Schema(description = "Second-level indicator", example = "发展规模") String secondLevel,
            @Schema(description = "Linked tasks of the region's plan") List<TaskRef> tasks,
            @Schema(description = "Linked implementation measures of the plan (组织实施)") List<TaskRef> measures,
            @Schema(description = "牵头单位") List<UnitRef> leadUnits,
            @Schema(description = "责任单位") List<UnitRef> responsibleUnits) {
    }

    @Schema(description = "The task decomposition of a region: per indicator, tasks, lead and responsible units")
    public record DecompositionView(@Schema(example = "500118") String region, @Schema(example = "永川区") String regionName,
            @Schema(description = "Indicator system the names come from", example = "NMSDZ") String system,
            @Schema(example = "1") int systemVersion, List<EntryView> entries) {
    }

    @Schema(description = "A numbered task or implementation measure of a plan")
    public record PlanTaskView(@Schema(example = "1") int number,
            @Schema(example = "(一)大力促进网络经济发展") String section,
            @Schema(description = "For a measure: its printed heading", example = "(二)加强机制保障") String heading,
            @Schema(example = "加快电子商务产业园提质升级") String title, String text,
            List<UnitRef> leadUnits, List<UnitRef> responsibleUnits) {
    }

    @Schema(description = "A region's creation plan with its tasks")
    public record PlanView(@Schema(example = "500118") String region,
            @Schema(example = "重庆市永川区创建“全国网络市场监管与服务示范区”总体方案") String title,
            @Schema(example = "永川府办发〔2023〕14号") String documentNumber,
            @Schema(example = "重庆市永川区人民政府办公室") String issuer, LocalDate issuedOn,
            @Schema(example = "GENERAL_PLAN") String kind,
            List<PlanTaskView> tasks, List<PlanTaskView> measures) {
    }

    @Schema(description = "The owners of one indicator; departments by code, tasks and measures by number")
    public record EntryRequest(
            @Schema(description = "Plan task numbers", example = "[1, 2, 3]") List<@NotNull Integer> tasks,
            @Schema(description = "Implementation measure numbers", example = "[]") List<@NotNull Integer> measures,
            @Schema(description = "Lead department codes", example = "[\"500118-commerce\"]") List<@NotNull String> leadUnits,
            @Schema(description = "Responsible department codes", example = "[\"500118-statistics\"]") List<@NotNull String> responsibleUnits) {
    }
}
