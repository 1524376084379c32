package com.dentaldesk.voice.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ClaimDetectorTest {

    /** Every row of {@link ModelSentences}: claims in many wordings, and non-claims that name days and times. */
    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @MethodSource("com.dentaldesk.voice.speech.ModelSentences#all")
    void shouldFindClaimsAndTheirFacts(String sentence, String expected) {
        assertEquals(expected, describe(ClaimDetector.detect(sentence)));
    }

    private static final LocalDateTime TUESDAY_9 = LocalDateTime.of(2026, 12, 1, 9, 0);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final long THIS_TURN = 7;

    @ParameterizedTest(name = "[{index}] ''{0}'' after {1} in turn {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            // right facts, in any wording, after the booking they describe
            "You're booked for Tuesday at 9 with Dr. Patel.|BOOKED|3|true",
            "All set for December 1st at 9 am.|BOOKED|3|true",
            "You're all set for tomorrow at 9.|BOOKED|3|true",
            "See you Tuesday!|BOOKED|3|true",
            // wrong day, time, date or provider: the restatement is false
            "You're booked for Wednesday at 9.|BOOKED|7|false",
            "You're booked for Tuesday at 10.|BOOKED|7|false",
            "You're booked for Tuesday at 9 pm.|BOOKED|7|false",
            "You're booked for December 2nd.|BOOKED|7|false",
            "You're booked with Dr. Lee on Tuesday.|BOOKED|7|false",
            "You're all set for today at 9.|BOOKED|7|false",
            // no facts: true only right after the write, in the same turn
            "You're all set.|BOOKED|7|true",
            "You're all set.|BOOKED|3|false",
            "Consider it done.|CANCELLED|7|true",
            // kinds: a move also books the new time; a cancellation books nothing
            "You're all set for Tuesday at 9.|MOVED|3|true",
            "I've moved your appointment to Tuesday at 9.|MOVED|3|true",
            "I've moved your appointment to Tuesday at 9.|BOOKED|3|false",
            "I've cancelled your Tuesday appointment.|CANCELLED|3|true",
            "I've cancelled your Tuesday appointment.|BOOKED|7|false",
            "You're booked for Tuesday at 9.|CANCELLED|7|false",
            // someone else's appointment is never backed by the caller's write
            "Your son is booked for Tuesday at 9 too.|BOOKED|7|false",
            "She's all set.|BOOKED|7|false",
    })
    void shouldMatchClaimsOnlyToWritesWithTheSameFacts(String sentence, WriteKind kind, long turn, boolean matches) {
        Claim claim = ClaimDetector.detect(sentence).orElseThrow();
        CompletedWrite write = new CompletedWrite(kind, TUESDAY_9, "Dr. Priya Patel", turn);
        assertEquals(matches, ClaimDetector.matches(claim, write, THIS_TURN, TODAY));
    }

    @Test
    void shouldFindEveryClaimOfASentenceWithTheFactsOfItsOwnPart() {
        List<String> claims = ClaimDetector.detectAll(
                "Your Tuesday appointment has been cancelled and you're rebooked for Wednesday at 10.").stream()
                .map(c -> describe(Optional.of(c))).toList();
        assertEquals(List.of("CANCELLED TUESDAY", "BOOKED WEDNESDAY 10:00"), claims);
        assertEquals(List.of(), ClaimDetector.detectAll("I have Tuesday at 9 or Wednesday at 10."));
    }

    @Test
    void shouldLeaveRelativeDaysUnmatchedWithoutTheClinicDate() {
        Claim claim = ClaimDetector.detect("You're booked for tomorrow at 9.").orElseThrow();
        CompletedWrite write = new CompletedWrite(WriteKind.BOOKED, TUESDAY_9, "Dr. Patel", THIS_TURN);
        assertFalse(ClaimDetector.matches(claim, write, THIS_TURN, null));
        assertTrue(ClaimDetector.matches(claim, write, THIS_TURN, TODAY));
    }

    @Test
    void shouldFindTheBackingWriteAmongTheCallsWrites() {
        Claim claim = ClaimDetector.detect("Your cleaning is booked for Tuesday at 9.").orElseThrow();
        List<CompletedWrite> writes = List.of(
                new CompletedWrite(WriteKind.CANCELLED, TUESDAY_9.plusDays(1), "Dr. Patel", 2),
                new CompletedWrite(WriteKind.BOOKED, TUESDAY_9, "Dr. Patel", 3));
        assertTrue(ClaimDetector.matchesAny(claim, writes, THIS_TURN, TODAY));
        assertFalse(ClaimDetector.matchesAny(claim, writes.subList(0, 1), THIS_TURN, TODAY));
        assertFalse(ClaimDetector.matchesAny(claim, List.of(), THIS_TURN, TODAY));
    }

    @Test
    void shouldRequireAProviderNameWhenTheClaimNamesOne() {
        Claim claim = ClaimDetector.detect("You're booked with Dr. Patel.").orElseThrow();
        assertFalse(ClaimDetector.matches(claim, new CompletedWrite(WriteKind.BOOKED, TUESDAY_9, null, THIS_TURN),
                THIS_TURN, TODAY));
    }

    static String describe(Optional<Claim> found) {
        if (found.isEmpty()) {
            return "NONE";
        }
        Claim c = found.get();
        List<String> parts = new ArrayList<>();
        parts.add(c.kind().name());
        if (c.day() != null) {
            parts.add(c.day().name());
        }
        if (c.relative() != null) {
            parts.add(c.relative().name());
        }
        if (c.dayOfMonth() != null) {
            parts.add(c.month() == null ? String.valueOf(c.dayOfMonth()) : c.month() + "-" + c.dayOfMonth());
        }
        if (c.time() != null) {
            parts.add(c.time().toString());
        }
        if (c.provider() != null) {
            parts.add(c.provider());
        }
        if (c.aboutSomeoneElse()) {
            parts.add("ELSE");
        }
        return String.join(" ", parts);
    }
}
