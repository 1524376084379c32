package com.dentaldesk.booking.console.calls;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.dentaldesk.contracts.calls.CallOutcome;

/** The words the front desk reads for a call's outcome; {@code key} is the enum name, used in filters and styles. */
public record OutcomeLabel(String key, String label) {

    /** A call still going on (or never closed) has no outcome yet. */
    static final OutcomeLabel IN_PROGRESS = new OutcomeLabel("none", "In progress");

    static OutcomeLabel of(CallOutcome outcome) {
        if (outcome == null) {
            return IN_PROGRESS;
        }
        return new OutcomeLabel(outcome.name(), switch (outcome) {
            case booked -> "Booked";
            case rescheduled -> "Moved";
            case cancelled -> "Cancelled";
            case message -> "Message taken";
            case transferred -> "Transferred";
            case answered -> "Answered";
            case abandoned -> "Hung up early";
            case failed -> "Failed";
        });
    }

    static List<OutcomeLabel> all() {
        return Arrays.stream(CallOutcome.values()).map(OutcomeLabel::of).toList();
    }

    /** The outcome named in a filter; empty for none or an unknown name. */
    static Optional<CallOutcome> parse(String key) {
        return Arrays.stream(CallOutcome.values()).filter(o -> o.name().equals(key)).findFirst();
    }
}
