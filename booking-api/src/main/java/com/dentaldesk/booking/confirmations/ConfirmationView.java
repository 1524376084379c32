package com.dentaldesk.booking.confirmations;

import java.time.Instant;

/** One appointment's confirmation call as the API shows it. */
public record ConfirmationView(long appointmentId, Instant appointmentStartsAt, String status, String label,
        int attempts, Instant nextAttemptAt, String callId, String detail) {

    static ConfirmationView of(ConfirmationCall call) {
        return new ConfirmationView(call.appointmentId, call.appointmentStartsAt, call.status.dbValue(),
                call.status.label(), call.attempts, call.nextAttemptAt, call.retellCallId, call.detail);
    }
}
