package cn.nmsdz.scoring.application;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One transition of an application: who decided, at which level, why, when, and the snapshot it stood on. */
@Entity
@Table(name = "application_history")
public class ApplicationHistoryEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "application_id")
    public UUID applicationId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public ApplicationFlow.State fromState;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public ApplicationFlow.State toState;
    @Enumerated(EnumType.STRING)
    public ApplicationFlow.Level level;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "deciding_region")
    public String decidingRegion;
    public String reason;
    @Column(name = "snapshot_id")
    public long snapshotId;
    @Column(name = "snapshot_number")
    public long snapshotNumber;
    public OffsetDateTime at;
}
