package com.dentaldesk.contracts.booking;

/** Machine-readable failure kinds; each maps to one HTTP status. */
public enum ErrorCode {
    VALIDATION_FAILED(422),
    IDEMPOTENCY_KEY_REUSED(422),
    SLOT_TAKEN(409),
    NOT_FOUND(404),
    UNAUTHORIZED(401),
    INTERNAL(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
