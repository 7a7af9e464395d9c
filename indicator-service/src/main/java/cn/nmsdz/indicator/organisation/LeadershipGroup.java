package cn.nmsdz.indicator.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A creation leadership group (平陆县 附件1): its members by role and the office that runs it. */
@Schema(description = "The creation leadership group of a region and its office")
public record LeadershipGroup(
        @Schema(description = "Title as printed", example = "运城市“全国网络市场监管与服务示范区”平陆县创建工作领导小组名单") @NotBlank String title,
        List<@NotNull @Valid Member> members,
        Office office) {

    /** One person of the group. */
    public record Member(
            @Schema(description = "组长, 副组长 or 成员", example = "组长") String role,
            @Schema(example = "翟纪亭") @NotBlank String person,
            @Schema(description = "Position as printed", example = "县委副书记、政府县长") String position,
            @Schema(description = "Department code the person represents", example = "140829-government") String department) {
    }

    /** The group's office (领导小组办公室). */
    public record Office(String text,
            @Schema(description = "Department code hosting the office", example = "140829-market-supervision") String department,
            String director, String liaison) {
    }
}
