package cn.nmsdz.evidence.judgement;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.DecimalMin;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A self-assessment claim or an expert assessment (region from the path), for one assessment year. */
@Schema(description = "A claim (department) or an expert assessment: yes/no on an item, or points for a whole indicator")
public record JudgementInput(
        @Schema(description = "indicator code", example = "12") @NotBlank String indicator,
        @Schema(description = "item code of that indicator, for a yes/no on one item", example = "12.1") String item,
        @Schema(description = "the assessment year the judgement is for (required): scoring reads it only for that year",
                example = "2025") @NotNull @Min(JudgementRules.FIRST_YEAR) @Max(2100) Integer year,
        @Schema(description = "whether the item (or, for a claim, the indicator) is satisfied") Boolean satisfied,
        @Schema(description = "points for the whole indicator (0 … its maximum), instead of satisfied",
                example = "1.5") @DecimalMin("0") @Digits(integer = 18, fraction = 1) BigDecimal points,
        @Schema(description = "why; required for an expert assessment", example = "制度文件齐全，已落实")
        @Size(max = JudgementRules.MAX_COMMENT) String comment,
        @Schema(description = "ids of DOCUMENT evidence of the same region it points at")
        @Size(max = JudgementRules.MAX_DOCUMENTS) List<@NotNull String> documentIds) {
}
