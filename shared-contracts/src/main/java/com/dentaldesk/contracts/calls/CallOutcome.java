package com.dentaldesk.contracts.calls;

/** How a call ended for the clinic. */
public enum CallOutcome {
    booked,
    rescheduled,
    cancelled,
    message,
    transferred,
    abandoned,
    failed
}
