package cn.nmsdz.evidence.ledger;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A piece of evidence as the API shows it (the fields of a kind it does not use are null). */
@Schema(description = "A piece of evidence: observation, document, claim or expert assessment, at its current version")
public record EvidenceView(UUID id, String kind, String state, int version, long position, String region,
        String indicator, String item, String department, String submittedBy,
        String metric,
        @Schema(description = "an observation's statistical year; a claim's or expert assessment's assessment year") Integer year,
        @Schema(description = "the assessment years a document supports") List<Integer> years,
        BigDecimal value, String subject, String source,
        Boolean satisfied, BigDecimal points, String comment, List<String> documentIds,
        String fileName, String mediaType, Long size, String sha256,
        String reason, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static EvidenceView of(EvidenceEntity e) {
        return new EvidenceView(e.id, e.kind, e.state, e.version, e.position, e.region, e.indicator, e.item,
                e.department, e.submittedBy, e.metric, e.year, e.yearList(), plain(e.value), e.subject, e.source, e.satisfied, plain(e.points),
                e.comment, e.documentIdList(), e.fileName, e.mediaType, e.sizeBytes, e.sha256, e.reason, e.createdAt,
                e.updatedAt);
    }

    /** 12.500000 (as stored) → 12.5; 100.000000 → 100, never 1E+2. */
    public static BigDecimal plain(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
