package com.dentaldesk.voice.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A caller taking their leave ends the message flow; a yes that happens to say "that's it" does not. */
class FarewellTest {

    @ParameterizedTest(name = "\"{0}\" → goodbye: {1}")
    @CsvSource(delimiter = '|', value = {
            "No, that's all, goodbye | true",
            "that's it thanks bye | true",
            "no that's it | true",
            "Nothing else, thank you | true",
            "ok have a good day | true",
            "yes that's it | false",
            "Yeah, that's it. | false",
            "My name is Jane Doe | false",
            "I need a cleaning | false",
            "Tuesday works | false"
    })
    void shouldTellAGoodbyeFromAnAnswer(String said, boolean goodbye) {
        assertEquals(goodbye, Farewell.isGoodbye(said));
    }
}
