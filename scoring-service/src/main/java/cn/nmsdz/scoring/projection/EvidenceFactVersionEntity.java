package cn.nmsdz.scoring.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One version of one piece of evidence, in the order the projection received it ({@code seq}). The
 * evidence a snapshot read is, per evidence id, the version with the highest position among seq ≤ the
 * snapshot's projection sequence — so a stored snapshot can be recomputed exactly.
 */
@Entity
@Table(name = "evidence_fact_version")
public class EvidenceFactVersionEntity extends EvidenceFactFields {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "evidence_id")
    public String evidenceId;

    /** A copy of the projected state as a new version row. */
    public static EvidenceFactVersionEntity of(EvidenceFactEntity f) {
        EvidenceFactVersionEntity v = new EvidenceFactVersionEntity();
        v.evidenceId = f.evidenceId;
        v.copyStateFrom(f);
        return v;
    }
}
