package com.dentaldesk.voice.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimHoldTest {

    /** No write happened: every claim is dropped. */
    private static final ClaimHold.Verdict NOTHING_WRITTEN = ClaimHold.checking(claim -> false, claim -> "");
    /** The write happened: every claim is true. */
    private static final ClaimHold.Verdict ALL_WRITTEN = ClaimHold.checking(claim -> true, claim -> "");

    @Test
    void shouldReleaseTheFirstTokenAtOnceAndOrdinaryWordsAsTheyCome() {
        ClaimHold hold = new ClaimHold(NOTHING_WRITTEN);
        assertEquals("Sure", hold.accept("Sure"));
        assertEquals(",", hold.accept(","));
        assertEquals(" let", hold.accept(" let"));
        assertEquals(" me", hold.accept(" me"));
        assertEquals(" check", hold.accept(" check"));
        assertEquals(".", hold.accept("."));
        assertEquals("", hold.finish());
    }

    @Test
    void shouldReleaseAnOfferWithinAWordOfItsOpener() {
        ClaimHold hold = new ClaimHold(NOTHING_WRITTEN);
        assertEquals("", hold.accept("I"));
        assertEquals("", hold.accept(" have"));
        String released = hold.accept(" Tuesday");
        assertTrue(released.startsWith("I have "), released);
        StringBuilder heard = new StringBuilder(released);
        for (String token : List.of(" at", " 9", ":00", " AM", " or", " 10", ":30", " AM", " with", " Dr", ".", " Patel",
                ".")) {
            heard.append(hold.accept(token));
        }
        assertTrue(heard.toString().startsWith("I have Tuesday at 9:00 AM or 10:30 AM with Dr. Patel"), heard.toString());
        heard.append(hold.finish());
        assertEquals("I have Tuesday at 9:00 AM or 10:30 AM with Dr. Patel.", heard.toString());
    }

    @Test
    void shouldHoldAClaimSplitAcrossTinyTokensAndDropItWhenNothingWasWritten() {
        ClaimHold hold = new ClaimHold(NOTHING_WRITTEN);
        List<String> spoken = new ArrayList<>();
        for (String token : List.of("You", "'re", " all", " se", "t", " for", " Tues", "day", " at", " 9", ".")) {
            spoken.add(hold.accept(token));
        }
        spoken.add(hold.finish());
        assertEquals("", String.join("", spoken));
    }

    @Test
    void shouldReplaceAFalseClaimWithTheGatewaysWords() {
        AtomicInteger asked = new AtomicInteger();
        ClaimHold hold = new ClaimHold((sentence, held) -> {
            asked.incrementAndGet();
            assertEquals("You're all set for Tuesday at 9. ", sentence);
            assertEquals(sentence, held);
            return "I haven't booked that yet. ";
        });
        String heard = stream(hold, "You're all set for Tuesday at 9. Anything else?");
        assertEquals("I haven't booked that yet. Anything else?", heard);
        assertEquals(1, asked.get());
    }

    @Test
    void shouldPassATrueClaimThroughUnchanged() {
        String answer = "Great, you're booked for Tuesday, December 1 at 9:00 AM with Dr. Patel. See you then!";
        assertEquals(answer, stream(new ClaimHold(ALL_WRITTEN), answer));
    }

    @Test
    void shouldHoldAClaimWithAQuestionTagToTheEndOfItsSentence() {
        ClaimHold hold = new ClaimHold(NOTHING_WRITTEN);
        StringBuilder heard = new StringBuilder();
        for (String token : List.of("You're", " booked", " for", " Tuesday", ",", " right", "?", " Is", " there")) {
            heard.append(hold.accept(token));
        }
        assertEquals("Is there", heard.toString(), "the claim and its tag are dropped; the next sentence streams");
        heard.append(hold.accept(" anything else?"));
        heard.append(hold.finish());
        assertEquals("Is there anything else?", heard.toString());
    }

    @Test
    void shouldKeepStreamingAfterADroppedClaim() {
        ClaimHold hold = new ClaimHold(NOTHING_WRITTEN);
        assertEquals("", hold.accept("Done! "));
        StringBuilder heard = new StringBuilder();
        for (String token : List.of("I", " also", " found", " your", " insurance", " on", " file")) {
            heard.append(hold.accept(token));
        }
        assertTrue(heard.toString().startsWith("I also found your insurance"), heard.toString());
        heard.append(hold.accept(".")).append(hold.finish());
        assertEquals("I also found your insurance on file.", heard.toString());
    }

    @Test
    void shouldHoldAPartialWordThatCouldOpenAClaimAndFlushItAtTheEnd() {
        ClaimHold hold = new ClaimHold(NOTHING_WRITTEN);
        assertEquals("Thank", hold.accept("Thank"));
        assertEquals(" ", hold.accept(" you"));
        assertEquals("you", hold.finish());

        ClaimHold alone = new ClaimHold(NOTHING_WRITTEN);
        assertEquals("", alone.accept("I"));
        assertEquals("I", alone.finish());
    }

    @Test
    void shouldJudgeAClaimThatEndsWithTheAnswerWithoutPunctuation() {
        ClaimHold hold = new ClaimHold(NOTHING_WRITTEN);
        assertEquals("", hold.accept("you're all set"));
        assertEquals("", hold.finish());
    }

    @Test
    void shouldGiveTheVerdictTheWholeSentenceWhenTheHoldBeganMidSentence() {
        List<String> seen = new ArrayList<>();
        ClaimHold hold = new ClaimHold((sentence, held) -> {
            seen.add(sentence + "|" + held);
            return "";
        });
        String heard = stream(hold, "Tuesday at 9 with Dr. Patel is confirmed. Bye!");
        assertEquals("Tuesday at 9 with Dr. Patel Bye!", heard);
        assertEquals(List.of("Tuesday at 9 with Dr. Patel is confirmed. |is confirmed. "), seen);
    }

    @Test
    void shouldReplaceASentenceWhenOnlyOneOfItsClaimsIsBacked() {
        ClaimHold hold = new ClaimHold(ClaimHold.checking(claim -> claim.kind() == Claim.Kind.CANCELLED,
                claim -> "Your Tuesday appointment is cancelled. "));
        assertEquals("Your Tuesday appointment is cancelled. ",
                stream(hold, "Your Tuesday appointment has been cancelled and you're rebooked for Wednesday. "));
    }

    @Test
    void shouldSpeakAHeldNonClaimOnceItsSentenceEnds() {
        String answer = "Dr. Patel is booked solid on Tuesday, but I have Wednesday at 9. Would that work?";
        assertEquals(answer, stream(new ClaimHold(NOTHING_WRITTEN), answer));
    }

    @Test
    void shouldOfferTheSimpleFunctionConstructorTheHeldText() {
        ClaimHold hold = new ClaimHold(held -> held.toUpperCase());
        assertEquals("Okay, YOU'RE BOOKED. Bye.", stream(hold, "Okay, you're booked. Bye."));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "Sure, let me check what we have. I have Tuesday at 9:00 AM or 10:30 AM with Dr. Patel. Which works better?",
            "Hi Jordan, thanks for calling Bright Smile Dental. How can I help you today?",
            "Okay, and can I get your date of birth, please?",
            "Tuesday at 9 is open, and so is Wednesday at 2 in the afternoon. Shall I book one of those?",
            "We're open Monday to Friday from 8 to 5, and the office is at 12 Main Street.",
            "Before I book it, do you have dental insurance with us?",
    })
    void shouldKeepOrdinaryAnswersWithinTwoWordsOfTheModel(String answer) {
        ClaimHold hold = new ClaimHold(NOTHING_WRITTEN);
        StringBuilder heard = new StringBuilder();
        StringBuilder said = new StringBuilder();
        for (String token : answer.split("(?<= )")) {
            said.append(token);
            heard.append(hold.accept(token));
            int behind = words(said.toString()) - words(heard.toString());
            assertTrue(behind <= 2, () -> "held " + behind + " words after '" + said + "', heard '" + heard + "'");
        }
        heard.append(hold.finish());
        assertEquals(answer, heard.toString());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("com.dentaldesk.voice.speech.ModelSentences#claims")
    void shouldLetNoClaimThroughWhenNothingWasWritten(String claim) {
        for (int size : new int[] {1, 2, 3, 5}) {
            String heard = streamInPieces(new ClaimHold(NOTHING_WRITTEN), claim, size);
            assertTrue(ClaimDetector.detect(heard).isEmpty(), () -> "heard '" + heard + "' in pieces of " + size);
            assertFalse(heard.toLowerCase().matches(".*\\b(booked|cancell?ed|confirmed|all set|moved)\\b.*"), heard);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("com.dentaldesk.voice.speech.ModelSentences#nonClaims")
    void shouldSpeakEveryNonClaimWordForWord(String sentence) {
        for (int size : new int[] {1, 4}) {
            assertEquals(sentence, streamInPieces(new ClaimHold(NOTHING_WRITTEN), sentence, size));
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("com.dentaldesk.voice.speech.ModelSentences#claims")
    void shouldSpeakEveryBackedClaimWordForWord(String claim) {
        assertEquals(claim, streamInPieces(new ClaimHold(ALL_WRITTEN), claim, 3));
    }

    private static String stream(ClaimHold hold, String answer) {
        StringBuilder heard = new StringBuilder();
        for (String token : answer.split("(?<= )|(?=[,.?!])")) {
            heard.append(hold.accept(token));
        }
        return heard.append(hold.finish()).toString();
    }

    private static String streamInPieces(ClaimHold hold, String text, int size) {
        StringBuilder heard = new StringBuilder();
        for (int i = 0; i < text.length(); i += size) {
            heard.append(hold.accept(text.substring(i, Math.min(text.length(), i + size))));
        }
        return heard.append(hold.finish()).toString();
    }

    private static int words(String text) {
        String trimmed = text.trim();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}
