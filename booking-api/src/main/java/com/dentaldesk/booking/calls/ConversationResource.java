package com.dentaldesk.booking.calls;

import java.time.Instant;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import com.dentaldesk.contracts.booking.ApiResponse;
import com.dentaldesk.contracts.calls.ConversationLog;

/** The call log: written by the gateway per call, read by the clinic (and the gateway on reconnect). */
@Path("/api/conversations")
public class ConversationResource {

    private final ConversationService conversations;

    public ConversationResource(ConversationService conversations) {
        this.conversations = conversations;
    }

    @GET
    public ApiResponse<List<ConversationSummary>> list(@QueryParam("from") String from, @QueryParam("to") String to) {
        return ApiResponse.ok(conversations.list(from, to));
    }

    @GET
    @Path("/{callId}")
    public ApiResponse<ConversationLog> get(@PathParam("callId") String callId) {
        return ApiResponse.ok(conversations.get(callId));
    }

    @PUT
    @Path("/{callId}")
    public ApiResponse<ConversationReceipt> put(@PathParam("callId") String callId, ConversationLog log) {
        return ApiResponse.ok(conversations.put(callId, log));
    }

    /**
     * What a PUT answers: the gateway uploads during every call and needs only "stored"; echoing the whole log
     * (with its derived links) made the upload booking-api's most expensive request. GET has the full record.
     */
    public record ConversationReceipt(String callId, Instant savedAt) {
    }
}
