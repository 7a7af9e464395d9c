package cn.nmsdz.events.evidence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The full state of one piece of evidence at one version, carried by every evidence event.
 *
 * @param position monotonically increasing evidence position (the outbox sequence of the
 *                 evidence-service); snapshots name the highest position they saw
 * @param document the stored file of a DOCUMENT evidence, null for every other kind (added after the
 *                 first release: consumers must accept its absence)
 */
public record EvidenceEventData(
        String evidenceId,
        int version,
        long position,
        String kind,
        String state,
        String region,
        String indicator,
        String item,
        String department,
        String submittedBy,
        String metric,
        Integer year,
        BigDecimal value,
        String subject,
        String source,
        Boolean satisfied,
        BigDecimal points,
        String comment,
        List<String> documentIds,
        String reason,
        OffsetDateTime changedAt,
        DocumentData document) {
}
