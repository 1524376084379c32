package com.dentaldesk.voice.tools;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import com.dentaldesk.contracts.booking.BookingFunction;
import com.dentaldesk.voice.agent.CallState;
import com.dentaldesk.voice.client.BookingApiClient;
import com.dentaldesk.voice.client.BookingOutcome;

/** Everything a tool run may use: the call's state, the turn it belongs to, booking-api acting for the clinic. */
public record ToolContext(CallState state, long responseId, String toolCallId, Instant now,
        BookingApiClient booking, int maxSlotsOffered) {

    /** Calls booking-api for this call's clinic; writes are keyed {@code <callId>:<toolCallId>}. */
    public BookingOutcome call(BookingFunction function, Map<String, Object> parameters) {
        return booking.call(state.clinicSlug(), state.callId(), state.callId() + ":" + toolCallId, function, parameters);
    }

    public ZoneId zone() {
        String tz = state.clinic() == null ? null : state.clinic().timezone();
        try {
            return tz == null ? ZoneId.of("UTC") : ZoneId.of(tz);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
