package cn.nmsdz.events.evidence;

/**
 * The review state of a piece of evidence (the {@code state} of evidence.events): SUBMITTED until a reviewer accepts or
 * rejects it; ACCEPTED on arrival for figures of a data provider and expert assessments; WITHDRAWN is never a delete.
 */
public enum ReviewState {
    SUBMITTED, ACCEPTED, REJECTED, WITHDRAWN
}
