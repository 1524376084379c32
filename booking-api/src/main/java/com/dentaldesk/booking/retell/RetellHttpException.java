package com.dentaldesk.booking.retell;

/** Retell answered with an HTTP error; {@code message} is Retell's own explanation when it gave one. */
public class RetellHttpException extends RuntimeException {

    private final int status;

    public RetellHttpException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** A 4xx: our request was wrong or not allowed; repeating it cannot help. */
    public static class Rejected extends RetellHttpException {
        public Rejected(int status, String message) {
            super(status, message);
        }
    }

    /** A 5xx: Retell failed; a later attempt may succeed. */
    public static class ServerError extends RetellHttpException {
        public ServerError(int status, String message) {
            super(status, message);
        }
    }
}
