package cn.nmsdz.evidence.observation;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One metric observation as submitted. */
@Schema(description = "A metric observation (region from the path)")
public record ObservationInput(
        @Schema(description = "metric code of the catalogue", example = "online_retail_sales") @NotBlank String metric,
        @Schema(description = "statistical year (not after this year)", example = "2025")
        @NotNull @Min(ObservationService.FIRST_YEAR) @Max(2100) Integer year,
        @Schema(description = "value in the metric's unit (numeric(24, 6))", example = "123.45")
        @NotNull @Digits(integer = 18, fraction = 6) BigDecimal value,
        @Schema(description = "enterprise unified social credit code, for metrics that need it")
        @Size(max = ObservationService.MAX_SUBJECT) String subject,
        @Schema(description = "where the figure comes from", example = "永川区统计局 2025年统计公报")
        @NotBlank @Size(max = ObservationService.MAX_SOURCE) String source,
        @Schema(description = "indicator code the figure is evidence for (optional)", example = "1") String indicator) {
}
