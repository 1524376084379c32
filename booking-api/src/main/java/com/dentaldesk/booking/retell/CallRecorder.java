package com.dentaldesk.booking.retell;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.calls.ConversationService;
import com.dentaldesk.booking.calls.UnbookedCallLeads;
import com.dentaldesk.booking.confirmations.ConfirmationCalls;

/**
 * Files Retell's view of a call under the current clinic: session, call log, a confirmation call's outcome and, once
 * over, a lead.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CallRecorder {

    private final CallSessionRepository sessions;
    private final UnassignedCalls unassigned;
    private final ConversationService conversations;
    private final UnbookedCallLeads leads;
    private final ConfirmationCalls confirmations;
    private final Clock clock;

    public CallRecorder(CallSessionRepository sessions, UnassignedCalls unassigned,
            ConversationService conversations, UnbookedCallLeads leads, ConfirmationCalls confirmations,
            Clock clock) {
        this.sessions = sessions;
        this.unassigned = unassigned;
        this.conversations = conversations;
        this.leads = leads;
        this.confirmations = confirmations;
        this.clock = clock;
    }

    public void record(MergedCall call) {
        sessions.apply(call);
        unassigned.forget(call.callId());
        conversations.fillFromRetell(call.callId(), call.agentId(), call.fromNumber(), call.toNumber(),
                call.startedAt(), call.endedAt(), call.transcript());
        confirmations.onCallEvent(call, clock.instant());
        if (call.isFinished() && !"outbound".equals(call.direction())) {
            leads.consider(call.callId(), call.fromNumber(),
                    call.customValue("caller_name", "patient_name", "name", "full_name"),
                    reason(call));
        }
    }

    private static String reason(MergedCall call) {
        String reason = call.customValue("reason", "call_reason", "reason_for_call");
        return reason != null ? reason : call.summary();
    }
}
