package cn.nmsdz.scoring.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.math.BigDecimal;

/**
 * The fields of one piece of evidence at one version, as evidence.events carries them (without its identity); not the
 * engine's review state {@link cn.nmsdz.scoring.domain.model.EvidenceState}, which its {@code state} column holds.
 */
@MappedSuperclass
public abstract class EvidenceFactFields extends PanacheEntityBase {
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

    /** Takes over every state field of {@code other}. */
    protected void copyStateFrom(EvidenceFactFields other) {
        version = other.version;
        position = other.position;
        kind = other.kind;
        state = other.state;
        region = other.region;
        indicator = other.indicator;
        item = other.item;
        department = other.department;
        submittedBy = other.submittedBy;
        metric = other.metric;
        year = other.year;
        value = other.value;
        subject = other.subject;
        satisfied = other.satisfied;
        points = other.points;
    }
}
