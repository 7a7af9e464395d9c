package cn.nmsdz.evidence.observation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The current state of one piece of evidence; every state it had is in evidence_version. */
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
    public String metric;
    public Integer year;
    public BigDecimal value;
    public String subject;
    public String source;
    public String reason;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
