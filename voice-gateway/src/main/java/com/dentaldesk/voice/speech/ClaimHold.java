package com.dentaldesk.voice.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The streaming filter between the model and the caller: words go out as the model produces them, except text that
 * could still become a write claim ("You're all set for Tuesday"), which is held only as long as it could become one.
 *
 * <p>Why: the predecessor's model said "booked" without booking, and checking whole sentences before speaking them
 * delays every answer to its first full stop. Here the first words of an ordinary answer leave at once ("Sure, let
 * me check" word by word, "I have Tuesday at 9" after one word), while a claim is held from its first word ("You're",
 * "I've", "your appointment", "all") to the end of its sentence and then replaced by what {@link Verdict} decides:
 * the sentence itself when a write backs it, nothing or the gateway's own words otherwise.
 *
 * <p>The hold trigger is a prefix automaton over the words of the current clause, written as one regular expression
 * and run with {@link Matcher#hitEnd()}: at each word, if the words from there match a claim template, the sentence
 * is held to its end; if they could still grow into one (the word is partial, or "you're all" may become "you're all
 * set"), they wait for the next word; otherwise that word is released. Templates are opener + auxiliaries + claim
 * word ("you're | all | set", "I've | gone ahead and | booked", "your appointment | has been | moved", "it's | been |
 * cancelled"), claim words anywhere ("booked", "confirmed", "all set", "see you"), and "done" at the start of a clause.
 * A template never spans punctuation. The trigger holds more than {@link ClaimDetector} calls a claim ("Dr. Patel is
 * booked solid" is held to its end, then spoken), never less: a claim word is always inside the held text.
 *
 * <p>One instance per model answer; not thread-safe.
 */
public final class ClaimHold {

    /** Decides what the caller hears instead of a held sentence. */
    @FunctionalInterface
    public interface Verdict {
        /**
         * @param sentence the whole sentence, including any words spoken before the hold began
         * @param held the part that was held, from its first held word to the end of the sentence
         * @return the text to speak in place of {@code held}: {@code held} to let it through, "" to drop it, or a
         *         replacement
         */
        String speak(String sentence, String held);
    }

    private static final String AUX = "(?:(?:is|are|was|were|has|have|had|been|be|now|all|officially|already|just|also|"
            + "definitely|successfully|both|got|gone|went|ahead|and|go|really|then|totally|now) )*";
    private static final String CLAIM_WORD = "(?:booked|rebooked|scheduled|rescheduled|reserved|confirmed|cancell?ed|moved|"
            + "pencil+ed|secured|finali[sz]ed|deleted|shifted|sorted) ";
    private static final String ANYWHERE = CLAIM_WORD + "|all (?:set|done|booked|sorted|good) |locked in |taken care of "
            + "|good to go |done deal |consider it |see you |seeing you |(?:got|have|put|fit|squeezed|slotted) you "
            + "(?:down|in|on) |set you up |called (?:it |that )?off |no longer |(?:the |your )?cancellation "
            + "(?:is |has been )?(?:now )?(?:complete|completed|confirmed|done|processed) "
            + "|(?:reschedul[a-z]*|change|move) (?:is |has been )(?:now )?(?:complete|completed|done|processed) ";
    private static final String DONE_WORD = "(?:done|set|complete|completed|finished|sorted|locked|good) ";
    private static final String NOUN = "(?:new |next |upcoming )?(?:appointment|booking|visit|cleaning|check ?up|checkup|"
            + "exam|consultation|reservation|spot|slot|time|appointments|filling|crown|son|daughter|wife|husband|child|"
            + "kids|mom|dad|mother|father|family|partner|reschedule|change|move|place)(?:'s)? ";
    private static final Pattern TRIGGER = Pattern.compile("(?:" + ANYWHERE
            + "|(?:you're|you are|you've|you have|you'll|you will|you) (?:be )?" + AUX
            + "(?:" + ANYWHERE + "|" + DONE_WORD + "|in (?:for|on) |on (?:the|our) |down |(?:an? )?(?:appointment|booking|"
            + "visit|cleaning) )"
            + "|(?:i've|i have|i|we've|we have|we|i'll|we'll|i will|we will|we're|we are|i'm|i am) " + AUX
            + "(?:" + ANYWHERE + "|changed |switched |updated |made |removed |taken |pushed |set |"
            + "you (?:down|in|booked|scheduled|all|set|on|coming|for|at) |see you |look forward to seeing you |"
            + "looking forward to seeing you )"
            + "|(?:it's|it is|it has|it|that's|that is|that|this is|this|everything's|everything is|everything has|"
            + "everything|it'll be|that'll be|it will be|that will be) " + AUX + "(?:" + ANYWHERE + "|" + DONE_WORD
            + "|(?:on|at|for) )"
            + "|(?:your|the) (?:[a-z0-9:']+ )?" + NOUN + AUX + "(?:" + ANYWHERE + "|" + DONE_WORD + "|in |(?:on|at|for) |"
            + "made |created |saved |held |(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|"
            + "noon|[0-9][0-9:]*|january|february|march|april|may|june|july|august|september|october|november|"
            + "december) )"
            + "|it is \u00b6 "
            + "|(?:appointment|booking|visit|cleaning)(?:'s)? (?:is )?now (?:on|at|for|set) "
            + "|(?:your|the) new (?:time|date|appointment time) is "
            + "|(?:he's|she's|they're|he is|she is|they are|he|she|they|he has|she has|they have) " + AUX
            + "(?:" + ANYWHERE + "|" + DONE_WORD + "|in for )"
            + "|(?:is|are|was|were|has|have|been|be|'s) " + AUX + "(?:" + ANYWHERE + ")"
            + ")");
    private static final Pattern CLAUSE_START_TRIGGER = Pattern.compile("(?:done|all done) ");
    /** Marks the end of a clause in the trigger's window, so "Tuesday at 9 it is." can be told from "it is open". */
    private static final String CLAUSE_END = "\u00b6 ";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}'’]+(?:[:\\-][\\p{L}\\p{N}'’]+)*");
    private static final Set<String> ABBREVIATIONS = Set.of("dr", "mr", "mrs", "ms", "st", "jr", "sr", "vs", "etc");

    private final Verdict verdict;
    private final StringBuilder sentence = new StringBuilder();
    // Reset for every word instead of made anew: a matcher of TRIGGER allocates its group arrays, and making three
    // per word of every answer was about 9% of the gateway's allocation at 1,000 calls (JFR).
    private final Matcher words = WORD.matcher("");
    private final Matcher trigger = TRIGGER.matcher("");
    private final Matcher clauseStartTrigger = CLAUSE_START_TRIGGER.matcher("");
    private int released;
    private int heldFrom = -1;

    /** @param verdict what to speak instead of a held claim sentence */
    public ClaimHold(Verdict verdict) {
        this.verdict = verdict;
    }

    /** @param verdictForHeldSentence given the held text (to the end of its sentence), what to speak instead */
    public ClaimHold(Function<String, String> verdictForHeldSentence) {
        this((sentence, held) -> verdictForHeldSentence.apply(held));
    }

    /**
     * A verdict built on {@link ClaimDetector}: a held sentence that makes no claim, or only claims {@code backed}
     * accepts, is spoken as it is; otherwise the whole held part is replaced by {@code replacement} of the first claim
     * not backed (return "" to drop it).
     */
    public static Verdict checking(Predicate<Claim> backed, Function<Claim, String> replacement) {
        return (sentence, held) -> ClaimDetector.detectAll(sentence).stream()
                .filter(claim -> !backed.test(claim))
                .findFirst()
                .map(replacement)
                .orElse(held);
    }

    /** Takes the next model token; returns the text that can be spoken now, possibly empty. */
    public String accept(String token) {
        if (token == null || token.isEmpty()) {
            return "";
        }
        sentence.append(token);
        StringBuilder out = new StringBuilder();
        int end;
        while ((end = sentenceEnd()) > 0) {
            out.append(close(end));
        }
        out.append(release(false));
        return out.toString();
    }

    /** The end of the model answer: whatever is still held, decided. */
    public String finish() {
        return sentence.length() == 0 ? "" : close(sentence.length());
    }

    /** Ends the sentence at {@code end}: releases or judges what is left of it. */
    private String close(int end) {
        String whole = sentence.substring(0, end);
        String tail = sentence.substring(end);
        sentence.setLength(0);
        sentence.append(whole);
        String out = release(true);
        if (heldFrom >= 0) {
            out += verdict.speak(whole, whole.substring(heldFrom));
        } else {
            out += whole.substring(released);
        }
        sentence.setLength(0);
        sentence.append(tail);
        released = 0;
        heldFrom = -1;
        return out;
    }

    /** Releases the words of the current sentence that cannot begin a claim; {@code complete}: no more will come. */
    private String release(boolean complete) {
        if (heldFrom >= 0) {
            return "";
        }
        List<int[]> spans = new ArrayList<>();
        words.reset(sentence).region(released, sentence.length());
        while (words.find()) {
            spans.add(new int[] {words.start(), words.end()});
        }
        for (int p = 0; p < spans.size(); p++) {
            int start = spans.get(p)[0];
            Window window = window(spans, p, complete);
            trigger.reset(window.text);
            boolean claim = trigger.lookingAt();
            boolean couldGrow = !claim && trigger.hitEnd() && window.open;
            if (!claim && clauseStart(start)) {
                clauseStartTrigger.reset(window.text);
                claim = clauseStartTrigger.lookingAt();
                couldGrow = couldGrow || (!claim && clauseStartTrigger.hitEnd() && window.open);
            }
            if (claim || couldGrow) {
                String out = sentence.substring(released, start);
                released = start;
                if (claim) {
                    heldFrom = start;
                }
                return out;
            }
        }
        String out = sentence.substring(released);
        released = sentence.length();
        return out;
    }

    private record Window(String text, boolean open) {
    }

    /**
     * The words from {@code p} on as the trigger reads them: lowercase, one space after each complete word, up to the
     * first punctuation. {@code open}: more words may still join (no punctuation reached, the answer goes on).
     */
    private Window window(List<int[]> words, int p, boolean complete) {
        StringBuilder text = new StringBuilder();
        for (int i = p; i < words.size(); i++) {
            int[] word = words.get(i);
            text.append(sentence, word[0], word[1]);
            boolean last = word[1] == sentence.length();
            if (last && !complete) {
                return new Window(normalise(text), true);
            }
            text.append(' ');
            int next = i + 1 < words.size() ? words.get(i + 1)[0] : sentence.length();
            if (!sentence.substring(word[1], next).isBlank()) {
                return new Window(normalise(text) + CLAUSE_END, false);
            }
        }
        return new Window(normalise(text) + (complete ? CLAUSE_END : ""), !complete);
    }

    private static String normalise(CharSequence text) {
        return text.toString().replace('’', '\'').toLowerCase(Locale.ROOT);
    }

    private boolean clauseStart(int start) {
        for (int i = start - 1; i >= 0; i--) {
            char c = sentence.charAt(i);
            if (!Character.isWhitespace(c)) {
                return ",;:—–-(".indexOf(c) >= 0;
            }
        }
        return true;
    }

    /**
     * Index just past the end of the first complete sentence (terminal punctuation, then whitespace; or a line
     * break), or -1 while it is not known yet. "Dr. Patel" does not end a sentence; "9 a.m. See you" does.
     */
    private int sentenceEnd() {
        int length = sentence.length();
        for (int i = 0; i < length; i++) {
            char c = sentence.charAt(i);
            if (c == '\n') {
                return i + 1;
            }
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            int j = i + 1;
            while (j < length && ".!?\"')’”".indexOf(sentence.charAt(j)) >= 0) {
                j++;
            }
            if (j >= length || !Character.isWhitespace(sentence.charAt(j))) {
                continue;
            }
            if (c == '.' && !endsSentence(i, j)) {
                continue;
            }
            while (j < length && Character.isWhitespace(sentence.charAt(j)) && sentence.charAt(j) != '\n') {
                j++;
            }
            return j;
        }
        return -1;
    }

    /** Whether the full stop at {@code dot}, followed by whitespace at {@code after}, ends the sentence. */
    private boolean endsSentence(int dot, int after) {
        int start = dot;
        while (start > 0 && Character.isLetter(sentence.charAt(start - 1))) {
            start--;
        }
        String word = sentence.substring(start, dot).toLowerCase(Locale.ROOT);
        if (ABBREVIATIONS.contains(word)) {
            return false;
        }
        boolean meridiem = word.equals("m") && start >= 2 && sentence.charAt(start - 1) == '.'
                && "apAP".indexOf(sentence.charAt(start - 2)) >= 0;
        if (!meridiem) {
            return true;
        }
        int next = after;
        while (next < sentence.length() && Character.isWhitespace(sentence.charAt(next))) {
            next++;
        }
        return next < sentence.length() && Character.isUpperCase(sentence.charAt(next));
    }
}
