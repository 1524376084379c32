package com.dentaldesk.contracts.calls;

/** How a call ended for the clinic. */
public enum CallOutcome {
    booked,
    rescheduled,
    cancelled,
    message,
    transferred,
    /** Answered and closed with a goodbye; nothing booked, moved or taken down. */
    answered,
    /** The caller hung up before the call came to an end. */
    abandoned,
    failed
}
