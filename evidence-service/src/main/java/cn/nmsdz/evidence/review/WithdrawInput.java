package cn.nmsdz.evidence.review;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a piece of evidence is withdrawn (optional). */
@Schema(description = "Withdrawal")
public record WithdrawInput(@Schema(description = "why it is withdrawn", example = "submitted twice")
        @Size(max = ReviewService.MAX_REASON) String reason) {
}
