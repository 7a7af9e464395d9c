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
    /** The body as text: snapshots stored before V21 (see {@link #bodyDeflated}). */
    @Column(columnDefinition = "text")
    public String body;
    /** The body compressed by the service (V21, {@link Deflated}); null for snapshots stored before. */
    @Column(name = "body_deflated")
    public byte[] bodyDeflated;
    /** The body without the indicator scores (the summary form the pull feed serves); null before V20. */
    @Column(columnDefinition = "text")
    public String summary;
    /** The summary compressed by the service (V21); null for snapshots stored before. */
    @Column(name = "summary_deflated")
    public byte[] summaryDeflated;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** The stored body's JSON text, however it is stored. */
    public String bodyJson() {
        return bodyDeflated != null ? Deflated.inflate(bodyDeflated) : body;
    }

    /** The stored summary's JSON text, however it is stored; null for snapshots stored before V20. */
    public String summaryJson() {
        return summaryDeflated != null ? Deflated.inflate(summaryDeflated) : summary;
    }

    /** A new snapshot id; taken under the feed lock (see SnapshotStore), ids become visible in increasing order. */
    public static long nextId() {
        return ((Number) getEntityManager().createNativeQuery("select nextval(pg_get_serial_sequence('snapshot', 'id'))")
                .getSingleResult()).longValue();
    }
}
