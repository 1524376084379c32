package com.dentaldesk.voice.speech;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the sentences in which the model tells the caller that an appointment is booked, moved, cancelled or
 * confirmed, and checks them against the writes that really succeeded.
 *
 * <p>Why: the predecessor's model said "booked" without booking, and this gateway's first guard matched a few fixed
 * phrases and let anything with "can", "if", "not" or a question mark through, so "All set for Tuesday",
 * "Confirmed: Tuesday at 9", "I've scheduled your cleaning" and "You're booked, right?" were heard although nothing
 * was written. Here a claim is recognised in any of many wordings, and it counts as true only when a write of a
 * fitting kind has every fact it states.
 *
 * <p>Rules, per clause (a sentence split at commas, colons, semicolons, dashes and "but"):
 * <ul>
 * <li>A claim phrase: a completed form ("booked", "scheduled", "reserved", "confirmed", "cancelled", "moved",
 * "rescheduled"), a set phrase ("all set", "got you down", "you're in for", "locked in", "taken care of", "consider
 * it done", "good to go") or "see you" / "we'll see you" followed by a day, time or "then".</li>
 * <li>Not a claim when the phrase is negated in the five words before it ("not", "haven't", "nothing"), governed by
 * a modal or an infinitive in the six words before it ("can", "I'll", "would", "let me", "to"; but "you'll be all
 * set" and "I was able to get you booked" are claims), followed by a condition in its clause ("if", "once", "as
 * soon as"), in a clause that begins with a condition or follows one ("Once you confirm, I'll book it"), or in a
 * question ("Shall I book Tuesday at 9?", "Would you like me to cancel?").</li>
 * <li>A question tag does not make a claim a question: "You're booked for Tuesday, right?" is a claim.</li>
 * <li>Availability is not a claim: "Dr. Patel is booked solid on Tuesday", "we're fully booked Friday", "that slot
 * was just booked by someone else" are about the book, not the caller's appointment.</li>
 * <li>Offers that name days and times ("I have Tuesday at 9:00 AM or 10:30 AM with Dr. Patel") have no claim
 * phrase and are not claims.</li>
 * <li>"Your son is booked too", "she's all set", "Jordan's mom is booked": {@link Claim#aboutSomeoneElse()}.</li>
 * </ul>
 * Also claims: "Tuesday at 9 it is", "your appointment is Tuesday at 9", "you now have an appointment on Tuesday".
 * A restatement of an existing appointment ("I see you're booked Tuesday at 9") reads as a claim too: to let true
 * ones through, pass the caller's known appointments as writes of an earlier turn.
 *
 * <p>A sentence may make several claims ("...cancelled and you're rebooked for Wednesday"); {@link #detectAll} finds
 * each with the facts of its own part of the sentence, and a sentence is true only if all of them are.
 */
public final class ClaimDetector {

    private static final String WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
    private static final Pattern TAG = Pattern.compile("[,\\s]+(?:right|okay|ok|alright|all right|correct|yeah|yes|"
            + "sound good|sounds good|good|got it|you know|fair enough|is that (?:alright|all right|okay|ok|good|fine|"
            + "correct|right|all good)|does that (?:work|sound good|sound right)|(?:okay|ok) with you|(?:if )?that works)"
            + "\\s*\\?+\\s*$");
    private static final Pattern CLAUSE = Pattern.compile(
            "\\s*(?:[,;!?]+|\\.(?!\\d)|(?<!\\d):|:(?!\\d)|\\s[-–—]+\\s|[—–]|\\bbut\\b)\\s*");

    /** Phrases that make a claim, by kind, in the order a clause is searched. */
    static final Pattern CANCELLED = Pattern.compile("\\b(?:cancell?ed|called (?:it |that )?off|"
            + "taken (?:it |that |you )?off (?:the|our) (?:schedule|books|calendar)|removed (?:it|that|you|your \\w+)|"
            + "deleted|no longer (?:booked|scheduled|on (?:the|our) (?:schedule|books|calendar))|"
            + "cancellation (?:is|has been) (?:now )?(?:complete|completed|confirmed|done|processed))\\b");
    static final Pattern MOVED = Pattern.compile("\\b(?:rescheduled|moved|"
            + "changed (?:it|that|this|your \\w+|the \\w+)(?: \\w+)? (?:to|for)|switched (?:it|that|you|your \\w+)(?: over)? to|"
            + "shifted|pushed (?:it|that|you|your \\w+) (?:back|forward|to)|updated your (?:appointment|booking)|"
            + "new (?:time|date|appointment time) is|"
            + "(?:appointment|booking|visit|cleaning|it|that)(?: is|'s) now (?:on|at|for|set for)|"
            + "(?:reschedul\\w*|change|move) (?:is|has been) (?:now )?(?:complete|completed|done|confirmed|processed))\\b");
    static final Pattern BOOKED = Pattern.compile("\\b(?:booked|rebooked|scheduled|reserved|pencil+ed|secured|confirmed|"
            + "(?:got|have|put|fit|squeezed|slotted) you (?:down|in|coming in)|(?:'ve|have) got you (?:for|on|at)|"
            + "(?:you're|you are) (?:now )?in (?:for|on)|on (?:the|our) (?:schedule|books|calendar)|"
            + "made (?:you |your )?(?:an |the |a )?(?:appointment|booking|reservation)|"
            + "set (?:you|that|it|this|everything) up|see you|seeing you|(?:saved|held) for you|"
            + "(?:spot|slot|place)(?:'s| is| has)? (?:been )?(?:now )?(?:saved|held)|"
            + "(?:appointment|booking|reservation|visit|cleaning)(?:'s| is| has)? (?:been )?(?:now )?(?:made|created|"
            + "set up|complete|completed|finali[sz]ed|done|saved|held)|"
            + "now (?:have|has|got) (?:an? |the )?(?:appointment|booking|visit|cleaning)|"
            + "(?:is|are|'s|has been|have been) (?:all )?set for|"
            + "your (?:new |next |upcoming )?(?:appointment|visit|cleaning|booking|check ?up|exam)(?:'s| is| will be) "
            + "(?:now )?(?:on |at |for |scheduled for )?(?:" + WEEKDAYS + "|tomorrow|today|the \\d|\\d|noon|january|"
            + "february|march|april|may|june|july|august|september|october|november|december))\\b");
    static final Pattern DONE = Pattern.compile("\\b(?:all set|(?:you're|you are) (?:now )?set|good to go|"
            + "(?:you're|you are) all good|all done|done deal|taken care of|locked in|(?:all )?sorted|finali[sz]ed|"
            + "consider it done|(?:it's|it is|that's|that is|everything's|everything is)(?: all)? "
            + "(?:done|set|complete|completed|finished))\\b");
    private static final Pattern LONE_DONE = Pattern.compile("^(?:done|all done|done and done)$");
    /** "Tuesday at 9 it is": a decision that reads as a booking. */
    private static final Pattern SO_IT_IS = Pattern.compile("\\bit is$");
    /** A second claim in one clause starts with a new subject: "...cancelled and you're rebooked for Wednesday". */
    private static final Pattern AND_SUBJECT = Pattern.compile(
            " and (?=(?:you|you're|i|i've|we|we've|it|it's|that|that's|your|everything)\\b)");
    private static final List<Pattern> BY_PRIORITY = List.of(CANCELLED, MOVED, BOOKED, DONE);
    private static final Claim.Kind[] KINDS = {Claim.Kind.CANCELLED, Claim.Kind.MOVED, Claim.Kind.BOOKED,
            Claim.Kind.DONE};

    private static final Set<String> NEGATIONS = Set.of("not", "never", "nothing", "no", "nobody", "none", "yet");
    private static final Set<String> MODALS = Set.of("can", "could", "would", "should", "shall", "might", "may", "must",
            "will", "gonna", "wanna", "going", "want", "wants", "like", "let", "let's", "able", "need", "needs", "to",
            "try", "trying", "happy", "glad", "about", "soon", "if");
    private static final Set<String> SEE_MODALS = Set.of("can", "could", "would", "should", "might", "may", "want",
            "wants", "like", "able", "try", "trying", "if", "let", "let's", "happy", "glad");
    private static final Set<String> LEADS = Set.of("okay", "ok", "great", "perfect", "alright", "sure", "so", "well",
            "now", "and", "wonderful", "thanks", "thank", "you", "got", "it", "excellent", "awesome", "lovely", "yes",
            "yeah", "oh", "just", "then", "also", "good", "news", "fantastic", "right", "no", "problem", "absolutely");
    private static final Pattern QUESTION_START = Pattern.compile("^(?:shall|should|would|will|can|could|do|does|did|is|"
            + "are|was|were|have|has|had|may|might|isn't|aren't|didn't|haven't|hasn't|won't|wouldn't|shouldn't|"
            + "couldn't|can't|don't|doesn't)\\b(.*)$");
    private static final Pattern PRONOUN_START = Pattern.compile(
            "^\\s*(?:you|i|we|it|that|there|he|she|they|this|your|my|anyone|everything|anything)\\b");
    private static final Pattern WH_START = Pattern.compile("^(?:what|when|which|who|where|why|how|any|anything)\\b");
    private static final Pattern SUBORDINATE = Pattern.compile(
            "^(?:if|once|when|whenever|after|before|as soon as|until|unless|provided|assuming|in case|as long as)\\b");
    private static final Pattern TRAILING_CONDITION = Pattern.compile(
            "\\b(?:if|once|as soon as|unless|provided|when you|after you|pending|as long as|until)\\b");
    private static final Pattern BUSY = Pattern.compile("^(?:solid|up|out|full|all day)\\b|^ by (?:someone|another|other|a)\\b");
    private static final Pattern BUSY_BEFORE = Pattern.compile("\\b(?:fully|completely|totally|pretty|heavily|double)$");
    private static final Pattern AVAILABILITY_SUBJECT = Pattern.compile("(?:^|\\b)(?:(?:dr|doctor) [a-z'-]+(?: [a-z'-]+)?|"
            + "we|the (?:office|clinic|schedule|calendar|practice|doctor|hygienist|morning|afternoon|evening|day|slot|time|spot)|"
            + "(?:that|this) (?:slot|time|day|spot|one)|(?:" + WEEKDAYS + ")s?(?: (?:morning|afternoon|evening))?|"
            + "\\d{1,2}(?::\\d{2})?(?: am| pm)?|noon)"
            + "(?:'s|'re|(?: [a-z0-9:']+){0,3}? (?:is|are|was|were|has been|have been|'s been|looks|seems|got|just got))"
            + "(?: (?:already|pretty|completely|fully|all|just|now|really|totally))* $");
    private static final Pattern NOT_APPOINTMENT = Pattern.compile("\\b(?:birth|birthday|dob|phone|number|address|name|"
            + "email|insurance|identity|details|information|info|spelling|coverage|eligibility|availability|card)\\b");
    private static final Pattern CONFIRMED_SOMETHING = Pattern.compile("^ (?:that|with|whether|if|the slot|the time)\\b");
    private static final Pattern SEE_WHEN = Pattern.compile("\\b(?:then|there|on|at|" + WEEKDAYS + "|tomorrow|today|"
            + "tonight|this (?:morning|afternoon|evening)|next (?:week|" + WEEKDAYS + ")|\\d|noon|january|february|"
            + "march|april|may|june|july|august|september|october|november|december)\\b");
    private static final Pattern THIRD_PERSON = Pattern.compile(
            "^(?:he|she|they|him|her|them|he's|she's|they're|he'll|she'll|they'll|his|their|hers)$");
    private static final Pattern SOMEONE_ELSE = Pattern.compile("\\b(?:(?:your|his|her|their|[a-z]+'s) (?:son|sons|"
            + "daughter|daughters|wife|husband|partner|child|children|kids?|mom|mother|mum|dad|father|family|brother|"
            + "sister|boy|girl|baby|parents?|grandma|grandpa|grandmother|grandfather|grandson|granddaughter|friend|"
            + "spouse|fiance|fiancee)|both of you|you both|you two|the two of you|everyone|the whole family|the kids|"
            + "the children)\\b");
    private static final Pattern MOVED_TO = Pattern.compile("\\b(?:to|now|for)\\b");

    private ClaimDetector() {
    }

    /** The claim a model sentence makes about a write, if it makes one; the strongest if it makes several. */
    public static Optional<Claim> detect(String sentence) {
        return detectAll(sentence).stream().min(Comparator.comparingInt(c -> List.of(KINDS).indexOf(c.kind())));
    }

    /**
     * Every claim a model sentence makes, in order: "Your Tuesday appointment has been cancelled and you're rebooked
     * for Wednesday" makes two, each with the facts of its own part of the sentence.
     */
    public static List<Claim> detectAll(String sentence) {
        if (sentence == null || sentence.isBlank()) {
            return List.of();
        }
        String text = sentence.replace('’', '\'').replace('‘', '\'').trim();
        Matcher tag = TAG.matcher(text.toLowerCase(Locale.ROOT));
        boolean tagged = tag.find();
        if (tagged) {
            text = text.substring(0, tag.start());
        }
        String lower = text.toLowerCase(Locale.ROOT)
                .replaceAll("\\b(dr|mr|mrs|ms|st)\\.", "$1")
                .replaceAll("\\b([ap])\\.\\s?m\\.?", "$1m")
                .replaceAll("\\s+", " ");
        boolean asks = !tagged && lower.trim().endsWith("?");

        List<String> clauses = new ArrayList<>();
        for (String part : CLAUSE.split(lower)) {
            for (String clause : AND_SUBJECT.split(part)) {
                if (!clause.isBlank()) {
                    clauses.add(clause.trim());
                }
            }
        }
        List<Found> found = new ArrayList<>();
        boolean afterCondition = false;
        for (int i = 0; i < clauses.size(); i++) {
            String clause = clauses.get(i);
            boolean conditional = afterCondition || SUBORDINATE.matcher(clause).find();
            afterCondition = SUBORDINATE.matcher(clause).find();
            if (conditional || isQuestion(clause, asks)) {
                continue;
            }
            Found claim = claimIn(clause, i);
            if (claim != null) {
                found.add(claim);
            }
        }
        String casedProvider = SpokenFacts.of(text).provider();
        List<Claim> claims = new ArrayList<>();
        for (int k = 0; k < found.size(); k++) {
            // the facts of a claim are those of its part of the sentence: from the clause after the previous claim
            // to the clause before the next one
            int from = k == 0 ? 0 : found.get(k - 1).index + 1;
            int to = k == found.size() - 1 ? clauses.size() : found.get(k + 1).index;
            String region = String.join(", ", clauses.subList(from, to));
            Found f = found.get(k);
            Claim.Kind kind = KINDS[f.priority];
            SpokenFacts facts = kind == Claim.Kind.MOVED ? movedTo(region, SpokenFacts.of(region)) : SpokenFacts.of(region);
            String provider = facts.provider() != null && facts.provider().equalsIgnoreCase(casedProvider)
                    ? casedProvider : facts.provider();
            Claim claim = new Claim(kind, facts.day(), facts.relative(), facts.month(), facts.dayOfMonth(), facts.time(),
                    provider, aboutSomeoneElse(f));
            if (kind == Claim.Kind.DONE && claim.hasFacts()) {
                claim = new Claim(Claim.Kind.BOOKED, claim.day(), claim.relative(), claim.month(), claim.dayOfMonth(),
                        claim.time(), claim.provider(), claim.aboutSomeoneElse());
            }
            claims.add(claim);
        }
        return claims;
    }

    /**
     * Whether the write makes the claim true: the kinds fit ({@link Claim.Kind#satisfiedBy}), every fact the claim
     * states equals the write's, and a claim that states no fact at all is backed only by a write of this very turn.
     * A claim about someone else is never true: the gateway books one patient per write and speaks for them.
     *
     * @param currentResponseId the {@code response_id} of the turn being spoken
     * @param today the clinic's date, for "today"/"tomorrow"; null makes such claims unmatched
     */
    public static boolean matches(Claim claim, CompletedWrite write, long currentResponseId, LocalDate today) {
        if (claim.aboutSomeoneElse() || !claim.kind().satisfiedBy(write.kind())) {
            return false;
        }
        if (!claim.hasFacts()) {
            return write.responseId() == currentResponseId;
        }
        LocalDateTime start = write.start();
        if (claim.day() != null && claim.day() != start.getDayOfWeek()) {
            return false;
        }
        if (claim.relative() != null && (today == null || !claim.relative().from(today).equals(start.toLocalDate()))) {
            return false;
        }
        if (claim.dayOfMonth() != null && claim.dayOfMonth() != start.getDayOfMonth()) {
            return false;
        }
        if (claim.month() != null && claim.month() != start.getMonth()) {
            return false;
        }
        if (claim.time() != null && !claim.time().equals(start.toLocalTime().withSecond(0).withNano(0))) {
            return false;
        }
        return claim.provider() == null || names(write.providerName()).contains(claim.provider().toLowerCase(Locale.ROOT));
    }

    /** Whether any of the call's writes makes the claim true. */
    public static boolean matchesAny(Claim claim, Collection<CompletedWrite> writes, long currentResponseId,
            LocalDate today) {
        return writes.stream().anyMatch(w -> matches(claim, w, currentResponseId, today));
    }

    private record Found(int priority, String clause, int index, int start, int end) {
    }

    private static Found claimIn(String clause, int index) {
        String stripped = stripLeads(clause);
        if (LONE_DONE.matcher(stripped).matches()) {
            return new Found(3, clause, index, clause.length() - stripped.length(), clause.length());
        }
        for (int p = 0; p < BY_PRIORITY.size(); p++) {
            Matcher m = BY_PRIORITY.get(p).matcher(clause);
            while (m.find()) {
                if (counts(clause, m.start(), m.end(), m.group())) {
                    return new Found(p, clause, index, m.start(), m.end());
                }
            }
        }
        Matcher itIs = SO_IT_IS.matcher(clause);
        SpokenFacts facts = SpokenFacts.of(clause);
        if (itIs.find() && (facts.day() != null || facts.time() != null || facts.relative() != null)
                && !governedByModal(lastWords(clause.substring(0, itIs.start()), 6), false)) {
            return new Found(2, clause, index, itIs.start(), itIs.end());
        }
        return null;
    }

    /** Whether a claim phrase found at [start, end) of the clause really claims, by the rules of the class doc. */
    private static boolean counts(String clause, int start, int end, String phrase) {
        String before = clause.substring(0, start);
        String after = clause.substring(end);
        List<String> prior = lastWords(before, 6);
        boolean see = phrase.startsWith("see") || phrase.startsWith("seeing");
        if (prior.subList(Math.max(0, prior.size() - 5), prior.size()).stream()
                .anyMatch(w -> NEGATIONS.contains(w) || w.endsWith("n't"))) {
            return false;
        }
        if (governedByModal(prior, see)) {
            return false;
        }
        if (TRAILING_CONDITION.matcher(after).find()) {
            return false;
        }
        if (see) {
            return SEE_WHEN.matcher(after).find() && !after.matches("^ (?:soon|later|next time|around)\\b.*");
        }
        if (phrase.equals("booked") || phrase.equals("reserved") || phrase.equals("scheduled")
                || phrase.startsWith("on the") || phrase.startsWith("on our")) {
            if (BUSY.matcher(after.trim()).find() || BUSY.matcher(after).find() || BUSY_BEFORE.matcher(before.trim()).find()
                    || (AVAILABILITY_SUBJECT.matcher(before).find() && !after.matches(".*\\bfor (?:you|your)\\b.*"))
                    || after.startsWith(" to ")) {
                return false;
            }
        }
        if (phrase.equals("confirmed")) {
            return !NOT_APPOINTMENT.matcher(clause).find() && !CONFIRMED_SOMETHING.matcher(after).find();
        }
        if (phrase.endsWith("set") && after.startsWith(" to ")) {
            return false;
        }
        return true;
    }

    /** "I can", "let me", "to get you": not a claim; "you'll be all set", "I was able to book": a claim. */
    private static boolean governedByModal(List<String> prior, boolean see) {
        String joined = String.join(" ", prior);
        if (joined.matches(".*\\b(?:was|were) able to\\b.*|.*\\bmanaged to\\b.*")) {
            return false;
        }
        for (int i = 0; i < prior.size(); i++) {
            String w = prior.get(i);
            boolean futureBe = (w.equals("will") || w.endsWith("'ll")) && i + 1 < prior.size()
                    && prior.get(i + 1).equals("be");
            if (see) {
                if (SEE_MODALS.contains(w) || w.endsWith("'d")) {
                    return true;
                }
            } else if (!futureBe && (MODALS.contains(w) || w.endsWith("'ll") || w.endsWith("'d"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isQuestion(String clause, boolean sentenceAsks) {
        String s = stripLeads(clause);
        if (WH_START.matcher(s).find()) {
            return true;
        }
        Matcher aux = QUESTION_START.matcher(s);
        return aux.find() && (sentenceAsks || PRONOUN_START.matcher(aux.group(1)).find());
    }

    private static String stripLeads(String clause) {
        String[] words = clause.trim().split(" ");
        int i = 0;
        while (i < words.length - 1 && LEADS.contains(words[i])) {
            i++;
        }
        return String.join(" ", Arrays.asList(words).subList(i, words.length));
    }

    private static boolean aboutSomeoneElse(Found found) {
        String clause = found.clause;
        if (SOMEONE_ELSE.matcher(clause).find()) {
            return true;
        }
        List<String> near = lastWords(clause.substring(0, found.start), 3);
        List<String> after = Arrays.asList(clause.substring(found.end).trim().split(" "));
        near.addAll(after.subList(0, Math.min(2, after.size())));
        return near.stream().anyMatch(w -> THIRD_PERSON.matcher(w).matches());
    }

    /** For a move, the facts after "to"/"now"/"for" are the new time; the old one comes first in "from X to Y". */
    private static SpokenFacts movedTo(String text, SpokenFacts whole) {
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher m = MOVED.matcher(lower);
        if (!m.find()) {
            return whole;
        }
        Matcher to = MOVED_TO.matcher(lower);
        int from = m.end();
        if (lower.substring(m.start(), m.end()).matches(".*\\b(?:to|now|for|is|on|at)$")) {
            return SpokenFacts.of(text.substring(m.end()), true);
        }
        if (to.find(from)) {
            SpokenFacts tail = SpokenFacts.of(text.substring(to.end()), true);
            return tail.any() ? tail : whole;
        }
        return whole;
    }

    private static List<String> lastWords(String text, int n) {
        String[] words = text.trim().isEmpty() ? new String[0] : text.trim().split(" ");
        return new ArrayList<>(Arrays.asList(words).subList(Math.max(0, words.length - n), words.length));
    }

    private static Set<String> names(String providerName) {
        if (providerName == null) {
            return Set.of();
        }
        return Set.of(Arrays.stream(providerName.toLowerCase(Locale.ROOT).split("[^a-z'-]+"))
                .filter(w -> !w.isEmpty() && !w.equals("dr") && !w.equals("doctor")).distinct().toArray(String[]::new));
    }
}
