package com.dentaldesk.contracts.booking;

import java.util.List;

/** The failure half of the envelope. {@code missing} names fields to ask for; {@code alternatives} are free slots. */
public record ApiError(ErrorCode code, String message, NextAction action, List<String> missing, List<Slot> alternatives) {

    public ApiError {
        missing = missing == null ? List.of() : List.copyOf(missing);
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }
}
