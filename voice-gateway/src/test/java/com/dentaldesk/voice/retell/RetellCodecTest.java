package com.dentaldesk.voice.retell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.dentaldesk.contracts.retell.RetellRequest;
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
}
