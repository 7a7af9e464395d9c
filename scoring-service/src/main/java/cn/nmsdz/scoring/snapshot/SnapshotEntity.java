package cn.nmsdz.scoring.snapshot;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** An immutable score snapshot of one region and assessment year. */
@Entity
@Table(name = "snapshot")
public class SnapshotEntity extends PanacheEntityBase {
    /**
     * The feed cursor, taken from the identity column's sequence before the insert ({@link #nextId}): the stored body
     * holds it, so the ~50 KB body is written once, by the insert.
     */
    @Id
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
    /** The body without the indicator scores (the summary form the pull feed serves); null before V20. */
    @Column(columnDefinition = "text")
    public String summary;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** A new snapshot id; taken under the feed lock (see SnapshotStore), ids become visible in increasing order. */
    public static long nextId() {
        return ((Number) getEntityManager().createNativeQuery("select nextval(pg_get_serial_sequence('snapshot', 'id'))")
                .getSingleResult()).longValue();
    }
}
