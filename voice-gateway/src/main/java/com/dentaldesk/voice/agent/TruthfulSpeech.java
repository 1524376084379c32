package com.dentaldesk.voice.agent;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.dentaldesk.contracts.booking.Appointment;
import com.dentaldesk.voice.metrics.CallMetrics;
import com.dentaldesk.voice.speech.Claim;
import com.dentaldesk.voice.speech.ClaimHold;
import com.dentaldesk.voice.speech.ClaimDetector;
import com.dentaldesk.voice.speech.CompletedWrite;
import com.dentaldesk.voice.speech.WriteKind;
import com.dentaldesk.voice.tools.Spoken;

/**
 * What the caller hears of a model sentence that may claim a write, for one model answer: the sentence when it
 * claims nothing or when a write of this call has every fact it states; otherwise it is dropped, and when this turn
 * did write, the write's own facts are said instead (once per answer). The caller never hears "you're booked" that
 * booking-api did not confirm, nor a real booking restated with the wrong day, time or dentist.
 */
final class TruthfulSpeech implements ClaimHold.Verdict {

    private static final Logger LOG = Logger.getLogger(TruthfulSpeech.class);

    private final CallState state;
    private final long responseId;
    private final LocalDate today;
    private boolean correctedThisAnswer;

    TruthfulSpeech(CallState state, long responseId, LocalDate today) {
        this.state = state;
        this.responseId = responseId;
        this.today = today;
    }

    /** The text to speak instead of the held part of a sentence. */
    @Override
    public String speak(String sentence, String held) {
        List<CompletedWrite> facts = factsOfThisCall();
        // Every claim of the sentence must hold: "X is cancelled and you're rebooked for Y" makes two.
        Optional<Claim> unbacked = ClaimDetector.detectAll(sentence).stream()
                .filter(claim -> !ClaimDetector.matchesAny(claim, facts, responseId, today))
                .findFirst();
        if (unbacked.isEmpty()) {
            return held;
        }
        LOG.warnf("call %s: dropped a %s claim no write of this call backs", state.callId(),
                unbacked.get().kind().name().toLowerCase(java.util.Locale.ROOT));
        CallMetrics.error("false_claim");
        if (correctedThisAnswer) {
            return "";
        }
        Optional<CompletedWrite> thisTurn = state.writes().stream().filter(w -> w.responseId() == responseId)
                .reduce((first, second) -> second);
        if (thisTurn.isEmpty()) {
            return "";
        }
        correctedThisAnswer = true;
        return facts(thisTurn.get());
    }

    /**
     * The writes of this call, plus the caller's appointments booking-api listed in it (as writes of no turn), so a
     * true restatement of an existing appointment ("you're booked Tuesday at 9") is not dropped.
     */
    private List<CompletedWrite> factsOfThisCall() {
        List<CompletedWrite> facts = new ArrayList<>(state.writes());
        for (Appointment listed : state.listedAppointments()) {
            LocalDateTime start = Spoken.parse(listed.aptDateTime());
            if (start != null) {
                facts.add(new CompletedWrite(WriteKind.BOOKED, start, listed.providerName(), -1));
            }
        }
        return facts;
    }

    /** The write in words, from booking-api's answer: "You're booked for Tuesday, June 9 at 9:00 AM with Dr. Patel." */
    static String facts(CompletedWrite write) {
        String when = Spoken.withProvider(Spoken.when(write.start()), write.providerName());
        return switch (write.kind()) {
            case BOOKED -> "You're booked for " + when + ". ";
            case MOVED -> "Your appointment is now " + when + ". ";
            case CANCELLED -> "Your appointment on " + when + " is cancelled. ";
        };
    }
}
