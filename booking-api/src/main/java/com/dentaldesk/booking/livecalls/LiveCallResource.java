package com.dentaldesk.booking.livecalls;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.jboss.resteasy.reactive.RestResponse;

import com.dentaldesk.contracts.booking.ApiResponse;

/** Staff text into one of the clinic's live calls (clinic API key): spoken at once or given as an instruction. */
@Path("/api/calls/{callId}/say")
public class LiveCallResource {

    /** {@code mode}: {@code speak} (default) or {@code instruct}. */
    public record SayRequest(String text, String mode) {
    }

    public record Delivered(String callId, String mode) {
    }

    private final LiveCallText liveCalls;

    public LiveCallResource(LiveCallText liveCalls) {
        this.liveCalls = liveCalls;
    }

    @POST
    public RestResponse<ApiResponse<Delivered>> say(@PathParam("callId") String callId, SayRequest request) {
        String mode = request == null || request.mode() == null ? "speak" : request.mode();
        liveCalls.send(callId, request == null ? null : request.text(), mode);
        return RestResponse.status(RestResponse.Status.ACCEPTED, ApiResponse.ok(new Delivered(callId, mode)));
    }
}
