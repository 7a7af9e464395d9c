package cn.nmsdz.scoring.domain.model;

/** Review state of a piece of evidence. */
public enum EvidenceState {
    SUBMITTED, ACCEPTED, REJECTED, WITHDRAWN;

    /**
     * Whether evidence in this state counts in the given basis: ACCEPTED in both, SUBMITTED (pending)
     * only in PROJECTED, REJECTED and WITHDRAWN never. A missing state is read as SUBMITTED.
     */
    public static boolean counts(EvidenceState state, Basis basis) {
        EvidenceState s = state == null ? SUBMITTED : state;
        return switch (s) {
            case ACCEPTED -> true;
            case SUBMITTED -> basis == Basis.PROJECTED;
            case REJECTED, WITHDRAWN -> false;
        };
    }
}
