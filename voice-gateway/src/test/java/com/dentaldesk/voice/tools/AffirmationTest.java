package com.dentaldesk.voice.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AffirmationTest {

    @ParameterizedTest(name = "''{0}'' is yes: {1}")
    @CsvSource(delimiter = '|', value = {
            "Yes please|true", "yeah that works|true", "Sure, go ahead.|true", "sounds good|true",
            "no|false", "no, wait|false", "yes, actually no|false", "hmm, maybe|false", "not that one|false",
            "(unintelligible audio)|false", "What about Wednesday?|false" })
    void shouldOnlyAcceptAClearYes(String said, boolean yes) {
        assertEquals(yes, Affirmation.isYes(said));
    }
}
