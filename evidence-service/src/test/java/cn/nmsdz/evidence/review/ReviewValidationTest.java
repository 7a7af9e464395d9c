package cn.nmsdz.evidence.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.nmsdz.support.rest.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewValidationTest {
    static List<String> fields(ReviewInput input) {
        return ReviewService.validate(input).stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void aRejectionNeedsAReasonAnAcceptanceDoesNot() {
        assertEquals(List.of(), fields(new ReviewInput("ACCEPT", null)));
        assertEquals(List.of(), fields(new ReviewInput("REJECT", "与公报不符")));
        assertEquals(List.of("/reason"), fields(new ReviewInput("REJECT", "  ")));
    }
    // ACCEPT or REJECT only, and the reason's length: ReviewInput's constraints (RequestPipelineTest)
}
