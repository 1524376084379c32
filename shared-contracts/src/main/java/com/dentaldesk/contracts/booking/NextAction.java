package com.dentaldesk.contracts.booking;

/** What an agent should do with a failure, so it never invents values or retries blindly. */
public enum NextAction {
    /** Ask the caller for the fields named in {@code missing} (or a corrected value). */
    ASK_USER,
    /** Offer the caller the free slots in {@code alternatives}. */
    OFFER_ALTERNATIVES,
    /** Tell the caller what was not found; do not retry with invented ids. */
    INFORM_USER,
    /** Authentication problem: a configuration error, nothing the caller can fix. */
    CHECK_CONFIGURATION,
    /** Something broke on our side: apologise and take a message. */
    TAKE_MESSAGE
}
