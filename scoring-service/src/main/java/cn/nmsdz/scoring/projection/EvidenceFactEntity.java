package cn.nmsdz.scoring.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The latest state of one piece of evidence, as received on evidence.events. */
@Entity
@Table(name = "evidence_fact")
public class EvidenceFactEntity extends EvidenceFactFields {
    @Id
    @Column(name = "evidence_id")
    public String evidenceId;
    /** When evidence-service changed it last (the event's changedAt); the scoreboard shows a region's latest. */
    @Column(name = "changed_at")
    public java.time.OffsetDateTime changedAt;
    /** Where a figure comes from, as its department gave it (the 自评报告's evidence list). */
    public String source;
    /** A document's file name and SHA-256, null for other kinds. */
    @Column(name = "file_name")
    public String fileName;
    public String sha256;
    /** An expert's or a claim's comment. */
    public String comment;
}
