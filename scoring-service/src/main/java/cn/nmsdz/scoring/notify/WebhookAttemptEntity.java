package cn.nmsdz.scoring.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One HTTP attempt of a delivery: the delivery log. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttemptEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "delivery_id")
    public Long deliveryId;
    public OffsetDateTime at;
    public Integer status;
    public String error;
    @Column(name = "duration_ms")
    public long durationMs;
}
