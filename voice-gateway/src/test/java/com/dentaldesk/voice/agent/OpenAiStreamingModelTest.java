package com.dentaldesk.voice.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dentaldesk.voice.support.OpenAiStubs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;

/** The OpenAI wire format: what a request carries, and how a streamed answer is put back together. */
class OpenAiStreamingModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private Vertx vertx;
    private OpenAiStreamingModel model;

    @BeforeEach
    void start() {
        server.start();
        vertx = Vertx.vertx();
        model = new OpenAiStreamingModel(new VertxModelHttpClient(vertx.createHttpClient(new HttpClientOptions()),
                Duration.ofSeconds(1), Duration.ofSeconds(5)), server.baseUrl() + "/v1", "sk-test", "gpt-4o-mini", 0.3);
    }

    @AfterEach
    void stop() {
        vertx.close();
        server.stop();
    }

    @Test
    void shouldSendTheConversationAndToolsInOpenAisFormAndAssembleAStreamedToolCall() throws Exception {
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(OpenAiStubs.sse(
                OpenAiStubs.toolCall("call_2", "find_slots", "{\"day\":\"next Tuesday\"}"))));
        ToolSpecification findSlots = ToolSpecification.builder().name("find_slots").description("Free times")
                .parameters(JsonObjectSchema.builder().addStringProperty("day", "the caller's words")
                        .required("day").build())
                .build();
        ToolExecutionRequest earlier = ToolExecutionRequest.builder().id("call_1").name("find_patient")
                .arguments("{}").build();
        Answer answer = ask(ChatRequest.builder().messages(SystemMessage.from("You are the receptionist."),
                UserMessage.from("I need a cleaning"), AiMessage.from(List.of(earlier)),
                ToolExecutionResultMessage.from(earlier, "FOUND Ana"), UserMessage.from("next Tuesday please"))
                .toolSpecifications(findSlots).build());

        ChatResponse response = answer.completed.get(3, TimeUnit.SECONDS);
        ToolExecutionRequest call = response.aiMessage().toolExecutionRequests().get(0);
        assertEquals("call_2", call.id());
        assertEquals("find_slots", call.name());
        assertEquals("{\"day\":\"next Tuesday\"}", call.arguments());
        assertTrue(answer.texts.isEmpty(), "a tool call is not spoken");

        server.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer sk-test")));
        JsonNode sent = JSON.readTree(server.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertEquals("gpt-4o-mini", sent.path("model").asText());
        assertTrue(sent.path("stream").asBoolean());
        assertEquals(List.of("system", "user", "assistant", "tool", "user"),
                sent.path("messages").findValuesAsText("role"));
        JsonNode assistant = sent.path("messages").get(2);
        assertEquals("call_1", assistant.path("tool_calls").get(0).path("id").asText());
        assertEquals("find_patient", assistant.path("tool_calls").get(0).path("function").path("name").asText());
        assertEquals("call_1", sent.path("messages").get(3).path("tool_call_id").asText());
        assertEquals("FOUND Ana", sent.path("messages").get(3).path("content").asText());
        JsonNode tool = sent.path("tools").get(0);
        assertEquals("function", tool.path("type").asText());
        assertEquals("find_slots", tool.path("function").path("name").asText());
        assertEquals("string", tool.path("function").path("parameters").path("properties").path("day").path("type")
                .asText());
        assertEquals("day", tool.path("function").path("parameters").path("required").get(0).asText());
        assertFalse(sent.path("parallel_tool_calls").asBoolean(true));
    }

    @Test
    void shouldStreamTextAsItComesAndEndWithTheWholeAnswer() throws Exception {
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(OpenAiStubs.sse(OpenAiStubs.text("We open at nine tomorrow."))));
        Answer answer = ask(ChatRequest.builder().messages(UserMessage.from("When do you open?")).build());

        assertEquals("We open at nine tomorrow.", answer.completed.get(3, TimeUnit.SECONDS).aiMessage().text());
        assertEquals(List.of("We ", "open ", "at ", "nine ", "tomorrow."), answer.texts);
        JsonNode sent = JSON.readTree(server.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertTrue(sent.path("tools").isMissingNode(), "no tools, no tool settings");
        assertTrue(sent.path("parallel_tool_calls").isMissingNode());
    }

    @Test
    void shouldFailTheAnswerWhenTheStreamCarriesAnError() throws Exception {
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(OpenAiStubs.sse(List.of(
                "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}"))));
        Answer answer = ask(ChatRequest.builder().messages(UserMessage.from("Hello")).build());

        Throwable error = answer.failed.get(3, TimeUnit.SECONDS);
        assertTrue(error.getMessage().contains("The server had an error"), error.getMessage());
    }

    private Answer ask(ChatRequest request) {
        Answer answer = new Answer();
        model.chat(request, answer);
        return answer;
    }

    private static final class Answer implements StreamingChatResponseHandler {
        final List<String> texts = new CopyOnWriteArrayList<>();
        final CompletableFuture<ChatResponse> completed = new CompletableFuture<>();
        final CompletableFuture<Throwable> failed = new CompletableFuture<>();

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            texts.add(partial.text());
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            completed.complete(response);
        }

        @Override
        public void onError(Throwable error) {
            failed.complete(error);
            completed.completeExceptionally(error);
        }
    }
}
