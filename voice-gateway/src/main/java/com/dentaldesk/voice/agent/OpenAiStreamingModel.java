package com.dentaldesk.voice.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import io.vertx.core.buffer.Buffer;

/**
 * OpenAI's streamed chat completions ({@code POST /chat/completions}, {@code stream: true}) behind LangChain4j's
 * {@link StreamingChatModel}: the agent speaks LangChain4j's messages and tool specifications, this class speaks the
 * wire. It replaced LangChain4j's {@code OpenAiStreamingChatModel}, which at 1,000 calls took 30% of the gateway's
 * CPU samples (JFR): every request converted the tool schemas anew and was written as indented JSON through a
 * string, and every streamed token was bound to a response object kept with its raw event. Here a request is
 * written once, compactly, straight into the bytes that are sent, each tool's JSON is made once, and a token's event
 * is read for the three fields the agent uses (text, tool call pieces, error).
 */
final class OpenAiStreamingModel implements StreamingChatModel {

    /** A shared buffer pool: requests are written on the calls' virtual threads, one per turn. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build();
    private static final ObjectMapper SCHEMA_WRITER = new ObjectMapper(JSON);
    private static final int FIRST_BUFFER_BYTES = 8192;

    private final VertxModelHttpClient http;
    private final String url;
    private final Map<String, String> headers;
    private final String model;
    private final double temperature;
    /** Each tool's JSON, written once: the specifications are the same few objects for the gateway's life. */
    private final Map<ToolSpecification, String> toolJson = new ConcurrentHashMap<>();

