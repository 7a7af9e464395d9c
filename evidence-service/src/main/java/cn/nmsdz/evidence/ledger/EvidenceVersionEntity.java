package cn.nmsdz.evidence.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One immutable version of a piece of evidence (its full state as JSON). */
@Entity
@Table(name = "evidence_version")
@IdClass(EvidenceVersionEntity.Key.class)
public class EvidenceVersionEntity extends PanacheEntityBase {
    @Id
    @Column(name = "evidence_id")
    public UUID evidenceId;
    @Id
    public int version;
    public String state;
    public long position;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public OffsetDateTime changedAt;
    @Column(columnDefinition = "text")
    public String snapshot;

    public record Key(UUID evidenceId, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
