package com.dentaldesk.booking.calls;

import java.time.Instant;

import com.dentaldesk.contracts.calls.CallOutcome;

/**
 * One line of the call log list: who, when, how it ended, and what it produced. {@code callerName} and
 * {@code reason} come from the call's lead, else from the patient and type of the appointment it booked.
 */
public record ConversationSummary(String callId, String agentId, String fromNumber, String toNumber,
        Instant startedAt, Instant endedAt, CallOutcome outcome, Long appointmentId, Long leadId, String callerName,
        String reason) {
}
