package cn.nmsdz.evidence.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The current state of one piece of evidence; every state it had is in evidence_version.
 * One table for the four kinds: the columns a kind does not use stay null.
 */
@Entity
@Table(name = "evidence")
public class EvidenceEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String kind;
    public String state;
    public int version;
    public long position;
    public String region;
    public String indicator;
    public String item;
    public String department;
    @Column(name = "submitted_by")
    public String submittedBy;
    // OBSERVATION
    public String metric;
    public Integer year;
    public BigDecimal value;
    public String subject;
    public String source;
    // CLAIM, ASSESSMENT
    public Boolean satisfied;
    public BigDecimal points;
    public String comment;
    /** Comma-separated ids of the DOCUMENT evidence a claim or verdict points at. */
    @Column(name = "document_ids")
    public String documentIds;
    // DOCUMENT
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "media_type")
    public String mediaType;
    @Column(name = "size_bytes")
    public Long sizeBytes;
    public String sha256;
    @Column(name = "storage_key")
    public String storageKey;
    /** Comma-separated assessment years a DOCUMENT supports (e.g. "2024,2025"), null when it names none. */
    public String years;

    public String reason;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public List<Integer> yearList() {
        return years == null || years.isBlank() ? List.of() : Arrays.stream(years.split(",")).map(Integer::valueOf).toList();
    }

    public List<String> documentIdList() {
        return documentIds == null || documentIds.isBlank() ? List.of() : Arrays.asList(documentIds.split(","));
    }
}
