package cn.nmsdz.evidence.review;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reviewer's decision on submitted evidence. */
@Schema(description = "Review decision")
public record ReviewInput(
        @Schema(description = "ACCEPT or REJECT", example = "REJECT") @NotNull @Pattern(regexp = "ACCEPT|REJECT") String decision,
        @Schema(description = "why; required for REJECT", example = "与统计公报数值不符") @Size(max = ReviewService.MAX_REASON) String reason) {
}
