package com.dentaldesk.booking.errors;

import java.util.List;

import com.dentaldesk.contracts.booking.ApiError;
import com.dentaldesk.contracts.booking.ErrorCode;
import com.dentaldesk.contracts.booking.NextAction;
import com.dentaldesk.contracts.booking.Slot;

/** A business outcome that is not a success; mapped to the envelope and its HTTP status in one place. */
public class BookingException extends RuntimeException {

    private final ApiError error;

    public BookingException(ApiError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }

    public static BookingException missing(List<String> fields) {
        return new BookingException(new ApiError(ErrorCode.VALIDATION_FAILED,
                "Missing required fields: " + String.join(", ", fields), NextAction.ASK_USER, fields, List.of()));
    }

    /** A value the caller gave is wrong; {@code field} names what to ask for again. */
    public static BookingException invalid(String field, String message) {
        return new BookingException(new ApiError(ErrorCode.VALIDATION_FAILED, message, NextAction.ASK_USER,
                field == null ? List.of() : List.of(field), List.of()));
    }

    public static BookingException notFound(String what) {
        return new BookingException(new ApiError(ErrorCode.NOT_FOUND, what + " not found", NextAction.INFORM_USER,
                List.of(), List.of()));
    }

    public static BookingException slotTaken(String message, List<Slot> alternatives) {
        return new BookingException(new ApiError(ErrorCode.SLOT_TAKEN, message, NextAction.OFFER_ALTERNATIVES,
                List.of(), alternatives));
    }

    public static BookingException unauthorized(String message) {
        return new BookingException(new ApiError(ErrorCode.UNAUTHORIZED, message, NextAction.CHECK_CONFIGURATION,
                List.of(), List.of()));
    }
}
