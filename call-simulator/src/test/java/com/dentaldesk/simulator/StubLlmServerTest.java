package com.dentaldesk.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class StubLlmServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldAnswerWithToolCallThenTextAfterTheSetTimeToFirstToken() throws Exception {
        try (StubLlmServer stub = StubLlmServer.start(0, 150, 200, StubLlmServer.ToolMode.AUTO,
                StubLlmServer.AnswerShape.SENTENCE)) {
            Timed tool = post(stub, "{\"messages\":[{\"role\":\"user\",\"content\":\"Anything next Tuesday?\"}]}");
            assertTrue(tool.firstEventMillis >= 140, "first event after " + tool.firstEventMillis + " ms");
            JsonNode call = tool.events.get(0).at("/choices/0/delta/tool_calls/0/function");
            assertEquals("find_slots", call.path("name").asText());
            assertEquals("{\"day\":\"next tuesday\"}", call.path("arguments").asText());
            assertEquals("tool_calls", tool.events.get(1).at("/choices/0/finish_reason").asText());

            Timed text = post(stub, "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
                    + "{\"role\":\"tool\",\"tool_call_id\":\"x\",\"content\":\"{}\"}]}");
            assertEquals(StubLlmServer.FIRST_SENTENCE, text.events.get(0).at("/choices/0/delta/content").asText());
            assertEquals("stop", text.events.get(text.events.size() - 1).at("/choices/0/finish_reason").asText());
            // The rest streams one word per token interval (5 ms at 200 tokens/s).
            assertTrue(text.totalMillis >= 150 + 5L * (text.events.size() - 2), "total " + text.totalMillis + " ms");

            Timed plain = post(stub, "{\"messages\":[{\"role\":\"user\",\"content\":\"Do you take new patients?\"}]}");
            assertTrue(plain.events.get(0).at("/choices/0/delta/tool_calls").isMissingNode());
            assertEquals(3, stub.requests());
            assertEquals(1, stub.toolCalls());
        }
    }

    @Test
    void shouldRefuseTargetsOtherThanLoopback() {
        LoadRunner.requireLoopback("ws://127.0.0.1:8080/llm-websocket/secret");
        LoadRunner.requireLoopback("ws://localhost:8080/llm-websocket/secret");
        assertThrows(IllegalArgumentException.class, () -> LoadRunner.requireLoopback("ws://10.1.2.3:8080/x"));
        assertThrows(IllegalArgumentException.class, () -> LoadRunner.requireLoopback("wss://example.com/x"));
    }

    private record Timed(List<JsonNode> events, long firstEventMillis, long totalMillis) {
    }

    private static Timed post(StubLlmServer stub, String body) throws Exception {
        long start = System.nanoTime();
        HttpResponse<java.io.InputStream> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(stub.baseUrl() + "/chat/completions")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        List<JsonNode> events = new ArrayList<>();
        long first = -1;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body()))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith("data: ")) {
                    continue;
                }
                if (first < 0) {
                    first = (System.nanoTime() - start) / 1_000_000;
                }
                String data = line.substring(6);
                if (!data.equals("[DONE]")) {
                    events.add(Frames.JSON.readTree(data));
                }
            }
        }
        return new Timed(events, first, (System.nanoTime() - start) / 1_000_000);
    }
}
