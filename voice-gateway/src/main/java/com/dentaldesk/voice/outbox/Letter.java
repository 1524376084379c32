package com.dentaldesk.voice.outbox;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Something the caller was promised that booking-api must receive: a callback request or the record of a call.
 * {@code body} is the JSON booking-api takes for it. {@code clinic} is the slug when the call knew it; a call that
 * began while booking-api was away did not, and its letter is addressed by the Retell agent and the called number,
 * which booking-api resolves to the clinic on delivery.
 */
public record Letter(Kind kind, String clinic, String agentId, String toNumber, String callId, JsonNode body) {

    public enum Kind {
        LEAD,
        CALL_RECORD
    }
}
