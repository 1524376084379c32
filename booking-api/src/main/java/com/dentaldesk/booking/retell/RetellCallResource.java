package com.dentaldesk.booking.retell;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.jboss.resteasy.reactive.RestResponse;

import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.livecalls.LiveCallResource.Delivered;
import com.dentaldesk.booking.livecalls.LiveCallText;
import com.dentaldesk.booking.retell.CallRequests.CallView;
import com.dentaldesk.booking.retell.CallRequests.DeadLetter;
import com.dentaldesk.booking.retell.CallRequests.OutboundCall;
import com.dentaldesk.booking.retell.CallRequests.UnassignedCall;
import com.dentaldesk.booking.retell.CallRequests.WebCall;
import com.dentaldesk.booking.retell.CallRequests.WebCallStarted;
import com.dentaldesk.booking.tenancy.TenantContext;
import com.dentaldesk.contracts.booking.ApiResponse;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Outbound and web calls of the clinic, and (for operators) calls that reached no clinic. */
@Path("/api/retell")
public class RetellCallResource {

    private static final int MAX_UNASSIGNED = 200;

    private final RetellCallService calls;
    private final UnassignedCalls unassigned;
    private final WebhookInbox inbox;
    private final WebhookProcessor processor;
    private final RetellConfig config;
    private final TenantContext tenant;
    private final LiveCallText liveCalls;

    public RetellCallResource(RetellCallService calls, UnassignedCalls unassigned, WebhookInbox inbox,
            WebhookProcessor processor, RetellConfig config, TenantContext tenant, LiveCallText liveCalls) {
        this.liveCalls = liveCalls;
        this.calls = calls;
        this.unassigned = unassigned;
        this.inbox = inbox;
        this.processor = processor;
        this.config = config;
        this.tenant = tenant;
    }

    /** The predecessor's route for staff text, kept: {@code {call_id, text}}, spoken at once. */
    public record SendText(@JsonProperty("call_id") String callId, String text) {
    }

    @POST
    @Path("/send-text")
    public RestResponse<ApiResponse<Delivered>> sendText(SendText request) {
        String callId = request == null ? null : request.callId();
        liveCalls.send(callId, request == null ? null : request.text(), "speak");
        return RestResponse.status(RestResponse.Status.ACCEPTED, ApiResponse.ok(new Delivered(callId, "speak")));
    }

    @POST
    @Path("/call")
    public ApiResponse<CallView> placeCall(OutboundCall request) {
        return ApiResponse.ok(calls.placeCall(request));
    }

    @GET
    @Path("/call")
    public ApiResponse<CallView> getCall(@QueryParam("call_id") String callId) {
        return ApiResponse.ok(calls.getCall(callId));
    }

    @POST
    @Path("/create-web-call")
    public ApiResponse<WebCallStarted> createWebCall(WebCall request) {
        return ApiResponse.ok(calls.createWebCall(request));
    }

    /** Operator view: service credential only, since these calls belong to no clinic. */
    @GET
    @Path("/unassigned-calls")
    public ApiResponse<List<UnassignedCall>> unassignedCalls() {
        requireService("list unassigned calls");
        return ApiResponse.ok(QuarkusTransaction.requiringNew().call(() -> unassigned.recent(MAX_UNASSIGNED)
                .stream().map(u -> new UnassignedCall(u.callId, u.agentId, u.direction, u.status, u.fromNumber,
                        u.toNumber, u.lastEvent, u.firstSeenAt, u.lastSeenAt))
                .toList()));
    }

    /** Operator view: webhook events that failed {@code retell.webhook.max-attempts} times and are no longer tried. */
    @GET
    @Path("/dead-letters")
    public ApiResponse<List<DeadLetter>> deadLetters() {
        requireService("list dead letters");
        return ApiResponse.ok(QuarkusTransaction.requiringNew().call(() -> inbox
                .dead(config.webhook().maxAttempts(), MAX_UNASSIGNED).stream()
                .map(DeadLetter::of)
                .toList()));
    }

    /** Operator action once the cause is fixed: the event gets a fresh set of attempts, starting now. */
    @POST
    @Path("/dead-letters/{id}/retry")
    public ApiResponse<DeadLetter> retryDeadLetter(@PathParam("id") long id) {
        requireService("retry dead letters");
        RetellWebhookEvent event = QuarkusTransaction.requiringNew().call(() -> inbox.revive(id))
                .orElseThrow(() -> BookingException.notFound("Dead letter " + id));
        processor.wake();
        return ApiResponse.ok(DeadLetter.of(event));
    }

    private void requireService(String what) {
        if (!tenant.isService()) {
            throw BookingException.unauthorized("Only the service credential may " + what);
        }
    }
}
