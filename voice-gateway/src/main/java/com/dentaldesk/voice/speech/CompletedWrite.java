package com.dentaldesk.voice.speech;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A write booking-api confirmed in this call: the only thing a spoken claim may be checked against.
 *
 * @param kind what the write did
 * @param start clinic-local start of the appointment: the new time for a move, the freed time for a cancellation
 * @param providerName as booking-api names the provider ("Dr. Patel", "Priya Patel"); may be null
 * @param responseId the Retell {@code response_id} of the turn in which the write succeeded
 */
public record CompletedWrite(WriteKind kind, LocalDateTime start, String providerName, long responseId) {

    public CompletedWrite {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
    }
}
