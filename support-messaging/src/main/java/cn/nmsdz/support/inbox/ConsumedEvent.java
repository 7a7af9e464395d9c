package cn.nmsdz.support.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One consumed event id; table {@code consumed_event} in the consuming service's schema. */
@Entity
@Table(name = "consumed_event")
public class ConsumedEvent extends PanacheEntityBase {
    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String type;

    @Column(name = "consumed_at", nullable = false)
    public OffsetDateTime consumedAt;
}
