package cn.nmsdz.scoring.rescoring;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Rescoring of every region after a catalogue version was published: its region-years and how many are stored. */
@Entity
@Table(name = "rescoring_job")
public class RescoringJobEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "system_code")
    public String systemCode;
    @Column(name = "system_version")
    public int systemVersion;
    public int total;
    public int done;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    /** Set when a later job of the same system replaced this one before it finished. */
    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;
}
