package cn.nmsdz.support.rest;

/**
 * The stable problem {@code type}s of refusals that are no service rule's ({@link RefusalRule} has those): what the
 * shared plumbing answers for a request it cannot take (unreadable body, wrong media type, no token, …) and the
 * generic answers of the services (not found, conflict). Listed in the README; the same in every language.
 */
public enum ProblemType {
    /** A body field or a parameter breaks its constraint; {@code errors} names each one. */
    INVALID_FIELD("invalid-field"),
    /** A value the service refuses once the fields are read (e.g. a code that differs from the path, an unknown sort). */
    INVALID_REQUEST("invalid-request"),
    /** The operation needs a body and got none. */
    MISSING_BODY("missing-body"),
    /** The body is not valid JSON (or multipart) or does not have the expected shape. */
    MALFORMED_BODY("malformed-body"),
    /** The body is larger than the operation accepts. */
    PAYLOAD_TOO_LARGE("payload-too-large"),
    /** The body has no Content-Type, a wildcard one or one the operation does not read. */
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type"),
    /** The resource does not have that method ({@code Allow} lists those it has). */
    METHOD_NOT_ALLOWED("method-not-allowed"),
    /** No token, or a token that is refused. */
    UNAUTHORIZED("unauthorized"),
    /** Nothing is known under the code or id asked for (or the caller may not know it exists). */
    NOT_FOUND("not-found"),
    /** The request contradicts what is stored (e.g. a department that exists already, or is still named). */
    CONFLICT("conflict"),
    /** What the request depends on was changed elsewhere and has not arrived yet; retry after {@code Retry-After}. */
    NOT_ARRIVED_YET("not-arrived-yet"),
    /** An {@code Idempotency-Key} used before for another request. */
    IDEMPOTENCY_KEY_REUSE("idempotency-key-reuse"),
    /** The database refused a value of the request (a validation is missing); nothing changed. */
    VALUE_REFUSED("value-refused"),
    /** The identity provider cannot be reached to check the token; retry after {@code Retry-After}. */
    IDENTITY_PROVIDER_UNAVAILABLE("identity-provider-unavailable"),
    /**
     * The service could not get a database connection (every pooled one busy, or PostgreSQL out of reach); nothing
     * changed; retry after {@code Retry-After}.
     */
    DATABASE_UNAVAILABLE("database-unavailable"),
    /** A fault of the service, not of the request (its cause is in the log under the request id). */
    INTERNAL_ERROR("internal-error"),
    /** The gateway's: the request line is longer than it takes. */
    URI_TOO_LONG("uri-too-long"),
    /** The gateway's: the header block is larger than it takes. */
    HEADER_FIELDS_TOO_LARGE("header-fields-too-large"),
    /** The gateway's: more requests than the client's rate allows; retry after {@code Retry-After}. */
    TOO_MANY_REQUESTS("too-many-requests"),
    /** The gateway's: the service behind it could not be reached or read; nothing is known to have changed. */
    BACKEND_UNAVAILABLE("backend-unavailable"),
    /**
     * The gateway's: too many requests already wait for the service behind it; this one was not sent; retry after
     * {@code Retry-After}.
     */
    SERVICE_BUSY("service-busy"),
    /** The gateway's: the service behind it did not answer in time; the request may have been committed. */
    BACKEND_TIMEOUT("backend-timeout");

    public static final String TYPE_PREFIX = "urn:nmsdz:problem:";

    private final String name;

    ProblemType(String name) {
        this.name = name;
    }

    /** The problem type, e.g. {@code urn:nmsdz:problem:not-found}. */
    public String type() {
        return TYPE_PREFIX + name;
    }

    /** The type of a problem that says no more than its status (the plumbing's own answers, a rule-less refusal). */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_REQUESTS;
            case 431 -> HEADER_FIELDS_TOO_LARGE;
            case 502 -> BACKEND_UNAVAILABLE;
            case 503 -> IDENTITY_PROVIDER_UNAVAILABLE;
            case 504 -> BACKEND_TIMEOUT;
            default -> status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
        };
    }
}
