package com.dentaldesk.voice.speech;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies the caller's reply to the gateway's own yes/no confirmation question ("Shall I book Tuesday,
 * December 1 at 9:00 AM with Dr. Patel for Jordan?").
 *
 * <p>Why: the predecessor, and this gateway's first keyword check, wrote on any yes-word ("Yes, but can we do
 * Wednesday?" booked Tuesday), so the model could say "booked" about a slot the caller had not chosen. Here
 * only a clear, unconditional yes is {@link Verdict#CONFIRM}: a yes with a change, a question, a correction or
 * a hedge is not, and anything the rules cannot read is {@link Verdict#UNCLEAR}, so the agent asks again.
 *
 * <p>Deterministic, no model call. The text is normalised (lowercase, straight quotes, no punctuation, "uh
 * huh"/"mm-hmm" as one word, fillers such as uh, um, hmm, like, so dropped, "yeah yeah" as one "yeah"), then
 * phrases are tagged in a fixed order (affirmations that contain a "no" such as "no problem" first, then
 * uncertainty, refusals, change requests, hedges, questions, plain no-words, yes-words), and the tags decide:
 * <ol>
 * <li>nothing intelligible (empty, or "(unintelligible audio)" anywhere): UNCLEAR;</li>
 * <li>a change request ("instead", "what about", "earlier", "make it", or a day, time, part of day or provider
 * that differs from the question's, or that cannot be checked and comes without a yes or as a request: "no,
 * Wednesday", "maybe after work", "yes, but can we do Wednesday"): CHANGE_REQUEST;</li>
 * <li>a hedge ("wait", "but", "maybe", "I guess", "actually", "I don't know"): UNCLEAR;</li>
 * <li>a refusal ("no", "not that one", "no thanks"): DECLINE, or UNCLEAR when it comes with a yes ("yes no");</li>
 * <li>a question ("what time was that", "can you repeat that", a question mark): UNCLEAR;</li>
 * <li>a yes whose every other word is a courtesy ("please", "thank you", "that's") or a word of the question
 * itself ("yes, for Jordan", "yes with Dr. Patel"): CONFIRM;</li>
 * <li>anything else: UNCLEAR.</li>
 * </ol>
 * Without the question, days and times in the answer cannot be checked, so "yes, Tuesday at 9" is UNCLEAR, not
 * CONFIRM; pass the question that was spoken.
 */
public final class ConfirmationAnswer {

    /** How the caller answered the confirmation question. */
    public enum Verdict {
        /** A clear, unconditional yes: the write may run. */
        CONFIRM,
        /** A no without a new wish: nothing is written, the offer is dropped. */
        DECLINE,
        /** The caller wants something else (another day, time or provider): search anew. */
        CHANGE_REQUEST,
        /** Anything else, including a question or a hedge: ask again. */
        UNCLEAR
    }

    private enum Tag {
        AFFIRM, DECLINE, CHANGE, HEDGE, REQUEST, QUESTION
    }

    private record Rule(Pattern pattern, Tag tag) {
    }

    private static final Pattern NOISE = Pattern.compile("\\([^)]*\\)|\\[[^\\]]*\\]|<[^>]*>|\\binaudible\\b|\\bunintelligible\\b");
    private static final Pattern UH_UH = Pattern.compile("\\b(?:uh|unh|nuh)-uh\\b|\\bnuh uh\\b");
    private static final Pattern UH_HUH = Pattern.compile("\\b(?:uh|um)[- ]?huh\\b");
    private static final Pattern MM_HMM = Pattern.compile("\\bm+[- ]?h+m+\\b|\\bmhm+\\b|\\bm+ hm+\\b");
    private static final Pattern FILLER_PHRASES = Pattern.compile(" (?:you know|i mean) ");
    private static final Set<String> FILLERS = Set.of("uh", "uhh", "um", "umm", "uhm", "er", "erm", "ah", "ahh", "eh",
            "hmm", "hm", "hmmm", "mm", "mmm", "oh", "ooh", "well", "so", "like", "yeah's");
    private static final Set<String> KEEPS_LIKE = Set.of("i'd", "i", "would", "we'd", "we", "i'll");

    private static final List<Rule> RULES = List.of(
            // affirmations that contain a no-word, before the no-words
            rule(Tag.AFFIRM, "no problem|no worries|not a problem|no doubt|why not|can't wait|cannot wait|sure thing|"
                    + "you bet|(?:i'd|i would|i) (?:love|like) that|(?:i'll|i will|we'll|we will) be there|see you then|(?:i'm |i am )?(?:fine|ok|okay|good|happy) with (?:that|it|this)|that's not a problem"),
            // uncertainty that contains a no-word, before the no-words
            rule(Tag.HEDGE, "(?:i )?don't know|do not know|dunno|(?:i'm )?not (?:sure|certain)|don't remember|"
                    + "can't remember|not yet"),
            // refusals
            rule(Tag.DECLINE, "(?:i )?don't think so|no thanks|no thank you|not really|(?:i'd )?rather not|never ?mind|"
                    + "forget (?:about )?it|(?:i'll )?pass|not interested|not right now|not now|call (?:you )?back(?: later)?|"
                    + "(?:i'll )?think about it|think it over|don't (?:book|do|schedule|want)(?: it| that| this)?|"
                    + "do not (?:book|do|schedule)(?: it| that| this)?|please don't|(?:that's )?(?:wrong|incorrect)|"
                    + "not (?:good|great|fine|okay|ok|right|correct|perfect|ideal)|(?:that )?(?:doesn't|won't) work|"
                    + "can't make (?:it|that)|(?:i'm|i am) (?:good|okay|ok|fine)(?: thanks| thank you)?"),
            // change requests
            rule(Tag.CHANGE, "instead|rather|what about|how about|what if|make it|earlier|later|sooner|different|"
                    + "another|other|change|switch|move|prefer|better|next week|this week|weekend|first thing|"
                    + "lunch ?time|lunch|someone else|somebody else|not with|reschedule|one after|one before"),
            // hedges and hesitation
            rule(Tag.HEDGE, "wait|hold on|hang on|one sec|one second|a sec|a second|just a sec|a moment|one moment|"
                    + "let me (?:think|check|see)|let's see|maybe|perhaps|probably|possibly|i guess|i suppose|"
                    + "i think|i believe|kind of|sort of|kinda|sorta|actually|but|though|however|except|unless|"
                    + "only if|if|as long as|depends|hopefully|might|i'm not|ish"),
            // asking for something: with a day or time it is a change ("can we do Wednesday"), else a question
            rule(Tag.REQUEST, "can we(?: do)?|could we(?: do)?|can i(?: get| have| do)?|could i(?: get| have| do)?|"
                    + "can you do|could you do|do you have|have you got|is there|are there|i'd like|i would like|"
                    + "i want|i need|we need"),
            // questions
            rule(Tag.QUESTION, "(?:can|could) you repeat(?: that)?|repeat|say (?:that|it) again|come again|one more time|pardon|"
                    + "sorry|excuse me|what's|what|when|which|who|where|why|how|huh|is it|is that|was that|are you|"
                    + "did you|do you|does it|does that|will it|will that|can i|could i|can we|could we|can you|"
                    + "could you|is there|are there|should i|do i|would it"),
            // plain no-words
            rule(Tag.DECLINE, "no|nope|nah|naw|negative|not|don't|dont|do not|never|cancel that|scratch that"),
            // yes-words
            rule(Tag.AFFIRM, "sounds (?:good|great|perfect|fine|lovely|like a plan)|that (?:works|'ll work|will work)|"
                    + "that'll work|works for me|works great|that's (?:fine|great|perfect|right|correct|good|it|the one|"
                    + "lovely|wonderful|awesome)|that is (?:fine|correct|right|perfect)|go ahead|go for it|please do|"
                    + "book (?:it|that|me in|me)|lock it in|let's do (?:it|that)|do it|(?:i'll|i will) take (?:it|that)|"
                    + "that (?:would|'d) be (?:great|perfect|good|fine|lovely)|"
                    + "that'd be (?:great|perfect|good|fine|lovely)|yes i do|i do|yes it is|all right|of course|for sure|"
                    + "yes ma'am|yes sir|yes|yeah|yea|yep|yup|ya|yah|yas|ye|sure|absolutely|definitely|certainly|"
                    + "correct|exactly|ok|okay|okey|alright|perfect|great|good|fine|lovely|excellent|awesome|cool|"
                    + "wonderful|brilliant|uhhuh|mmhmm|affirmative|confirm|confirmed|indeed|totally|agreed|works"));

    /** Words a clear yes may carry without changing its meaning. */
    private static final Set<String> COURTESY = Set.of("please", "thanks", "thank", "you", "that", "that's", "thats",
            "it", "it's", "its", "this", "one", "just", "and", "then", "me", "for", "is", "the", "a", "much", "very",
            "really", "too", "right", "ma'am", "sir", "i", "we", "us", "be", "would", "will", "go", "ahead", "do",
            "let's", "lets", "sounds", "appointment", "booking", "slot", "time", "now", "dear", "love", "hun", "all",
            "book", "that'll", "that'd", "so", "great", "indeed", "bye", "goodbye");
    /** Words that only carry facts; dropped from a yes once its facts agree with the question. */
    private static final Pattern FACT_WORD = Pattern.compile("\\d{1,2}(?::\\d{2})?|\\d{1,2}(?:st|nd|rd|th)|am|pm|"
            + "o'?clock|at|on|with|in|the|dr|doctor|noon|morning|afternoon|evening|monday|tuesday|wednesday|thursday|"
            + "friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|"
            + "december|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|thirty|forty|fortyfive");

    private ConfirmationAnswer() {
    }

    /** The verdict without the question: any day or time in the answer makes it at best UNCLEAR. */
    public static Verdict classify(String callerText) {
        return classify(callerText, null);
    }

    /**
     * @param callerText the caller's whole turn, as speech-to-text wrote it
     * @param question the confirmation question the gateway spoke, word for word; null if unknown
     */
    public static Verdict classify(String callerText, String question) {
        if (callerText == null || callerText.isBlank()) {
            return Verdict.UNCLEAR;
        }
        String text = callerText.replace('’', '\'').replace('‘', '\'').toLowerCase(Locale.ROOT);
        if (NOISE.matcher(text).find()) {
            return Verdict.UNCLEAR;
        }
        boolean questionMark = text.contains("?");
        text = UH_UH.matcher(text).replaceAll(" nope ");
        text = UH_HUH.matcher(text).replaceAll(" uhhuh ");
        text = MM_HMM.matcher(text).replaceAll(" mmhmm ");

        SpokenFacts facts = SpokenFacts.of(text, true);
        String joined = " " + String.join(" ", words(text)) + " ";
        joined = FILLER_PHRASES.matcher(joined).replaceAll(" ");
        joined = " " + String.join(" ", collapseRepeats(List.of(joined.trim().split(" ")))) + " ";
        if (joined.isBlank() && !facts.any()) {
            return Verdict.UNCLEAR;
        }

        Set<Tag> tags = EnumSet.noneOf(Tag.class);
        if (questionMark) {
            tags.add(Tag.QUESTION);
        }
        for (Rule rule : RULES) {
            Matcher m = rule.pattern.matcher(joined);
            if (m.find()) {
                tags.add(rule.tag);
                joined = m.replaceAll(" ");
            }
        }

        Set<String> allowed = new HashSet<>(COURTESY);
        boolean unverifiable = false;
        if (facts.any()) {
            SpokenFacts offered = question == null ? null : SpokenFacts.of(question);
            Boolean agree = offered == null ? null : agree(facts, offered);
            if (Boolean.FALSE.equals(agree)) {
                tags.add(Tag.CHANGE);
            } else if (agree == null) {
                unverifiable = true;
            } else {
                joined = joined.replaceAll(" (?:" + FACT_WORD.pattern() + ")(?= )", " ");
            }
        }
        if (question != null) {
            allowed.addAll(words(question.replace('’', '\'').toLowerCase(Locale.ROOT)));
        }

        boolean names = unverifiable && (tags.contains(Tag.REQUEST)
                || (!tags.contains(Tag.AFFIRM) && !tags.contains(Tag.QUESTION)));
        if (tags.contains(Tag.CHANGE) || names) {
            return Verdict.CHANGE_REQUEST;
        }
        if (tags.contains(Tag.HEDGE)) {
            return Verdict.UNCLEAR;
        }
        if (tags.contains(Tag.DECLINE)) {
            if (tags.contains(Tag.AFFIRM)) {
                return Verdict.UNCLEAR;
            }
            return unverifiable ? Verdict.CHANGE_REQUEST : Verdict.DECLINE;
        }
        if (tags.contains(Tag.QUESTION) || tags.contains(Tag.REQUEST)) {
            return Verdict.UNCLEAR;
        }
        if (unverifiable) {
            return Verdict.UNCLEAR;
        }
        if (tags.contains(Tag.AFFIRM)) {
            for (String word : joined.trim().split(" ")) {
                if (!word.isEmpty() && !allowed.contains(word)) {
                    return Verdict.UNCLEAR;
                }
            }
            return Verdict.CONFIRM;
        }
        return Verdict.UNCLEAR;
    }

    /** True if every fact the caller stated agrees with the question's, false if one differs, null if unknown. */
    private static Boolean agree(SpokenFacts said, SpokenFacts offered) {
        Boolean result = Boolean.TRUE;
        if (said.day() != null) {
            if (offered.day() == null) {
                result = null;
            } else if (said.day() != offered.day()) {
                return false;
            }
        }
        if (said.dayOfMonth() != null) {
            if (offered.dayOfMonth() == null) {
                result = null;
            } else if (!said.dayOfMonth().equals(offered.dayOfMonth())
                    || (said.month() != null && offered.month() != null && said.month() != offered.month())) {
                return false;
            }
        }
        if (said.relative() != null) {
            result = null;
        }
        if (said.time() != null) {
            if (offered.time() == null) {
                result = null;
            } else if (said.meridiemStated() ? !said.time().equals(offered.time())
                    : said.time().getHour() % 12 != offered.time().getHour() % 12
                            || said.time().getMinute() != offered.time().getMinute()) {
                return false;
            }
        }
        if (said.partOfDay() != null) {
            if (offered.time() == null) {
                result = null;
            } else if (!said.partOfDay().contains(offered.time())) {
                return false;
            }
        }
        if (said.provider() != null) {
            if (offered.provider() == null) {
                result = null;
            } else if (!said.provider().equalsIgnoreCase(offered.provider())) {
                return false;
            }
        }
        return result;
    }

    private static Rule rule(Tag tag, String alternatives) {
        return new Rule(Pattern.compile(" (?:" + alternatives + ")(?= )"), tag);
    }

    /** Normalised words without fillers; "like" stays where it means liking ("I'd like that"). */
    private static List<String> words(String text) {
        String s = SpokenFacts.normalise(text);
        List<String> out = new ArrayList<>();
        for (String word : s.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (word.equals("like") && !out.isEmpty() && KEEPS_LIKE.contains(out.get(out.size() - 1))) {
                out.add(word);
            } else if (!FILLERS.contains(word)) {
                out.add(word);
            }
        }
        return out;
    }

    /** "yeah yeah", "yes yes please", "no no": a repeated word counts once. */
    private static List<String> collapseRepeats(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String word : words) {
            if (!word.isEmpty() && (out.isEmpty() || !out.get(out.size() - 1).equals(word))) {
                out.add(word);
            }
        }
        return out;
    }
}
