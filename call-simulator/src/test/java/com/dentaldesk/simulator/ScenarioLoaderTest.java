package com.dentaldesk.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {

    @Test
    void shouldReadYamlScenario() {
        Scenario s = load("""
                name: books
                call: {agentId: agent_demo, fromNumber: "+15551230000"}
                greeting: {contains: [Bright Smile]}
                steps:
                  - say: I need a cleaning
                    expect: {tools: [find_slots], notContains: [booked]}
                  - reminder: true
                  - say: barge
                    await: false
                """);
        assertEquals("books", s.name());
        assertEquals(3, s.steps().size());
        assertEquals(List.of("find_slots"), s.steps().get(0).expect().tools());
        assertTrue(s.steps().get(1).reminder());
        assertFalse(s.steps().get(2).await());
        assertEquals(0, s.maxLatePings());
    }

    @Test
    void shouldReadJsonScenario() {
        Scenario s = load("{\"name\":\"j\",\"greeting\":{\"endCall\":true}}");
        assertTrue(s.greeting().endCall());
    }

    @Test
    void shouldRejectUnknownKeysSoTyposDoNotPassSilently() {
        assertThrows(SimulatorException.class, () -> load("name: x\nsteps:\n  - sya: hello\n"));
    }

    @Test
    void shouldAppendCallIdLikeRetellOrFillPlaceholder() {
        assertEquals("ws://h/llm-websocket/s/c1", RetellCallClient.callUri("ws://h/llm-websocket/s", "c1", null).toString());
        assertEquals("ws://h/llm-websocket/c1?secret=s&clinic=demo-dental",
                RetellCallClient.callUri("ws://h/llm-websocket/{call_id}?secret=s", "c1", "demo-dental").toString());
        assertEquals("ws://h/x/c1?secret=s", RetellCallClient.callUri("ws://h/x?secret=s", "c1", null).toString());
    }

    private static Scenario load(String text) {
        return ScenarioLoader.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
    }
}
