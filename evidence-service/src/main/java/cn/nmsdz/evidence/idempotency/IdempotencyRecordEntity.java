package cn.nmsdz.evidence.idempotency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** The first response to a (caller, Idempotency-Key), stored with the evidence it created. */
@Entity
@Table(name = "idempotency_record")
@IdClass(IdempotencyRecordEntity.Key.class)
public class IdempotencyRecordEntity extends PanacheEntityBase {
    @Id
    public String caller;
    @Id
    @Column(name = "idem_key")
    public String key;
    public String fingerprint;
    public Integer status;
    @Column(columnDefinition = "text")
    public String body;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public record Key(String caller, String key) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
