package cn.nmsdz.support.rest;

import java.util.List;

/** Thrown by use cases to answer with a problem: status, a short title, what is wrong. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private String chineseDetail;
    private List<Problem.FieldError> chineseErrors;
    private String type;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public static ProblemException badRequest(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(400, "Invalid request", detail, errors).typed(ProblemType.INVALID_REQUEST);
    }

    /**
     * A request without the body it needs (e.g. {@code "a JSON department"}): the same problem on every endpoint, its
     * error pointing at the whole body ({@code /}).
     */
    public static ProblemException missingBody(String what) {
        return badRequest(what + " is required", List.of(new Problem.FieldError("/", "required")))
                .typed(ProblemType.MISSING_BODY);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail).typed(ProblemType.NOT_FOUND);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail).typed(ProblemType.CONFLICT);
    }

    /**
     * The same problem in Simplified Chinese (the default language of problem details; the English stays the
     * message and is answered for {@code lang=en} or an Accept-Language preferring English).
     */
    public ProblemException chinese(String detail, List<Problem.FieldError> errors) {
        this.chineseDetail = detail;
        this.chineseErrors = errors == null ? null : List.copyOf(errors);
        return this;
    }

    public ProblemException chinese(String detail) {
        return chinese(detail, null);
    }

    /**
     * The problem type of this refusal (a stable URI listed in the README). Without one, a refusal whose detail names
     * its rule ({@code rule four-eyes: …}) has that rule's type, and any other the type of its status
     * ({@link ProblemType#forStatus}); the factories set the type of what they say (not found, conflict, …).
     */
    public ProblemException typed(String type) {
        this.type = type;
        return this;
    }

    /** Refused by a rule of the services: its type {@code urn:nmsdz:problem:rule:<name>}. */
    public ProblemException typed(RefusalRule rule) {
        return typed(rule.type());
    }

    public ProblemException typed(ProblemType type) {
        return typed(type.type());
    }

    public String type() {
        return type;
    }

    public String chineseDetail() {
        return chineseDetail;
    }

    public List<Problem.FieldError> chineseErrors() {
        return chineseErrors;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
