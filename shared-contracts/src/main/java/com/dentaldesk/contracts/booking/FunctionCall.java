package com.dentaldesk.contracts.booking;

import java.util.Map;

/** Body of {@code POST /api/booking}: one named function with its parameters; the session is the call id. */
public record FunctionCall(String functionName, Map<String, Object> parameters, String sessionId) {

    public FunctionCall {
        parameters = parameters == null ? Map.of() : parameters;
    }
}
