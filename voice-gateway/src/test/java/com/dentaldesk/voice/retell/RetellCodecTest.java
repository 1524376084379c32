package com.dentaldesk.voice.retell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import com.dentaldesk.contracts.retell.RetellRequest;
import com.dentaldesk.contracts.retell.RetellRequest.ReminderRequired;
import com.dentaldesk.contracts.retell.RetellResponse;

/** Retell ignores frames with wrong field types silently, so every outbound shape is pinned here. */
class RetellCodecTest {

    private final RetellCodec codec = new RetellCodec();

    @Test
    void shouldWriteConfigExactlyAsRetellExpects() {
        assertEquals("{\"response_type\":\"config\",\"config\":{\"auto_reconnect\":true,\"call_details\":true,"
                + "\"transcript_with_tool_calls\":true}}", codec.encode(RetellResponse.Config.standard()));
    }

    @Test
    void shouldWriteResponseChunksWithoutNullFields() {
        assertEquals("{\"response_type\":\"response\",\"response_id\":3,\"content\":\"Hi\",\"content_complete\":false}",
                codec.encode(RetellResponse.Response.chunk(3, "Hi")));
        assertEquals("{\"response_type\":\"response\",\"response_id\":4,\"content\":\"Bye\",\"content_complete\":true,"
                + "\"no_interruption_allowed\":true,\"end_call\":true}", codec.encode(RetellResponse.Response.hangUp(4, "Bye")));
        assertEquals("{\"response_type\":\"response\",\"response_id\":5,\"content\":\"Hold\",\"content_complete\":true,"
                + "\"no_interruption_allowed\":true,\"transfer_number\":\"+15550001111\"}",
                codec.encode(RetellResponse.Response.transfer(5, "Hold", "+15550001111")));
    }

    @Test
    void shouldEchoPingAndWriteToolEvents() {
        assertEquals("{\"response_type\":\"ping_pong\",\"timestamp\":1703302407333}",
                codec.encode(new RetellResponse.PingPong(1703302407333L)));
        assertEquals("{\"response_type\":\"tool_call_invocation\",\"tool_call_id\":\"t1\",\"name\":\"find_slots\","
                + "\"arguments\":\"{}\"}", codec.encode(new RetellResponse.ToolCallInvocation("t1", "find_slots", "{}")));
        assertEquals("{\"response_type\":\"tool_call_result\",\"tool_call_id\":\"t1\",\"content\":\"{}\",\"successful\":true}",
                codec.encode(new RetellResponse.ToolCallResult("t1", "{}", true)));
    }

    @Test
    void shouldReadRetellFramesIncludingUnknownFields() {
        var request = codec.decode("{\"interaction_type\":\"response_required\",\"response_id\":3,\"transcript\":"
                + "[{\"role\":\"agent\",\"content\":\"How can I help?\"},{\"role\":\"user\",\"content\":\"Hi\","
                + "\"words\":[]}],\"extra\":1}", "c").orElseThrow();
        RetellRequest.ResponseRequired required = assertInstanceOf(RetellRequest.ResponseRequired.class, request);
        assertEquals(3, required.responseId());
        assertTrue(required.transcript().get(1).isUser());
        assertInstanceOf(RetellRequest.CallDetails.class, codec.decode("{\"interaction_type\":\"call_details\","
                + "\"call\":{\"call_id\":\"c\",\"agent_id\":\"a\",\"from_number\":\"+1\",\"to_number\":\"+2\"}}", "c")
                .orElseThrow());
        assertTrue(codec.decode("{\"interaction_type\":\"nope\"}", "c").isEmpty());
        assertTrue(codec.decode("not json", "c").isEmpty());
    }

    @Test
    void shouldWriteKeypadDigitsAndUninterruptibleLines() {
        assertEquals("{\"response_type\":\"response\",\"response_id\":6,\"content\":\"Pressing one\","
                + "\"content_complete\":true,\"no_interruption_allowed\":true,\"digit_to_press\":\"1\"}",
                codec.encode(RetellResponse.Response.pressDigit(6, "Pressing one", "1")));
        assertEquals("{\"response_type\":\"response\",\"response_id\":7,\"content\":\"Note from the desk\","
                + "\"content_complete\":true,\"no_interruption_allowed\":true}",
                codec.encode(RetellResponse.Response.uninterruptible(7, "Note from the desk")));
        assertThrows(IllegalArgumentException.class, () -> RetellResponse.Response.pressDigit(8, "", "12"));
        assertThrows(IllegalArgumentException.class,
                () -> new RetellResponse.Response(9, "", true, true, true, null, "1"));
    }

    @Test
    void shouldWriteAgentInterruptsWithTheirActions() {
        assertEquals("{\"response_type\":\"agent_interrupt\",\"interrupt_id\":1,\"content\":\"One more thing\","
                + "\"content_complete\":true}", codec.encode(RetellResponse.AgentInterrupt.complete(1, "One more thing")));
        assertEquals("{\"response_type\":\"agent_interrupt\",\"interrupt_id\":2,\"content\":\"The desk says hi\","
                + "\"content_complete\":true,\"no_interruption_allowed\":true}",
                codec.encode(RetellResponse.AgentInterrupt.uninterruptible(2, "The desk says hi")));
        assertEquals("{\"response_type\":\"agent_interrupt\",\"interrupt_id\":3,\"content\":\"Goodbye\","
                + "\"content_complete\":true,\"no_interruption_allowed\":true,\"end_call\":true}",
                codec.encode(RetellResponse.AgentInterrupt.hangUp(3, "Goodbye")));
        assertEquals("{\"response_type\":\"agent_interrupt\",\"interrupt_id\":4,\"content\":\"Connecting you\","
                + "\"content_complete\":true,\"no_interruption_allowed\":true,\"transfer_number\":\"+15550001111\"}",
                codec.encode(RetellResponse.AgentInterrupt.transfer(4, "Connecting you", "+15550001111")));
    }

    @Test
    void shouldRefuseATurnFrameWithoutAResponseIdAndLogOnlyItsKind() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(RetellCodec.class.getName());
        logger.addHandler(capture);
        try {
            String transcript = ",\"transcript\":[{\"role\":\"user\",\"content\":\"my date of birth is 1970-01-02\"}]}";
            assertTrue(codec.decode("{\"interaction_type\":\"response_required\"" + transcript, "c1").isEmpty());
            assertTrue(codec.decode("{\"interaction_type\":\"reminder_required\"" + transcript, "c1").isEmpty());
            assertTrue(codec.decode("{\"interaction_type\":\"response_required\",\"response_id\":null" + transcript,
                    "c1").isEmpty());
            assertTrue(codec.decode("{\"interaction_type\":\"response_required\",\"response_id\":-1" + transcript,
                    "c1").isEmpty());
            assertTrue(codec.decode("{\"interaction_type\":\"response_required\",\"response_id\":\"x\"" + transcript,
                    "c1").isEmpty());
        } finally {
            logger.removeHandler(capture);
        }

        assertEquals(5, logged.size(), logged::toString);
        assertTrue(logged.stream().allMatch(line -> line.contains("response_required")
                || line.contains("reminder_required")), logged::toString);
        assertTrue(logged.stream().noneMatch(line -> line.contains("1970") || line.contains("date of birth")),
                logged::toString);
        ReminderRequired reminder = assertInstanceOf(ReminderRequired.class,
                codec.decode("{\"interaction_type\":\"reminder_required\",\"response_id\":0}", "c1").orElseThrow());
        assertEquals(0, reminder.responseId());
    }
}
