package cn.nmsdz.scoring.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A receiver of campaign events; the secret signs every delivery and is never shown again after creation. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscriptionEntity extends PanacheEntityBase {
    @Id
    public String id;
    public String url;
    /** JSON array of event types */
    @Column(name = "event_types", columnDefinition = "text")
    public String eventTypes;
    /** null: every region (catalogue admin only) */
    public String region;
    public String secret;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
