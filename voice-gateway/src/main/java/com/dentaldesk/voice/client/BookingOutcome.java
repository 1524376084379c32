package com.dentaldesk.voice.client;

import com.dentaldesk.contracts.booking.ApiError;
import com.dentaldesk.contracts.booking.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;

/** A business answer of booking-api: data on success, or an error the agent can act on (409, 422, 404). */
public record BookingOutcome(boolean success, JsonNode data, ApiError error) {

    public boolean is(ErrorCode code) {
        return error != null && error.code() == code;
    }
}
