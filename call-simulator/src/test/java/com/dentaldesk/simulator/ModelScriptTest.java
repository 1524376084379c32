package com.dentaldesk.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A scenario file's model rules answer the requests they describe, and only those. */
class ModelScriptTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelScript script = ModelScript.of(List.of(ScenarioLoader.load(new ByteArrayInputStream("""
            name: scripted
            greeting: {contains: [Hello]}
            model:
              - whenCallerSays: "cleaning next Tuesday"
                toolCall: {id: s_p1, name: find_patient, arguments: {}}
              - whenToolReturns: s_p1
                say: "I have a few times on Tuesday."
              - whenCallerSays: "move my appointment"
                fail: 500
            """.getBytes(StandardCharsets.UTF_8)), "scripted")));

    @Test
    void shouldAnswerTheCallersWordsAndTheToolResultByTheirRules() throws Exception {
        assertEquals("find_patient", script.answer(request("user", "I need a cleaning next Tuesday", null))
                .orElseThrow().toolCall().name());
        assertEquals("I have a few times on Tuesday.", script.answer(request("tool", "{}", "s_p1")).orElseThrow().say());
        assertEquals(500, script.answer(request("user", "Can I move my appointment?", null)).orElseThrow().fail());
    }

    @Test
    void shouldLeaveOtherRequestsToTheTimingProfile() throws Exception {
        assertTrue(script.answer(request("user", "What are your opening hours?", null)).isEmpty());
        assertTrue(script.answer(request("tool", "{}", "other_call")).isEmpty());
        assertTrue(script.answer(request("user", "CLEANING NEXT TUESDAY", null)).isEmpty(), "case is part of the words");
    }

    @Test
    void shouldRefuseARuleWithoutExactlyOneConditionAndOneAnswer() {
        Scenario both = ScenarioLoader.load(new ByteArrayInputStream("""
                name: broken
                greeting: {contains: [Hello]}
                model:
                  - whenCallerSays: "hi"
                    say: "Hello"
                    fail: 500
                """.getBytes(StandardCharsets.UTF_8)), "broken");
        assertThrows(SimulatorException.class, () -> ModelScript.of(List.of(both)));
    }

    private static JsonNode request(String role, String content, String toolCallId) throws Exception {
        String last = "{\"role\":\"" + role + "\",\"content\":" + JSON.writeValueAsString(content)
                + (toolCallId == null ? "" : ",\"tool_call_id\":\"" + toolCallId + "\"") + "}";
        return JSON.readTree("{\"messages\":[{\"role\":\"system\",\"content\":\"x\"}," + last + "]}");
    }
}
