package com.dentaldesk.voice.outbox;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Something the caller was promised that booking-api must receive: a callback request or the record of a call.
 * {@code body} is the JSON booking-api takes for it.
 */
public record Letter(Kind kind, String clinic, String callId, JsonNode body) {

    public enum Kind {
        LEAD,
        CALL_RECORD
    }
}
