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

class ClaimDetectorTest {

    /**
     * Model sentences and what they claim: NONE, or the kind followed by the facts stated (weekday, relative day,
     * month and day, time, provider, ELSE for someone else's appointment).
     */
    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            // claims, in the many ways a model says it
            "You're booked for Tuesday at 9.|BOOKED TUESDAY 09:00",
            "you're booked|BOOKED",
            "You are all set for Tuesday.|BOOKED TUESDAY",
            "All set for Tuesday at 9!|BOOKED TUESDAY 09:00",
            "I've scheduled your cleaning for Tuesday, December 1 at 9:00 AM.|BOOKED TUESDAY DECEMBER-1 09:00",
            "Confirmed: Tuesday at 9 with Dr. Patel.|BOOKED TUESDAY 09:00 Patel",
            "Your appointment is confirmed, you can arrive 10 minutes early.|BOOKED",
            "You're booked for Tuesday at 9, right?|BOOKED TUESDAY 09:00",
            "You're booked for Tuesday at 9, is that alright?|BOOKED TUESDAY 09:00",
            "Everything's confirmed for Tuesday, okay?|BOOKED TUESDAY",
            "You're booked for Tuesday at 9?|BOOKED TUESDAY 09:00",
            "I went ahead and booked that.|BOOKED",
            "Done! See you Tuesday at 9.|BOOKED TUESDAY 09:00",
            "I've got you down for Wednesday at 2:30 PM.|BOOKED WEDNESDAY 14:30",
            "You're in for Tuesday.|BOOKED TUESDAY",
            "That's locked in.|DONE",
            "Consider it done.|DONE",
            "Okay, you're all set.|DONE",
            "That's taken care of.|DONE",
            "Done!|DONE",
            "We'll see you on Tuesday at 9.|BOOKED TUESDAY 09:00",
            "Great news, you're all set for tomorrow at noon with Doctor Patel.|BOOKED TOMORROW 12:00 Patel",
            "Perfect, I've booked you with Dr. Patel on Dec 1st at nine thirty.|BOOKED DECEMBER-1 09:30 Patel",
            "Your cleaning is scheduled for the 1st at 9 am.|BOOKED 1 09:00",
            "You're good to go for Tuesday at 9.|BOOKED TUESDAY 09:00",
            "I've penciled you in for Monday at 8.|BOOKED MONDAY 08:00",
            "Your appointment is booked for December 1st at 9.|BOOKED DECEMBER-1 09:00",
            "Booked! Tuesday at 9 with Dr. Patel.|BOOKED TUESDAY 09:00 Patel",
            "You'll be all set for Tuesday at 9.|BOOKED TUESDAY 09:00",
            "I was able to get you booked for Thursday.|BOOKED THURSDAY",
            "We look forward to seeing you Tuesday at 9.|BOOKED TUESDAY 09:00",
            "I've reserved Tuesday at 9 for you.|BOOKED TUESDAY 09:00",
            "Your appointment is all set with Dr. Patel.|BOOKED Patel",
            "Your booking is complete.|BOOKED",
            "It's done, see you then!|BOOKED",
            "Tuesday at 9 with Dr. Patel is confirmed.|BOOKED TUESDAY 09:00 Patel",
            "I see you're booked for Tuesday at 9 already.|BOOKED TUESDAY 09:00",
            "I’ve booked you for Tuesday at 9:30 a.m. with Dr. Patel, and you’ll get a text reminder.|BOOKED TUESDAY 09:30 Patel",
            "Alright, so I have you down for Tuesday at 9.|BOOKED TUESDAY 09:00",
            "No problem, your appointment has been moved to 10:30.|MOVED 10:30",
            "I've moved your appointment to Thursday at 10:30 a.m.|MOVED THURSDAY 10:30",
            "Your appointment has been rescheduled.|MOVED",
            "I've moved you from Tuesday at 9 to Wednesday at 10.|MOVED WEDNESDAY 10:00",
            "Your Tuesday appointment is now on Friday at 11.|MOVED FRIDAY 11:00",
            "I've changed your appointment to Wednesday at 9.|MOVED WEDNESDAY 09:00",
            "I cancelled it.|CANCELLED",
            "It's been cancelled.|CANCELLED",
            "Okay, that's cancelled for you.|CANCELLED",
            "I've cancelled your appointment on Tuesday, December 1.|CANCELLED TUESDAY DECEMBER-1",
            "Your appointment for Tuesday at 9 has been cancelled.|CANCELLED TUESDAY 09:00",
            // claims about someone else's appointment
            "Your son is booked too.|BOOKED ELSE",
            "She's all set for Tuesday.|BOOKED TUESDAY ELSE",
            "Jordan's mom is booked for Wednesday at 3.|BOOKED WEDNESDAY 15:00 ELSE",
            "I've booked him in for Tuesday at 4 pm.|BOOKED TUESDAY 16:00 ELSE",
            "You and your daughter are both booked for Tuesday.|BOOKED TUESDAY ELSE",
            // offers, questions, future, conditional and negative sentences: not claims
            "Shall I book Tuesday at 9?|NONE",
            "Would you like me to book it?|NONE",
            "Do you want me to cancel?|NONE",
            "Shall I move your appointment to Wednesday at 10?|NONE",
            "Would you like me to cancel your Tuesday appointment?|NONE",
            "I can book that for you.|NONE",
            "I can move it to Thursday at 2 if you like.|NONE",
            "Once you confirm, I'll book it.|NONE",
            "Once you say yes, you're all set.|NONE",
            "If that works, I'll get you scheduled for Tuesday at 9.|NONE",
            "I haven't booked anything yet.|NONE",
            "It's not booked yet.|NONE",
            "Nothing has been booked yet.|NONE",
            "Your appointment isn't confirmed until you say yes.|NONE",
            "Before I book it, do you have insurance?|NONE",
            "I'll cancel it if you want.|NONE",
            "Let me get that booked for you.|NONE",
            "To get you booked, I need your full name.|NONE",
            "I'm happy to get you scheduled for Tuesday.|NONE",
            "I'm going to book that now.|NONE",
            "Were you booked with us before?|NONE",
            "Just to confirm, that's Tuesday at 9 with Dr. Patel?|NONE",
            "I have Tuesday at 9:00 AM or 10:30 AM with Dr. Patel.|NONE",
            "Tuesday at 9 is open.|NONE",
            "The earliest I have is Tuesday, December 1 at 9:00 AM with Dr. Patel.|NONE",
            "Dr. Patel can see you Tuesday at 9.|NONE",
            "Great, let me check Tuesday for you.|NONE",
            "We're open Monday to Friday.|NONE",
            "Our office is closed on Sunday.|NONE",
            "Dr. Patel is booked solid on Tuesday.|NONE",
            "We're fully booked on Friday, but I have Monday at 8.|NONE",
            "Sorry, that slot was just booked by someone else.|NONE",
            "Tuesday at 9 is already booked, but 10 is free.|NONE",
            "Can you confirm your date of birth?|NONE",
            "Your date of birth is confirmed, thanks.|NONE",
            "See you soon!|NONE",
            "Is there anything else I can help with?|NONE",
            "You have a cleaning with Dr. Patel on Tuesday at 9.|NONE",
    })
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
