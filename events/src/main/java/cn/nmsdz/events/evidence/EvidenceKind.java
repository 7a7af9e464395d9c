package cn.nmsdz.events.evidence;

/** What a piece of evidence is (the {@code kind} of evidence.events and of evidence-service's rows). */
public enum EvidenceKind {
    OBSERVATION, DOCUMENT, CLAIM, ASSESSMENT;

    /** A judgement of an item or indicator for one assessment year, by a department (claim) or an expert. */
    public boolean judgement() {
        return this == CLAIM || this == ASSESSMENT;
    }
}
