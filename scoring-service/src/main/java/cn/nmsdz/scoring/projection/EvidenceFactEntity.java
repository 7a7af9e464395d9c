package cn.nmsdz.scoring.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** The latest state of one piece of evidence, as received on evidence.events. */
@Entity
@Table(name = "evidence_fact")
public class EvidenceFactEntity extends PanacheEntityBase {
    @Id
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
}
