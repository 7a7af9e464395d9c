package cn.nmsdz.scoring.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * One version of one piece of evidence, in the order the projection received it ({@code seq}). The
 * evidence a snapshot read is, per evidence id, the version with the highest position among seq ≤ the
 * snapshot's projection sequence — so a stored snapshot can be recomputed exactly.
 */
@Entity
@Table(name = "evidence_fact_version")
public class EvidenceFactVersionEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "evidence_id")
    public String evidenceId;
    public int version;
    public long position;
    public String kind;
    public String state;
    public String region;
    public String indicator;
    public String item;
    public String department;
    @Column(name = "submitted_by")
    public String submittedBy;
    public String metric;
    public Integer year;
    public BigDecimal value;
    public String subject;
    public Boolean satisfied;
    public BigDecimal points;

    /** A copy of the projected state as a new version row. */
    public static EvidenceFactVersionEntity of(EvidenceFactEntity f) {
        EvidenceFactVersionEntity v = new EvidenceFactVersionEntity();
        v.evidenceId = f.evidenceId;
        v.version = f.version;
        v.position = f.position;
        v.kind = f.kind;
        v.state = f.state;
        v.region = f.region;
        v.indicator = f.indicator;
        v.item = f.item;
        v.department = f.department;
        v.submittedBy = f.submittedBy;
        v.metric = f.metric;
        v.year = f.year;
        v.value = f.value;
        v.subject = f.subject;
        v.satisfied = f.satisfied;
        v.points = f.points;
        return v;
    }
}
