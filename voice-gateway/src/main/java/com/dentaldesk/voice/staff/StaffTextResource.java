package com.dentaldesk.voice.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.dentaldesk.voice.agent.CallSession;
import com.dentaldesk.voice.agent.CallSessions;
import com.dentaldesk.voice.config.GatewayConfig;

/**
 * booking-api hands text typed by a clinic's staff to the instance serving the call (it asks every instance; only
 * the one holding the call answers 202, the others 404). Only booking-api's service token may call it, and only
 * into a call of the clinic it names. The text is spoken at once ({@code speak}), given to the receptionist as an
 * instruction ({@code instruct}), or spoken before the call is put through to the clinic's transfer number
 * ({@code transfer}: 409 when the clinic has none).
 */
@Path("/internal/calls/{callId}/staff-text")
public class StaffTextResource {

    /** What to deliver, and how. */
    public record StaffText(String clinic, String text, String mode) {
    }

    static final int MAX_TEXT = 500;

    private final CallSessions calls;
    private final GatewayConfig config;

    public StaffTextResource(CallSessions calls, GatewayConfig config) {
        this.calls = calls;
        this.config = config;
    }

    @POST
    public Response deliver(@PathParam("callId") String callId, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            StaffText body) {
        String expected = "Bearer " + config.bookingApi().serviceToken();
        if (auth == null || !MessageDigest.isEqual(auth.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        CallSession.StaffMode mode = mode(body == null ? null : body.mode());
        if (body == null || body.clinic() == null || body.text() == null || body.text().isBlank()
                || body.text().length() > MAX_TEXT || mode == null) {
            return Response.status(422).build();
        }
        return switch (calls.staffText(callId, body.clinic(), body.text().strip(), mode)) {
            case DELIVERED -> Response.status(Response.Status.ACCEPTED).build();
            case NOT_HERE -> Response.status(Response.Status.NOT_FOUND).build();
            case NO_TRANSFER_NUMBER -> Response.status(Response.Status.CONFLICT).build();
        };
    }

    private static CallSession.StaffMode mode(String value) {
        return switch (value == null ? "" : value) {
            case "speak" -> CallSession.StaffMode.SPEAK;
            case "instruct" -> CallSession.StaffMode.INSTRUCT;
            case "transfer" -> CallSession.StaffMode.TRANSFER;
            default -> null;
        };
    }
}
