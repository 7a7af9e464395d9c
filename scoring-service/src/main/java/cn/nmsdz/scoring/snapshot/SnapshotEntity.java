package cn.nmsdz.scoring.snapshot;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** An immutable score snapshot of one region and assessment year. */
@Entity
@Table(name = "snapshot")
public class SnapshotEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String region;
    public int year;
    public long number;
    @Column(name = "system_code")
    public String systemCode;
    @Column(name = "system_version")
    public int systemVersion;
    @Column(name = "evidence_position")
    public long evidencePosition;
    @Column(name = "projection_seq")
    public Long projectionSeq;
    @Column(name = "confirmed_total")
    public BigDecimal confirmedTotal;
    @Column(name = "projected_total")
    public BigDecimal projectedTotal;
    @Column(name = "confirmed_passed")
    public boolean confirmedPassed;
    @Column(name = "projected_passed")
    public boolean projectedPassed;
    @Column(columnDefinition = "text")
    public String body;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
