package cn.nmsdz.evidence.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.nmsdz.events.evidence.ReviewState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewStepTest {

    @Test
    void onlySubmittedEvidenceIsReviewed() {
        assertEquals(Optional.of(ReviewState.ACCEPTED), ReviewStep.ACCEPT.next(ReviewState.SUBMITTED));
        assertEquals(Optional.of(ReviewState.REJECTED), ReviewStep.REJECT.next(ReviewState.SUBMITTED));
        for (ReviewState state : new ReviewState[] {ReviewState.ACCEPTED, ReviewState.REJECTED, ReviewState.WITHDRAWN}) {
            assertEquals(Optional.empty(), ReviewStep.ACCEPT.next(state), state.name());
            assertEquals(Optional.empty(), ReviewStep.REJECT.next(state), state.name());
        }
    }

    @Test
    void submittedOrAcceptedEvidenceIsWithdrawnAndRejectedOrWithdrawnIsFinal() {
        assertEquals(Optional.of(ReviewState.WITHDRAWN), ReviewStep.WITHDRAW.next(ReviewState.SUBMITTED));
        assertEquals(Optional.of(ReviewState.WITHDRAWN), ReviewStep.WITHDRAW.next(ReviewState.ACCEPTED));
        assertEquals(Optional.empty(), ReviewStep.WITHDRAW.next(ReviewState.REJECTED));
        assertEquals(Optional.empty(), ReviewStep.WITHDRAW.next(ReviewState.WITHDRAWN));
    }
}
