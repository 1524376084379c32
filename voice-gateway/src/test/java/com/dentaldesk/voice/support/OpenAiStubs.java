package com.dentaldesk.voice.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.ArrayList;
import java.util.List;

import com.dentaldesk.simulator.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * OpenAI's streamed chat completions as WireMock stubs: server-sent events with text deltas or tool calls.
 * Stubs match on the last message of the request (what the caller just said, or which tool result came back),
 * so a whole conversation is scripted turn by turn.
 */
public final class OpenAiStubs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final WireMockServer server;

    public OpenAiStubs(WireMockServer server) {
        this.server = server;
    }

    public OpenAiStubs reset() {
        server.resetAll();
        // Anything unscripted gets a harmless answer, so a test fails on content, not on a 404.
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(100)
                .willReturn(sse(text("Sorry, could you say that again?"))));
        return this;
    }

    /** Matches a request whose last message is the caller saying something containing {@code words}. */
    public static MappingBuilder whenCallerSays(String words) {
        return post(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[-1].role", equalTo("user")))
                .withRequestBody(matchingJsonPath("$.messages[-1].content", containing(words)));
    }

    /** Matches a request whose last message is the result of the tool call {@code toolCallId}. */
    public static MappingBuilder whenToolReturns(String toolCallId) {
        return post(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[-1].tool_call_id", equalTo(toolCallId)));
    }

    /** The model a scenario file scripts (its {@code model} rules), as stub-llm --script serves it. */
    public void script(List<Scenario.ModelRule> rules) {
        // WireMock prefers the newest of equal-priority stubs; a file's rules are in order of preference.
        int priority = 1;
        for (Scenario.ModelRule rule : rules) {
            MappingBuilder when = rule.whenCallerSays() != null ? whenCallerSays(rule.whenCallerSays())
                    : whenToolReturns(rule.whenToolReturns());
            ResponseDefinitionBuilder answer;
            if (rule.fail() != null) {
                answer = aResponse().withStatus(rule.fail());
            } else if (rule.toolCall() != null) {
                JsonNode arguments = rule.toolCall().arguments();
                answer = sse(toolCall(rule.toolCall().id(), rule.toolCall().name(),
                        arguments == null || arguments.isNull() ? "{}" : arguments.toString()));
            } else {
                answer = sse(text(rule.say()));
                if (rule.streamMs() != null) {
                    answer.withChunkedDribbleDelay(30, rule.streamMs().intValue());
                }
            }
            server.stubFor(when.atPriority(priority++).willReturn(answer));
        }
    }

    public void stub(MappingBuilder when, ResponseDefinitionBuilder answer) {
        server.stubFor(when.willReturn(answer));
    }

    public static ResponseDefinitionBuilder sse(List<String> events) {
        StringBuilder body = new StringBuilder();
        for (String event : events) {
            body.append("data: ").append(event).append("\n\n");
        }
        body.append("data: [DONE]\n\n");
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body.toString());
    }

    /** A text answer streamed a few words per event. */
    public static List<String> text(String answer) {
        List<String> events = new ArrayList<>();
        events.add(chunk(delta().put("role", "assistant").put("content", ""), null));
        String[] words = answer.split("(?<= )");
        for (String word : words) {
            events.add(chunk(delta().put("content", word), null));
        }
        events.add(chunk(delta(), "stop"));
        return events;
    }

    /** One tool call, its arguments streamed in two pieces as OpenAI does. */
    public static List<String> toolCall(String id, String name, String arguments) {
        List<String> events = new ArrayList<>();
        ObjectNode first = delta().put("role", "assistant");
        first.putNull("content");
        ObjectNode call = first.putArray("tool_calls").addObject().put("index", 0).put("id", id).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", "");
        events.add(chunk(first, null));
        int half = arguments.length() / 2;
        for (String part : new String[] {arguments.substring(0, half), arguments.substring(half)}) {
            ObjectNode d = delta();
            d.putArray("tool_calls").addObject().put("index", 0).putObject("function").put("arguments", part);
            events.add(chunk(d, null));
        }
        events.add(chunk(delta(), "tool_calls"));
        return events;
    }

    private static ObjectNode delta() {
        return JSON.createObjectNode();
    }

    private static String chunk(ObjectNode delta, String finishReason) {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion.chunk")
                .put("created", 1700000000).put("model", "gpt-4o-mini");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return root.toString();
    }
}
