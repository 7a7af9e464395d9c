package cn.nmsdz.scoring.application;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A region's application for one assessment year. It references the snapshot it was made with (frozen: snapshots are
 * immutable, the reference changes only when a returned application is submitted again); every transition is a row of
 * application_history.
 */
@Entity
@Table(name = "application")
public class ApplicationEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String region;
    public int year;
    @Enumerated(EnumType.STRING)
    public ApplicationFlow.State state;
    @Column(name = "snapshot_id")
    public long snapshotId;
    @Column(name = "snapshot_number")
    public long snapshotNumber;
    @Column(name = "evidence_position")
    public long evidencePosition;
    @Column(name = "for_review_anyway")
    public boolean forReviewAnyway;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
