package cn.nmsdz.scoring.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One campaign event for one recipient: a department of the region or a role in the region. */
@Entity
@Table(name = "notification")
public class NotificationEntity extends PanacheEntityBase {
    public static final String DEPARTMENT = "DEPARTMENT";
    public static final String ROLE = "ROLE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "event_id")
    public String eventId;
    public String region;
    @Column(name = "recipient_kind")
    public String recipientKind;
    public String recipient;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
