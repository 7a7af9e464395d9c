package cn.nmsdz.support.rest;

import java.util.List;

/**
 * A refusal that may only mean "not yet": what the call depends on was changed elsewhere and the change has not reached
 * this service through its events yet. Answered like any problem, with {@code Retry-After}; the caller retries the same
 * request after that many seconds instead of taking the refusal as final.
 */
public class RetryLaterException extends ProblemException {
    private final int retryAfterSeconds;

    public RetryLaterException(int status, String title, String detail, int retryAfterSeconds,
            List<Problem.FieldError> errors) {
        super(status, title, detail, errors);
        this.retryAfterSeconds = retryAfterSeconds;
        typed(ProblemType.NOT_ARRIVED_YET);
    }

    /** 409: the change the caller names has not reached this service yet. */
    public static RetryLaterException notYet(String detail, int retryAfterSeconds) {
        return new RetryLaterException(409, "Not arrived yet", detail, retryAfterSeconds, List.of());
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
