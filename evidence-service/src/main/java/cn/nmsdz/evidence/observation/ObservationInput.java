package cn.nmsdz.evidence.observation;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One metric observation as submitted. */
@Schema(description = "A metric observation (region from the path)")
public record ObservationInput(
        @Schema(description = "metric code of the catalogue", example = "online_retail_sales") String metric,
        @Schema(description = "statistical year", example = "2025") Integer year,
        @Schema(description = "value in the metric's unit", example = "123.45") BigDecimal value,
        @Schema(description = "enterprise unified social credit code, for metrics that need it") String subject,
        @Schema(description = "where the figure comes from", example = "永川区统计局 2025年统计公报") String source,
        @Schema(description = "indicator code the figure is evidence for (optional)", example = "1") String indicator) {
}
