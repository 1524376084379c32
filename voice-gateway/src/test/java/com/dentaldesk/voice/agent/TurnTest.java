package com.dentaldesk.voice.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.langchain4j.model.chat.response.StreamingHandle;

/** A turn's hold on its model stream: what a barge-in closes, and what it must leave alone. */
class TurnTest {

    @Test
    void shouldCloseTheModelStreamWhenTheCallerBargesInMidAnswer() {
        Turn turn = new Turn(3, false, List.of(), null);
        RecordingHandle stream = new RecordingHandle();
        turn.attach(stream);

        turn.cancel();

        assertTrue(stream.isCancelled(), "the answer nobody will hear is not read on");
        assertTrue(turn.isCancelled());
    }

    @Test
    void shouldCloseAStreamAttachedAfterTheBargeIn() {
        Turn turn = new Turn(3, false, List.of(), null);
        turn.cancel();
        RecordingHandle stream = new RecordingHandle();

        turn.attach(stream);

        assertTrue(stream.isCancelled(), "a request that left as the caller spoke again is closed too");
    }

    @Test
    void shouldLetGoOfTheStreamOnceTheAnswerHasEnded() {
        Turn turn = new Turn(3, false, List.of(), null);
        RecordingHandle stream = new RecordingHandle();
        turn.attach(stream);

        turn.streamEnded();
        turn.cancel();

        // The turn lives on until the caller speaks again; holding the ended stream kept its request and every event
        // alive for seconds, and cancelling it would close a pooled connection the next turn could reuse.
        assertFalse(stream.isCancelled(), "an ended stream is not reached through its turn any more");
        assertTrue(turn.isCancelled());
    }

    private static final class RecordingHandle implements StreamingHandle {
        private volatile boolean cancelled;

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
