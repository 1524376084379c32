package com.dentaldesk.booking.calls;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.appointments.AppointmentRepository;
import com.dentaldesk.contracts.calls.CallOutcome;
import com.dentaldesk.contracts.calls.Lead;

/**
 * Turns a finished call that booked nothing into a lead, so the front desk calls the person back. A call
 * already handled (an appointment made on it, or the gateway reported it booked, moved, cancelled or
 * transferred) gets none; a call with neither a caller number nor a name gets none.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class UnbookedCallLeads {

    private static final Set<CallOutcome> HANDLED = EnumSet.of(CallOutcome.booked, CallOutcome.rescheduled,
            CallOutcome.cancelled, CallOutcome.transferred);

    private final AppointmentRepository appointments;
    private final ConversationService conversations;
    private final LeadService leads;

    public UnbookedCallLeads(AppointmentRepository appointments, ConversationService conversations,
            LeadService leads) {
        this.appointments = appointments;
        this.conversations = conversations;
        this.leads = leads;
    }

    /** {@code callerNumber} is the caller's own number (null for outbound calls, which we placed ourselves). */
    public Optional<Lead> consider(String callId, String callerNumber, String callerName, String reason) {
        if (callerNumber == null && callerName == null) {
            return Optional.empty();
        }
        if (appointments.count("sessionId", callId) > 0) {
            return Optional.empty();
        }
        CallOutcome outcome = conversations.recordedOutcome(callId);
        if (outcome != null && HANDLED.contains(outcome)) {
            return Optional.empty();
        }
        return Optional.of(leads.ensureForCall(callId, callerName, callerNumber, reason));
    }
}
