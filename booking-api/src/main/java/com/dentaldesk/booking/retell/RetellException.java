package com.dentaldesk.booking.retell;

import java.util.List;

import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.contracts.booking.ApiError;
import com.dentaldesk.contracts.booking.ErrorCode;
import com.dentaldesk.contracts.booking.NextAction;

/**
 * A Retell feature could not be used: not configured (503), Retell failed or refused us (502), Retell did not
 * answer in time (504), or rejected what the clinic asked for (422/404). The body is the usual envelope
 * without internals; the status follows the code.
 */
public class RetellException extends BookingException {

    public RetellException(ErrorCode code, NextAction action, String message) {
        super(new ApiError(code, message, action, List.of(), List.of()));
    }

    public static RetellException notConfigured() {
        return new RetellException(ErrorCode.UPSTREAM_UNAVAILABLE, NextAction.CHECK_CONFIGURATION,
                "Retell is not configured on this server (RETELL_API_KEY is not set)");
    }
}
