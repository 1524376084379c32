package com.dentaldesk.booking.retell;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import com.dentaldesk.booking.tenancy.Organization;
import com.dentaldesk.booking.tenancy.TenantContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Processes one stored webhook event: resolves the call's clinic, then, as that clinic, re-folds every event of
 * the call and writes the result. Each call runs in a fresh request context so no clinic carries over.
 */
@ApplicationScoped
public class CallEventHandler {

    private final WebhookInbox inbox;
    private final CallClinicResolver resolver;
    private final TenantContext tenant;
    private final CallRecorder recorder;
    private final UnassignedCalls unassigned;
    private final CallLocks locks;
    private final ObjectMapper json;

    public CallEventHandler(WebhookInbox inbox, CallClinicResolver resolver, TenantContext tenant,
            CallRecorder recorder, UnassignedCalls unassigned, CallLocks locks, ObjectMapper json) {
        this.inbox = inbox;
        this.resolver = resolver;
        this.tenant = tenant;
        this.recorder = recorder;
        this.unassigned = unassigned;
        this.locks = locks;
        this.json = json;
    }

    /** Ids of events due for processing. Hibernate needs a request context to resolve even "no clinic". */
    @ActivateRequestContext
    public List<Long> due(int maxAttempts, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> inbox.due(maxAttempts, limit));
    }

    /** True when the event has now used its last attempt. */
    @ActivateRequestContext
    public boolean recordFailure(long eventId, String error, int maxAttempts) {
        return QuarkusTransaction.requiringNew().call(() -> inbox.markFailed(eventId, error, maxAttempts));
    }

    /** Must be called from a thread without an active request context (see {@link WebhookProcessor}). */
    @ActivateRequestContext
    public void process(long eventId) {
        RetellWebhookEvent event = QuarkusTransaction.requiringNew().call(() -> inbox.findById(eventId));
        if (event == null || event.processedAt != null) {
            return;
        }
        JsonNode call = MergedCall.read(json, event.payload).path("call");
        // The tenant is fixed when a transaction's session opens: resolve first, then open the clinic's one.
        Optional<Organization> clinic = QuarkusTransaction.requiringNew().call(() -> resolver.resolve(
                MergedCall.text(call, "agent_id"), MergedCall.text(call, "direction"),
                MergedCall.text(call, "from_number"), MergedCall.text(call, "to_number")));
        clinic.ifPresent(tenant::actFor);
        QuarkusTransaction.requiringNew().run(() -> {
            if (!inbox.claim(eventId)) {
                return;
            }
            if (MergedCall.isCallEvent(event.eventType)) {
                locks.lock(event.callId);
                MergedCall merged = MergedCall.fold(event.callId, inbox.forCall(event.callId), json);
                if (clinic.isPresent()) {
                    recorder.record(merged);
                } else {
                    unassigned.apply(merged);
                }
            }
            inbox.markProcessed(eventId, clinic.map(o -> o.id).orElse(null));
        });
    }
}
