package com.dentaldesk.booking.retell;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Splits Retell's HTTP errors into "rejected" (4xx, never retried) and "server error" (5xx, retried). */
public class RetellResponseMapper implements ResponseExceptionMapper<RetellHttpException> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 300;

    @Override
    public RetellHttpException toThrowable(Response response) {
        int status = response.getStatus();
        String message = message(response);
        return status >= 500 ? new RetellHttpException.ServerError(status, message)
                : new RetellHttpException.Rejected(status, message);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    private static String message(Response response) {
        try {
            String body = response.readEntity(String.class);
            JsonNode node = JSON.readTree(body);
            for (String field : new String[] {"message", "error_message", "error"}) {
                if (node != null && node.hasNonNull(field) && node.get(field).isTextual()) {
                    String text = node.get(field).asText();
                    return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) : text;
                }
            }
        } catch (RuntimeException | java.io.IOException e) {
            // No readable explanation; the status says enough.
        }
        return null;
    }
}
