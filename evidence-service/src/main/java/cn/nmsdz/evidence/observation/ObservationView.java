package cn.nmsdz.evidence.observation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A piece of evidence as the API shows it. */
public record ObservationView(UUID id, String kind, String state, int version, long position, String region,
        String indicator, String department, String submittedBy, String metric, Integer year, BigDecimal value,
        String subject, String source, String reason, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static ObservationView of(EvidenceEntity e) {
        return new ObservationView(e.id, e.kind, e.state, e.version, e.position, e.region, e.indicator, e.department,
                e.submittedBy, e.metric, e.year, e.value, e.subject, e.source, e.reason, e.createdAt, e.updatedAt);
    }
}
