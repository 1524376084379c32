package com.dentaldesk.voice.agent;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Drops sentences in which the model claims a booking, move or cancellation that no tool performed in this
 * call. Checked per sentence before it is spoken, so a hallucinated "you're booked" never reaches the caller.
 */
public final class ReplyGuard {

    private static final Pattern BOOKED = Pattern.compile(
            "\\b(booked|scheduled you|you're all set|you are all set|i have you down|i've got you down|appointment is confirmed)\\b");
    private static final Pattern MOVED = Pattern.compile("\\b(rescheduled|moved your|moved it|have moved|i've moved)\\b");
    private static final Pattern CANCELLED = Pattern.compile("\\b(cancell?ed)\\b");
    private static final Pattern HEDGED = Pattern.compile("\\b(not|n't|yet|before|once|until|if|would|shall|should|can|could)\\b");

    private ReplyGuard() {
    }

    /** The sentence if it is backed by the call's completed writes; empty otherwise. */
    public static String filter(String sentence, CallState state) {
        String s = sentence.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (s.trim().endsWith("?") || HEDGED.matcher(s).find()) {
            return sentence;
        }
        if (BOOKED.matcher(s).find() && !state.hasCompleted(PendingAction.Kind.BOOK)
                && !state.hasCompleted(PendingAction.Kind.RESCHEDULE)) {
            return "";
        }
        if (MOVED.matcher(s).find() && !state.hasCompleted(PendingAction.Kind.RESCHEDULE)) {
            return "";
        }
        if (CANCELLED.matcher(s).find() && !state.hasCompleted(PendingAction.Kind.CANCEL)) {
            return "";
        }
        return sentence;
    }
}
