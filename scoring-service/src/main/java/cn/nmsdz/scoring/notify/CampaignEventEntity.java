package cn.nmsdz.scoring.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Something the campaign tells people about; {@code body} is the CloudEvent exactly as every webhook receives it. */
@Entity
@Table(name = "campaign_event")
public class CampaignEventEntity extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "dedupe_key")
    public String dedupeKey;
    public String region;
    public String type;
    public String subject;
    public String message;
    @Column(columnDefinition = "text")
    public String body;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
