package com.dentaldesk.voice.speech;

import static com.dentaldesk.voice.speech.ConfirmationAnswer.Verdict.CHANGE_REQUEST;
import static com.dentaldesk.voice.speech.ConfirmationAnswer.Verdict.CONFIRM;
import static com.dentaldesk.voice.speech.ConfirmationAnswer.Verdict.DECLINE;
import static com.dentaldesk.voice.speech.ConfirmationAnswer.Verdict.UNCLEAR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.dentaldesk.voice.speech.ConfirmationAnswer.Verdict;

class ConfirmationAnswerTest {

    /** The gateway's own question, as it is spoken. */
    private static final String QUESTION = "Shall I book Tuesday, December 1 at 9:00 AM with Dr. Patel for Jordan?";

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            // clear, unconditional yes, the way it comes out of speech-to-text
            "yes|CONFIRM",
            "Yes.|CONFIRM",
            "yeah|CONFIRM",
            "yeah yeah|CONFIRM",
            "yep|CONFIRM",
            "yup yup|CONFIRM",
            "yes please|CONFIRM",
            "yes yes please|CONFIRM",
            "Yes, please.|CONFIRM",
            "uh huh|CONFIRM",
            "Uh-huh.|CONFIRM",
            "mm-hmm|CONFIRM",
            "mhm|CONFIRM",
            "sure|CONFIRM",
            "Sure, go ahead.|CONFIRM",
            "sure thing|CONFIRM",
            "that's perfect|CONFIRM",
            "That’s perfect, thank you.|CONFIRM",
            "sounds good|CONFIRM",
            "sounds good thanks|CONFIRM",
            "book it|CONFIRM",
            "yes book it please|CONFIRM",
            "yeah go ahead and book it|CONFIRM",
            "please do|CONFIRM",
            "okay|CONFIRM",
            "ok cool|CONFIRM",
            "alright|CONFIRM",
            "all right thank you|CONFIRM",
            "absolutely|CONFIRM",
            "definitely|CONFIRM",
            "of course|CONFIRM",
            "correct|CONFIRM",
            "yes that's correct|CONFIRM",
            "that's right|CONFIRM",
            "that works|CONFIRM",
            "that works for me|CONFIRM",
            "yeah that'll work|CONFIRM",
            "um yeah that's fine|CONFIRM",
            "uh yes|CONFIRM",
            "so yeah let's do it|CONFIRM",
            "yes I do|CONFIRM",
            "I'd like that|CONFIRM",
            "that would be great|CONFIRM",
            "perfect|CONFIRM",
            "great thank you so much|CONFIRM",
            "yeah sure why not|CONFIRM",
            "yes no problem|CONFIRM",
            "go for it|CONFIRM",
            "yes ma'am|CONFIRM",
            "Yes, I'll take it.|CONFIRM",
            "YES|CONFIRM",
            "okay I'll be there|CONFIRM",
            "yes please thanks bye|CONFIRM",
            // no, not this one, not now
            "no|DECLINE",
            "No.|DECLINE",
            "nope|DECLINE",
            "nah|DECLINE",
            "no thanks|DECLINE",
            "No, thank you.|DECLINE",
            "not that one|DECLINE",
            "no not that one|DECLINE",
            "uh-uh|DECLINE",
            "I don't think so|DECLINE",
            "don't book it|DECLINE",
            "please don't|DECLINE",
            "never mind|DECLINE",
            "forget it|DECLINE",
            "no no|DECLINE",
            "no thanks I'll call back later|DECLINE",
            "I'd rather not|DECLINE",
            "nah I'm good|DECLINE",
            "that doesn't work|DECLINE",
            "let me think about it|DECLINE",
            // a yes, a no or nothing, with a different wish
            "yes but can we do Wednesday|CHANGE_REQUEST",
            "Yes, but can we do Wednesday?|CHANGE_REQUEST",
            "yeah what about Wednesday though|CHANGE_REQUEST",
            "yes at 10 instead|CHANGE_REQUEST",
            "actually make it the afternoon|CHANGE_REQUEST",
            "what about Wednesday|CHANGE_REQUEST",
            "how about Thursday morning|CHANGE_REQUEST",
            "do you have anything later|CHANGE_REQUEST",
            "is there anything earlier|CHANGE_REQUEST",
            "no wednesday would be better|CHANGE_REQUEST",
            "no, Wednesday|CHANGE_REQUEST",
            "Wednesday|CHANGE_REQUEST",
            "can we do next week|CHANGE_REQUEST",
            "I'd prefer Dr. Lee|CHANGE_REQUEST",
            "something in the afternoon|CHANGE_REQUEST",
            "the other one|CHANGE_REQUEST",
            "yeah can we move it to Friday|CHANGE_REQUEST",
            "sure but a different day|CHANGE_REQUEST",
            "umm like after work maybe|CHANGE_REQUEST",
            "ok but the 2 o'clock instead|CHANGE_REQUEST",
            // not a clear answer: ask again
            "hmm yes no wait|UNCLEAR",
            "no wait|UNCLEAR",
            "wait|UNCLEAR",
            "hold on|UNCLEAR",
            "hang on let me check my calendar|UNCLEAR",
            "I don't know|UNCLEAR",
            "I'm not sure|UNCLEAR",
            "maybe|UNCLEAR",
            "yeah I guess|UNCLEAR",
            "I think so|UNCLEAR",
            "probably|UNCLEAR",
            "can you repeat that|UNCLEAR",
            "what time was that|UNCLEAR",
            "sorry what|UNCLEAR",
            "which doctor is that|UNCLEAR",
            "(unintelligible audio)|UNCLEAR",
            "[inaudible] yes|UNCLEAR",
            "hmm|UNCLEAR",
            "uh|UNCLEAR",
            "yes?|UNCLEAR",
            "yeah no|UNCLEAR",
            "yes, actually no|UNCLEAR",
            "yes but|UNCLEAR",
            "yes and can I bring my son too|UNCLEAR",
            "how much will it cost|UNCLEAR",
            "thank you|UNCLEAR",
            "right|UNCLEAR",
            "my insurance is Delta|UNCLEAR",
            "'   '|UNCLEAR",
    })
    void shouldClassifyTheAnswerWithoutTheQuestion(String said, Verdict expected) {
        assertEquals(expected, ConfirmationAnswer.classify(said));
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            // restating the offered slot is still a yes
            "yes Tuesday at 9 works|CONFIRM",
            "yes the 9 o'clock please|CONFIRM",
            "yeah with Dr. Patel is perfect|CONFIRM",
            "yes please book it for Jordan|CONFIRM",
            "yes 9 am on Tuesday December 1st|CONFIRM",
            "sure, in the morning is good|CONFIRM",
            // a different day, time, part of day or provider is a change, even with a yes
            "yes Wednesday at 9 works|CHANGE_REQUEST",
            "yes 10 works|CHANGE_REQUEST",
            "yes at 9:30|CHANGE_REQUEST",
            "yeah but in the afternoon|CHANGE_REQUEST",
            "yes with Dr. Lee|CHANGE_REQUEST",
            "yes the 2nd|CHANGE_REQUEST",
            // a restatement without a yes, or tomorrow (which needs today's date), is not a yes
            "Tuesday at 9|UNCLEAR",
            "is that Tuesday|UNCLEAR",
            "yes tomorrow|UNCLEAR",
    })
    void shouldCheckRestatedFactsAgainstTheQuestion(String said, Verdict expected) {
        assertEquals(expected, ConfirmationAnswer.classify(said, QUESTION));
    }

    @org.junit.jupiter.api.Test
    void shouldTreatNoTextAsUnclear() {
        assertEquals(UNCLEAR, ConfirmationAnswer.classify(null));
        assertEquals(UNCLEAR, ConfirmationAnswer.classify(""));
        assertEquals(CONFIRM, ConfirmationAnswer.classify("yes", null));
        assertEquals(DECLINE, ConfirmationAnswer.classify("no", QUESTION));
        assertEquals(CHANGE_REQUEST, ConfirmationAnswer.classify("no, Wednesday", QUESTION));
    }
}
