package com.dentaldesk.voice.outbox;

/** Hands a {@link Letter} to booking-api. */
public interface Courier {

    enum Result {
        /** booking-api has it. */
        DELIVERED,
        /** booking-api answered and will never take it (a 4xx): retrying cannot help. */
        REFUSED,
        /** booking-api could not be reached or failed: try again later. */
        UNAVAILABLE
    }

    Result deliver(Letter letter);
}