    OpenAiStreamingModel(VertxModelHttpClient http, String baseUrl, String apiKey, String model, double temperature) {
        this.http = http;
        this.url = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl)
                + "/chat/completions";
        this.headers = Map.of("Authorization", "Bearer " + apiKey, "Content-Type", "application/json",
                "Accept", "text/event-stream");
        this.model = model;
        this.temperature = temperature;
    }

    @Override
    public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
        Buffer body;
        try {
            body = body(request);
        } catch (RuntimeException e) {
            handler.onError(e);
            return;
        }
        http.post(url, headers, body, new Answer(handler));
    }

    private Buffer body(ChatRequest request) {
        Buffer body = Buffer.buffer(FIRST_BUFFER_BYTES);
        try (JsonGenerator json = JSON.createGenerator(new BufferOutput(body))) {
            json.writeStartObject();
            json.writeStringField("model", model);
            json.writeBooleanField("stream", true);
            json.writeNumberField("temperature", temperature);
            json.writeArrayFieldStart("messages");
            for (ChatMessage message : request.messages()) {
                write(message, json);
            }
            json.writeEndArray();
            List<ToolSpecification> tools = request.toolSpecifications();
            if (tools != null && !tools.isEmpty()) {
                json.writeArrayFieldStart("tools");
                for (ToolSpecification tool : tools) {
                    json.writeRawValue(toolJson.computeIfAbsent(tool, OpenAiStreamingModel::toolJson));
                }
                json.writeEndArray();
                // One tool call per answer: a write must be confirmed before the next one runs.
                json.writeBooleanField("parallel_tool_calls", false);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return body;
    }

    private static void write(ChatMessage message, JsonGenerator json) throws IOException {
        json.writeStartObject();
        if (message instanceof SystemMessage system) {
            json.writeStringField("role", "system");
            json.writeStringField("content", system.text());
        } else if (message instanceof UserMessage user) {
            json.writeStringField("role", "user");
            json.writeStringField("content", user.singleText());
        } else if (message instanceof AiMessage ai) {
            json.writeStringField("role", "assistant");
            if (ai.text() != null) {
                json.writeStringField("content", ai.text());
            }
            if (ai.hasToolExecutionRequests()) {
                json.writeArrayFieldStart("tool_calls");
                for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                    json.writeStartObject();
                    json.writeStringField("id", call.id());
                    json.writeStringField("type", "function");
                    json.writeObjectFieldStart("function");
                    json.writeStringField("name", call.name());
                    json.writeStringField("arguments", call.arguments());
                    json.writeEndObject();
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
        } else if (message instanceof ToolExecutionResultMessage result) {
            json.writeStringField("role", "tool");
            json.writeStringField("tool_call_id", result.id());
            json.writeStringField("content", result.text());
        } else {
            throw new IllegalArgumentException("no OpenAI form for " + message.type());
        }
        json.writeEndObject();
    }

    private static String toolJson(ToolSpecification tool) {
        Map<String, Object> function = new java.util.LinkedHashMap<>();
        function.put("name", tool.name());
        if (tool.description() != null) {
            function.put("description", tool.description());
        }
        function.put("parameters", tool.parameters() == null ? Map.of("type", "object", "properties", Map.of())
                : JsonSchemaElementUtils.toMap(tool.parameters()));
        try {
            Map<String, Object> json = new java.util.LinkedHashMap<>();
            json.put("type", "function");
            json.put("function", function);
            return SCHEMA_WRITER.writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jackson writes into the request's own buffer: no string, no copy. */
    private static final class BufferOutput extends OutputStream {
        private final Buffer buffer;

        BufferOutput(Buffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(int b) {
            buffer.appendByte((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            buffer.appendBytes(bytes, offset, length);
        }
    }

    /** One answer: text and tool calls as they stream, then the whole message; exactly one of complete or error. */
    private static final class Answer implements VertxModelHttpClient.Events {
        private final StreamingChatResponseHandler handler;
        private final StringBuilder text = new StringBuilder();
        private final TreeMap<Integer, ToolCall> toolCalls = new TreeMap<>();
        private final AtomicBoolean ended = new AtomicBoolean();

        Answer(StreamingChatResponseHandler handler) {
            this.handler = handler;
        }

        @Override
        public void onData(String data, StreamingHandle stream) {
            if (ended.get() || data.equals("[DONE]")) {
                return;
            }
            Chunk chunk;
            try {
                chunk = Chunk.read(data);
            } catch (IOException e) {
                stream.cancel();
                onError(new IllegalStateException("unreadable event from the model: " + e.getClass().getSimpleName()));
                return;
            }
            if (chunk.error() != null) {
                stream.cancel();
                onError(new IllegalStateException("the model answered with an error: " + chunk.error()));
                return;
            }
            if (chunk.content() != null && !chunk.content().isEmpty()) {
                text.append(chunk.content());
                handler.onPartialResponse(new PartialResponse(chunk.content()), new PartialResponseContext(stream));
            }
            for (Chunk.ToolCallPiece piece : chunk.toolCalls()) {
                ToolCall call = toolCalls.computeIfAbsent(piece.index(), index -> new ToolCall());
                if (piece.id() != null) {
                    call.id = piece.id();
                }
                if (piece.name() != null) {
                    call.name = piece.name();
                }
                if (piece.arguments() != null && !piece.arguments().isEmpty()) {
                    call.arguments.append(piece.arguments());
                    if (call.name != null && !call.name.isBlank()) {
                        handler.onPartialToolCall(PartialToolCall.builder().index(piece.index()).id(call.id)
                                .name(call.name).partialArguments(piece.arguments()).build(),
                                new PartialToolCallContext(stream));
                    }
                }
            }
        }

        @Override
        public void onEnd() {
            if (ended.compareAndSet(false, true)) {
                List<ToolExecutionRequest> calls = new ArrayList<>();
                toolCalls.values().forEach(call -> calls.add(ToolExecutionRequest.builder().id(call.id)
                        .name(call.name).arguments(call.arguments.toString()).build()));
                AiMessage message = calls.isEmpty() ? AiMessage.from(text.toString())
                        : AiMessage.from(text.isEmpty() ? null : text.toString(), calls);
                handler.onCompleteResponse(ChatResponse.builder().aiMessage(message).build());
            }
        }

        @Override
        public void onError(Throwable error) {
            if (ended.compareAndSet(false, true)) {
                handler.onError(error);
            }
        }
    }

    private static final class ToolCall {
        private String id;
        private String name;
        private final StringBuilder arguments = new StringBuilder();
    }

    /** The fields of one streamed event the agent uses; everything else in it is skipped unread. */
    private record Chunk(String content, List<ToolCallPiece> toolCalls, String error) {

        record ToolCallPiece(int index, String id, String name, String arguments) {
        }

        static Chunk read(String data) throws IOException {
            String content = null;
            String error = null;
            List<ToolCallPiece> toolCalls = List.of();
            try (JsonParser json = JSON.createParser(data)) {
                if (json.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("not a JSON object");
                }
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String field = json.currentName();
                    JsonToken value = json.nextToken();
                    if (field.equals("choices") && value == JsonToken.START_ARRAY) {
                        // One choice is asked for (no "n"); its delta is what streams.
                        boolean first = true;
                        while (json.nextToken() == JsonToken.START_OBJECT) {
                            if (!first) {
                                json.skipChildren();
                                continue;
                            }
                            first = false;
                            while (json.nextToken() == JsonToken.FIELD_NAME) {
                                String choiceField = json.currentName();
                                if (json.nextToken() == JsonToken.START_OBJECT && choiceField.equals("delta")) {
                                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                                        String deltaField = json.currentName();
                                        JsonToken deltaValue = json.nextToken();
                                        if (deltaField.equals("content") && deltaValue == JsonToken.VALUE_STRING) {
                                            content = json.getText();
                                        } else if (deltaField.equals("tool_calls")
                                                && deltaValue == JsonToken.START_ARRAY) {
                                            toolCalls = toolCalls(json);
                                        } else {
                                            json.skipChildren();
                                        }
                                    }
                                } else {
                                    json.skipChildren();
                                }
                            }
                        }
                    } else if (field.equals("error")) {
                        error = errorMessage(json);
                    } else {
                        json.skipChildren();
                    }
                }
            }
            return new Chunk(content, toolCalls, error);
        }

        private static List<ToolCallPiece> toolCalls(JsonParser json) throws IOException {
            List<ToolCallPiece> pieces = new ArrayList<>(1);
            while (json.nextToken() == JsonToken.START_OBJECT) {
                int index = 0;
                String id = null;
                String name = null;
                String arguments = null;
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String field = json.currentName();
                    JsonToken value = json.nextToken();
                    if (field.equals("index") && value == JsonToken.VALUE_NUMBER_INT) {
                        index = json.getIntValue();
                    } else if (field.equals("id") && value == JsonToken.VALUE_STRING) {
                        id = json.getText();
                    } else if (field.equals("function") && value == JsonToken.START_OBJECT) {
                        while (json.nextToken() == JsonToken.FIELD_NAME) {
                            String functionField = json.currentName();
                            JsonToken functionValue = json.nextToken();
                            if (functionField.equals("name") && functionValue == JsonToken.VALUE_STRING) {
                                name = json.getText();
                            } else if (functionField.equals("arguments") && functionValue == JsonToken.VALUE_STRING) {
                                arguments = json.getText();
                            } else {
                                json.skipChildren();
                            }
                        }
                    } else {
                        json.skipChildren();
                    }
                }
                pieces.add(new ToolCallPiece(index, id, name, arguments));
            }
            return pieces;
        }

        /** The error's message only: the rest may echo the request. */
        private static String errorMessage(JsonParser json) throws IOException {
            if (json.currentToken() != JsonToken.START_OBJECT) {
                String text = json.getValueAsString();
                json.skipChildren();
                return text == null ? "unknown" : text;
            }
            String message = "unknown";
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                if (json.nextToken() == JsonToken.VALUE_STRING && field.equals("message")) {
                    message = json.getText();
                } else {
                    json.skipChildren();
                }
            }
            return message;
        }
    }
}
