package com.dentaldesk.voice.client;

/**
 * booking-api could not answer (down, timed out, 5xx, or it rejected our credential): the call switches to
 * taking a message. The message never carries patient data.
 */
public class BookingUnavailableException extends RuntimeException {
    public BookingUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public BookingUnavailableException(String message) {
        super(message);
    }
}
