package com.dentaldesk.contracts.booking;

/** Machine-readable failure kinds; each maps to one HTTP status. */
public enum ErrorCode {
    VALIDATION_FAILED(422),
    IDEMPOTENCY_KEY_REUSED(422),
    SLOT_TAKEN(409),
    NOT_FOUND(404),
    UNAUTHORIZED(401),
    INTERNAL(500),
    /** An outside service (e.g. Retell) refused or failed the request. */
    UPSTREAM_FAILED(502),
    /** An outside service is not configured or is throttling us; try again later. */
    UPSTREAM_UNAVAILABLE(503),
    /** An outside service did not answer in time; a create may or may not have happened. */
    UPSTREAM_TIMEOUT(504);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
