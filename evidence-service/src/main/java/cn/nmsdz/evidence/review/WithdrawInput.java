package cn.nmsdz.evidence.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a piece of evidence is withdrawn (optional). */
@Schema(description = "Withdrawal")
public record WithdrawInput(@Schema(description = "why it is withdrawn", example = "submitted twice") String reason) {
}
