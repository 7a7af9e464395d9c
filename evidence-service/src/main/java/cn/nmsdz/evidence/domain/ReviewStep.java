package cn.nmsdz.evidence.domain;

import cn.nmsdz.events.evidence.ReviewState;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The review state machine: a reviewer accepts or rejects SUBMITTED evidence; SUBMITTED or ACCEPTED evidence can be
 * withdrawn (a new state, never a delete); REJECTED and WITHDRAWN are final.
 */
public enum ReviewStep {
    ACCEPT(ReviewState.ACCEPTED, EnumSet.of(ReviewState.SUBMITTED)),
    REJECT(ReviewState.REJECTED, EnumSet.of(ReviewState.SUBMITTED)),
    WITHDRAW(ReviewState.WITHDRAWN, EnumSet.of(ReviewState.SUBMITTED, ReviewState.ACCEPTED));

    private final ReviewState to;
    private final Set<ReviewState> from;

    ReviewStep(ReviewState to, Set<ReviewState> from) {
        this.to = to;
        this.from = from;
    }

    /** The state this step leads to from {@code state}, or empty when it does not apply there. */
    public Optional<ReviewState> next(ReviewState state) {
        return from.contains(state) ? Optional.of(to) : Optional.empty();
    }
}
