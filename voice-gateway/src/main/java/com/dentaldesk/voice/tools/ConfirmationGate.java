package com.dentaldesk.voice.tools;

import java.util.Locale;
import java.util.Optional;

import com.dentaldesk.contracts.booking.Appointment;
import com.dentaldesk.contracts.booking.Slot;
import com.dentaldesk.voice.agent.CallState;
import com.dentaldesk.voice.agent.PendingAction;
import com.dentaldesk.voice.speech.ConfirmationAnswer;

/**
 * The rule the predecessor's prompt could not enforce: a write runs only when the gateway itself asked about exactly
 * this slot/appointment, word for word, the caller heard the whole question (Retell's transcript has it as the
 * agent's last line), and the caller's very next words are a clear confirmation. "Yes, but can we do Wednesday?"
 * is a change request, "yes" to a question the model asked instead is not an answer to this one.
 */
final class ConfirmationGate {

    private ConfirmationGate() {
    }

    /** Empty = confirmed, go ahead; otherwise the result to return instead of writing. */
    static Optional<ToolResult> check(ToolContext context, PendingAction.Kind kind, Slot slot, Appointment appointment,
            String question) {
        CallState state = context.state();
        PendingAction pending = state.pending();
        if (pending != null && pending.sameAs(kind, slot, appointment)
                && pending.askedInResponseId() < context.responseId()
                && heardJustBeforeTheCallersLastWords(state, pending.question())) {
            switch (ConfirmationAnswer.classify(state.lastUserText(), pending.question())) {
                case CONFIRM -> {
                    return Optional.empty();
                }
                case DECLINE -> {
                    state.pending(null);
                    return Optional.of(ToolResult.refused(Spoken.status("DECLINED")
                            .put("instruction", "The caller said no. Nothing was changed. Ask what they would like "
                                    + "instead.").toString()));
                }
                case CHANGE_REQUEST -> {
                    state.pending(null);
                    return Optional.of(ToolResult.refused(Spoken.status("CHANGE_REQUESTED")
                            .put("caller_said", state.lastUserText())
                            .put("instruction", "The caller wants something different. Nothing was changed. Do not "
                                    + "book the old option: search again for what they asked (find_slots), or ask.")
                            .toString()));
                }
                case UNCLEAR -> {
                    // Asked again below, word for word.
                }
            }
        }
        state.pending(new PendingAction(kind, slot, appointment, context.responseId(), question));
        return Optional.of(ToolResult.ask(Spoken.status("CONFIRMATION_REQUIRED")
                .put("asked_caller", question)
                .put("instruction", "Nothing has been changed yet. The receptionist is asking the caller this now. "
                        + "Call this tool again with the same option only after the caller clearly says yes.")
                .toString(), question));
    }

    /** The gateway's question is the agent's last line before the caller's latest words: heard whole, just answered. */
    private static boolean heardJustBeforeTheCallersLastWords(CallState state, String question) {
        String agentLine = state.agentLineBeforeLastCallerTurn();
        return question != null && agentLine != null && normalized(agentLine).contains(normalized(question));
    }

    private static String normalized(String text) {
        return text.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("\\s+", " ").trim();
    }
}
