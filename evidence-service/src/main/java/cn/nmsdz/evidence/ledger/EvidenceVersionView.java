package cn.nmsdz.evidence.ledger;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;

/** One version of a piece of evidence: who changed it, when, and its full state then. */
public record EvidenceVersionView(int version, String state, long position, String changedBy,
        OffsetDateTime changedAt, @JsonRawValue String evidence) {

    public static EvidenceVersionView of(EvidenceVersionEntity v) {
        return new EvidenceVersionView(v.version, v.state, v.position, v.changedBy, v.changedAt, v.snapshot);
    }
}
