package cn.nmsdz.scoring.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The latest state of one piece of evidence, as received on evidence.events. */
@Entity
@Table(name = "evidence_fact")
public class EvidenceFactEntity extends EvidenceState {
    @Id
    @Column(name = "evidence_id")
    public String evidenceId;
    /** When evidence-service changed it last (the event's changedAt); the scoreboard shows a region's latest. */
    @Column(name = "changed_at")
    public java.time.OffsetDateTime changedAt;
}
