package com.dentaldesk.simulator;

import com.dentaldesk.contracts.retell.RetellRequest;
import com.dentaldesk.contracts.retell.RetellResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON for the simulator's side of the socket: it writes requests and reads responses. */
final class Frames {

    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Frames() {
    }

    static String encode(RetellRequest request) {
        try {
            return JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + request.getClass().getSimpleName(), e);
        }
    }

    static RetellResponse decode(String text) throws JsonProcessingException {
        return JSON.readValue(text, RetellResponse.class);
    }
}
