package com.dentaldesk.voice.tools;

import java.util.Optional;

import com.dentaldesk.contracts.booking.Appointment;
import com.dentaldesk.contracts.booking.Slot;
import com.dentaldesk.voice.agent.CallState;
import com.dentaldesk.voice.agent.PendingAction;

/**
 * The rule the predecessor's prompt could not enforce: a write runs only if, in an earlier turn, the caller was
 * asked about exactly this slot/appointment and has now said yes. Otherwise the tool records the question and
 * tells the model to ask it.
 */
final class ConfirmationGate {

    private ConfirmationGate() {
    }

    /** Empty = confirmed, go ahead; otherwise the result to return instead of writing. */
    static Optional<ToolResult> check(ToolContext context, PendingAction.Kind kind, Slot slot, Appointment appointment,
            String question) {
        CallState state = context.state();
        PendingAction pending = state.pending();
        boolean confirmed = pending != null
                && pending.sameAs(kind, slot, appointment)
                && pending.askedInResponseId() < context.responseId()
                && Affirmation.isYes(state.lastUserText());
        if (confirmed) {
            return Optional.empty();
        }
        state.pending(new PendingAction(kind, slot, appointment, context.responseId()));
        return Optional.of(ToolResult.refused(Spoken.status("CONFIRMATION_REQUIRED")
                .put("ask_caller", question)
                .put("instruction", "Nothing has been changed yet. Ask the caller exactly this and wait. Call this "
                        + "tool again with the same option only after the caller clearly says yes.")
                .toString()));
    }
}
