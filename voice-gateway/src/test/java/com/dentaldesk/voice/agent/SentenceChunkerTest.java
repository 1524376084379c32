package com.dentaldesk.voice.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SentenceChunkerTest {

    @Test
    void shouldEmitWholeSentencesAsSoonAsTheyEnd() {
        List<String> out = new ArrayList<>();
        SentenceChunker chunker = new SentenceChunker(out::add);
        for (String token : new String[] {"Hi", " Jane", ".", " I have", " 9:00", " AM", ".", " Which", " works", "?"}) {
            chunker.accept(token);
        }
        assertEquals(List.of("Hi Jane. ", "I have 9:00 AM. "), out);
        chunker.flush();
        assertEquals("Which works?", out.get(2));
    }
}
