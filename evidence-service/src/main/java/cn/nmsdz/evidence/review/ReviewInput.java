package cn.nmsdz.evidence.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reviewer's decision on submitted evidence. */
@Schema(description = "Review decision")
public record ReviewInput(
        @Schema(description = "ACCEPT or REJECT", example = "REJECT", required = true) String decision,
        @Schema(description = "why; required for REJECT", example = "与统计公报数值不符") String reason) {
}
