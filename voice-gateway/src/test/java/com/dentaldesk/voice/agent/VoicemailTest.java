package com.dentaldesk.voice.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.dentaldesk.contracts.retell.Utterance;

/** Which first words are an answering machine's, and which a person's. */
class VoicemailTest {

    private static final Utterance GREETING = Utterance.agent("Hi, this is Bright Smile Dental calling for Jordan "
            + "about an upcoming appointment. Am I speaking with Jordan?");

    @ParameterizedTest
    @ValueSource(strings = {"Hi, you've reached Jordan. Please leave a message after the tone.",
            "The person you are calling is not available. At the beep, please record your message.",
            "Sorry I can't take your call right now, leave a message", "Welcome to the voicemail of 2 1 2 5 5 5 0 1 4 3",
            "This mailbox is full"})
    void shouldTakeARecordedGreetingForAnAnsweringMachine(String firstWords) {
        assertTrue(Voicemail.reachedOn(List.of(GREETING, user(firstWords))), firstWords);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hello?", "Yes, speaking", "Who is this?", "Jordan's at work, can I help?",
            "Jordan isn't available right now", "She can't come to the phone, who's calling?"})
    void shouldTakeAPersonForAPerson(String firstWords) {
        assertFalse(Voicemail.reachedOn(List.of(GREETING, user(firstWords))), firstWords);
    }

    @Test
    void shouldNotHangUpOnAPersonWhoLaterSaysSomeoneIsNotAvailable() {
        assertFalse(Voicemail.reachedOn(List.of(GREETING, user("Hello?"),
                Utterance.agent("Is Jordan there?"), user("No, Jordan is not available, leave a message"))));
    }

    private static Utterance user(String words) {
        return Utterance.user(words);
    }
}
