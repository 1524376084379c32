package com.dentaldesk.voice.agent;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import com.dentaldesk.contracts.calls.CallOutcome;
import com.dentaldesk.contracts.calls.ConversationLog;
import com.dentaldesk.contracts.calls.LeadRequest;
import com.dentaldesk.voice.client.BookingApiClient;
import com.dentaldesk.voice.config.GatewayConfig;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ships each call's record to booking-api in the background: the latest snapshot wins (the endpoint is an
 * upsert), one upload per call at a time, bounded retries with backoff. Nothing here can fail a call.
 *
 * <p>A change of facts (a tool call, the outcome, an appointment, a lead, the end) is uploaded at once: it is what
 * another instance needs to continue the call and what the clinic sees. A turn that only adds transcript (Retell
 * resends the whole transcript on every turn anyway) waits up to {@code transcript-interval}, so a thousand calls
 * cost booking-api a few uploads per second instead of one per turn.
 */
@ApplicationScoped
public class ConversationRecorder {

    private static final Logger LOG = Logger.getLogger(ConversationRecorder.class);

    private final BookingApiClient booking;
    private final Workers workers;
    private final GatewayConfig.ConversationLog config;
    private final Map<String, Pending> latest = new ConcurrentHashMap<>();
    private final Set<String> uploading = ConcurrentHashMap.newKeySet();
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final Map<String, Facts> lastFacts = new ConcurrentHashMap<>();

    private record Pending(String clinic, ConversationLog log) {
    }

    /** What must reach booking-api without delay when it changes. */
    private record Facts(int toolCalls, CallOutcome outcome, Long appointmentId, Long leadId, boolean ended) {
        static Facts of(ConversationLog log) {
            return new Facts(log.toolCalls().size(), log.outcome(), log.appointmentId(), log.leadId(),
                    log.endedAt() != null);
        }
    }

    public ConversationRecorder(BookingApiClient booking, Workers workers, GatewayConfig config) {
        this.booking = booking;
        this.workers = workers;
        this.config = config.conversationLog();
    }

    /** Queues the call's current state for upload. Never blocks, never throws. */
    public void record(CallState state) {
        String clinic = state.clinicSlug();
        if (clinic == null || state.clinic() == null) {
            return;
        }
        try {
            queue(clinic, state);
        } catch (RejectedExecutionException e) {
            // Only while the gateway shuts down (its calls end then too); booking-api's webhooks fill the record in.
            LOG.debugf("call %s: not uploaded, the gateway is stopping", state.callId());
        }
    }

    private void queue(String clinic, CallState state) {
        String callId = state.callId();
        ConversationLog log = state.snapshot();
        latest.put(callId, new Pending(clinic, log));
        Facts facts = Facts.of(log);
        boolean factsChanged = !facts.equals(lastFacts.put(callId, facts));
        if (facts.ended()) {
            lastFacts.remove(callId);
        }
        if (factsChanged) {
            startDrain(callId);
        } else if (waiting.add(callId)) {
            workers.timer().schedule(() -> {
                waiting.remove(callId);
                startDrain(callId);
            }, config.transcriptInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void startDrain(String callId) {
        if (uploading.add(callId)) {
            workers.pool().execute(() -> drain(callId, 1));
        }
    }

    private void drain(String callId, int attempt) {
        Pending next = latest.remove(callId);
        if (next == null) {
            uploading.remove(callId);
            // A record() between remove and here would have seen "uploading" and not started a drain.
            if (latest.containsKey(callId) && uploading.add(callId)) {
                drain(callId, 1);
            }
            return;
        }
        try {
            booking.putConversation(next.clinic(), next.log());
            drain(callId, 1);
        } catch (RuntimeException e) {
            latest.putIfAbsent(callId, next);
            if (attempt >= config.maxAttempts()) {
                LOG.warnf("call %s: conversation record not saved after %d attempts (%s)", callId, attempt,
                        e.getClass().getSimpleName());
                latest.remove(callId);
                uploading.remove(callId);
                return;
            }
            long delay = config.retryDelay().toMillis() << (attempt - 1);
            workers.timer().schedule(() -> workers.pool().execute(() -> drain(callId, attempt + 1)), delay,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Retries a lead that could not be saved during the call (booking-api dedups by call id). */
    public void retryLead(CallState state, LeadRequest lead) {
        retryLead(state, lead, 1);
    }

    private void retryLead(CallState state, LeadRequest lead, int attempt) {
        long delay = config.retryDelay().toMillis() << (attempt - 1);
        workers.timer().schedule(() -> workers.pool().execute(() -> {
            try {
                String clinic = state.clinicSlug();
                if (clinic == null) {
                    throw new IllegalStateException("clinic unknown");
                }
                booking.saveLead(clinic, lead).ifPresent(saved -> state.leadId(saved.id()));
                LOG.infof("call %s: lead saved on attempt %d", state.callId(), attempt + 1);
                record(state);
            } catch (RuntimeException e) {
                if (attempt < config.maxAttempts()) {
                    retryLead(state, lead, attempt + 1);
                } else {
                    LOG.errorf("call %s: lead lost after %d attempts (%s)", state.callId(), attempt + 1,
                            e.getClass().getSimpleName());
                }
            }
        }), delay, TimeUnit.MILLISECONDS);
    }
}
