package com.dentaldesk.voice.agent;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.dentaldesk.contracts.booking.ConfirmationAnswer;
import com.dentaldesk.contracts.calls.CallOutcome;
import com.dentaldesk.contracts.retell.Utterance;
import com.dentaldesk.voice.client.BookingApiClient;
import com.dentaldesk.voice.client.BookingUnavailableException;
import com.dentaldesk.voice.tools.ToolResult;

/**
 * An answering machine took the clinic's call. Its greeting is the first thing "the caller" says; the agent then
 * leaves a short message without patient data (no name, no date, no reason) and hangs up, and a confirmation
 * call's outcome is voicemail. Checked before the model: a model would answer the recording.
 */
@ApplicationScoped
public class Voicemail {

    private static final Logger LOG = Logger.getLogger(Voicemail.class);
    // Only what machines say: "she isn't available" or "he can't come to the phone" is as often a person.
    private static final Pattern GREETING = Pattern.compile("\\b(leave (me |us )?(a |your )?(brief |short )?message"
            + "|after the (tone|beep)|at the (tone|beep)|voice ?mail|mailbox|record your message)\\b");
    /** A recording's greeting may reach us as one or two lines. */
    private static final int FIRST_LINES = 2;

    private final BookingApiClient booking;

    public Voicemail(BookingApiClient booking) {
        this.booking = booking;
    }

    /** True when it left the message and ended the call. */
    boolean handle(Turn turn, CallState state) {
        if (!state.outbound() || !reachedOn(turn.transcript())) {
            return false;
        }
        state.outcome(CallOutcome.answered);
        state.mode(CallState.Mode.CLOSED);
        turn.finish(new ToolResult.Closing(Phrases.voicemail(state), true, null));
        ConfirmationVisit visit = state.confirmation();
        if (visit != null) {
            try {
                booking.answerConfirmation(state.clinicSlug(), visit.appointmentId(),
                        new ConfirmationAnswer(state.callId(), ConfirmationAnswer.VOICEMAIL));
            } catch (BookingUnavailableException e) {
                // Retell's end-of-call report still tells booking-api the call went to voicemail, when it knows.
                LOG.warnf("call %s: could not record the voicemail outcome: %s", state.callId(), e.getMessage());
            }
        }
        return true;
    }

    /**
     * A recording answers before the agent has said more than its greeting; "she is not available" later in a
     * conversation is a person speaking.
     */
    static boolean reachedOn(List<Utterance> transcript) {
        List<String> callerLines = transcript.stream().filter(Utterance::isUser)
                .map(Utterance::content).toList();
        long agentLines = transcript.stream().filter(Utterance::isAgent).count();
        if (callerLines.isEmpty() || callerLines.size() > FIRST_LINES || agentLines > 1) {
            return false;
        }
        String said = String.join(" ", callerLines).toLowerCase(Locale.ROOT).replace('’', '\'');
        return GREETING.matcher(said).find();
    }
}
