package com.dentaldesk.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenAI-compatible chat-completions server for benchmarks: {@code POST /v1/chat/completions} streams
 * server-sent events with a set time to first token and token rate, and can answer with a tool call first.
 * Listens on 127.0.0.1 only.
 *
 * <p>Timing: the first event (role plus the whole first sentence, so the gateway can speak it at once) is written
 * {@code ttftMillis} after the request arrived; each further word follows at {@code tokensPerSecond}. A tool call
 * is written in full at the first-token time. Streams are driven by a small scheduled pool that writes one event
 * and schedules the next, so a thousand open streams cost no thread each.
 *
 * <p>Tool calls ({@link ToolMode}): when the last message is the caller's, {@code find_slots} / {@code
 * list_providers} always ask for that tool, {@code auto} asks for {@code find_slots} with the day the caller named
 * ("tomorrow", "next Tuesday") or {@code list_providers} when the caller asks about dentists, and text otherwise;
 * the follow-up request carrying the tool result always gets text.
 */
public final class StubLlmServer implements AutoCloseable {

    /** When the stub answers with a tool call. */
    public enum ToolMode { NONE, AUTO, FIND_SLOTS, LIST_PROVIDERS }

    /**
     * How a text answer streams: {@code SENTENCE}, the whole first sentence in the first event, then a word per
     * token; {@code TOKENS}, one word per event from the first and no sentence end at all (how a real model starts:
     * a gateway that waits for a sentence end before speaking is caught by it).
     */
    public enum AnswerShape { SENTENCE, TOKENS }

    /** The first sentence of every {@code SENTENCE} answer. */
    public static final String FIRST_SENTENCE = "Sure, I can help with that. ";
    /** The first word of every text answer of either shape; the load command recognises the stub's answers by it. */
    public static final String ANSWER_MARK = "Sure";
    private static final String TOKENS_ANSWER = "Sure I can help with that and I have openings this week";
    private static final String TEXT_REST = "We have openings in the morning and in the afternoon this week, "
            + "and I can check another day too. Which would you prefer?";
    private static final String AFTER_TOOL_REST = "I checked the schedule for you and found a few options, "
            + "the first one is in the morning. Would that work for you?";
    private static final Pattern DAY = Pattern.compile(
            "\\b(tomorrow|next (?:monday|tuesday|wednesday|thursday|friday)|next week)\\b");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ScheduledExecutorService writers;
    private final ExecutorService handlers;
    private final long ttftMillis;
    private final double tokensPerSecond;
    private final ToolMode toolMode;
    private final AnswerShape shape;
    /** Answers scripted by scenario files, before the timing profile's own; empty for benchmarks. */
    private final ModelScript script;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger maxOpen = new AtomicInteger();
    private final AtomicLong toolCalls = new AtomicLong();
    private final AtomicInteger ids = new AtomicInteger();

    private StubLlmServer(HttpServer server, long ttftMillis, double tokensPerSecond, ToolMode toolMode,
            AnswerShape shape, ModelScript script, int writerThreads) {
        this.server = server;
        this.script = script;
        this.shape = shape;
        this.ttftMillis = ttftMillis;
        this.tokensPerSecond = tokensPerSecond;
        this.toolMode = toolMode;
        this.writers = Executors.newScheduledThreadPool(writerThreads, daemon("stub-llm-writer"));
        this.handlers = Executors.newFixedThreadPool(2, daemon("stub-llm-handler"));
    }

    /** Starts on 127.0.0.1:{@code port} (0 = any free port). */
    public static StubLlmServer start(int port, long ttftMillis, double tokensPerSecond, ToolMode toolMode,
            AnswerShape shape) throws IOException {
        return start(port, ttftMillis, tokensPerSecond, toolMode, shape, ModelScript.of(List.of()));
    }

    /** As above, answering first by the scenario files' scripted rules. */
    public static StubLlmServer start(int port, long ttftMillis, double tokensPerSecond, ToolMode toolMode,
            AnswerShape shape, ModelScript script) throws IOException {
        if (ttftMillis < 0 || tokensPerSecond <= 0) {
            throw new IllegalArgumentException("ttft must be >= 0 and the token rate > 0");
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        StubLlmServer stub = new StubLlmServer(http, ttftMillis, tokensPerSecond, toolMode, shape, script, 2);
        http.createContext("/v1/chat/completions", stub::handle);
        http.createContext("/health", exchange -> {
            byte[] ok = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(ok);
            }
        });
        http.setExecutor(stub.handlers);
        http.start();
        return stub;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public long ttftMillis() {
        return ttftMillis;
    }

    public long requests() {
        return requests.get();
    }

    public long toolCalls() {
        return toolCalls.get();
    }

    public int maxOpenStreams() {
        return maxOpen.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(405, -1);
            exchange.close();
            return;
        }
        JsonNode request;
        try (InputStream in = exchange.getRequestBody()) {
            request = JSON.readTree(in);
        } catch (IOException e) {
            exchange.sendResponseHeaders(400, -1);
            exchange.close();
            return;
        }
        requests.incrementAndGet();
        Optional<Scenario.ModelRule> scripted = script.answer(request);
        if (scripted.isPresent() && scripted.get().fail() != null) {
            exchange.sendResponseHeaders(scripted.get().fail(), -1);
            exchange.close();
            return;
        }
        List<String> events = scripted.map(this::scripted).orElseGet(() -> answer(request));
        long gapNanos = scripted.map(Scenario.ModelRule::streamMs).filter(ms -> ms > 0)
                .map(ms -> TimeUnit.MILLISECONDS.toNanos(ms) / Math.max(1, events.size()))
                .orElse((long) (1_000_000_000L / tokensPerSecond));
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        long firstDelayNanos = Math.max(0, TimeUnit.MILLISECONDS.toNanos(ttftMillis) - (System.nanoTime() - arrived));
        writers.schedule(() -> write(exchange, events, 0, gapNanos), firstDelayNanos, TimeUnit.NANOSECONDS);
    }

    /** Writes event {@code index} and schedules the next one; ends the stream after the last. */
    private void write(HttpExchange exchange, List<String> events, int index, long gapNanos) {
        try {
            OutputStream body = exchange.getResponseBody();
            body.write(("data: " + events.get(index) + "\n\n").getBytes(StandardCharsets.UTF_8));
            if (index + 1 < events.size()) {
                body.flush();
                writers.schedule(() -> write(exchange, events, index + 1, gapNanos), gapNanos, TimeUnit.NANOSECONDS);
                return;
            }
            body.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            body.close();
        } catch (IOException | RuntimeException e) {
            // The client went away (a barge-in cancels the stream): nothing to clean up but the exchange.
        }
        open.decrementAndGet();
        exchange.close();
    }

    private List<String> answer(JsonNode request) {
        JsonNode messages = request.path("messages");
        JsonNode last = messages.size() == 0 ? JSON.createObjectNode() : messages.get(messages.size() - 1);
        if ("user".equals(last.path("role").asText())) {
            String said = last.path("content").asText("").toLowerCase(Locale.ROOT);
            String id = "call_stub_" + ids.incrementAndGet();
            switch (toolMode) {
                case FIND_SLOTS -> {
                    return toolCall(id, "find_slots", "{\"day\":\"" + dayIn(said, "tomorrow") + "\"}");
                }
                case LIST_PROVIDERS -> {
                    return toolCall(id, "list_providers", "{}");
                }
                case AUTO -> {
                    String day = dayIn(said, null);
                    if (day != null) {
                        return toolCall(id, "find_slots", "{\"day\":\"" + day + "\"}");
                    }
                    if (said.contains("dentist") || said.contains("who works")) {
                        return toolCall(id, "list_providers", "{}");
                    }
                }
                case NONE -> {
                }
            }
            return text(TEXT_REST);
        }
        return text(AFTER_TOOL_REST);
    }

    /** A scripted answer: the text a few words per event, or the one tool call with its id. */
    private List<String> scripted(Scenario.ModelRule rule) {
        if (rule.toolCall() != null) {
            JsonNode arguments = rule.toolCall().arguments();
            return toolCall(rule.toolCall().id(), rule.toolCall().name(),
                    arguments == null || arguments.isNull() ? "{}" : arguments.toString());
        }
        List<String> events = new ArrayList<>();
        events.add(chunk(JSON.createObjectNode().put("role", "assistant").put("content", ""), null));
        for (String word : rule.say().split("(?<= )")) {
            events.add(chunk(JSON.createObjectNode().put("content", word), null));
        }
        events.add(chunk(JSON.createObjectNode(), "stop"));
        return events;
    }

    private static String dayIn(String said, String fallback) {
        Matcher m = DAY.matcher(said);
        return m.find() ? m.group(1) : fallback;
    }

    private List<String> toolCall(String id, String name, String arguments) {
        toolCalls.incrementAndGet();
        ObjectNode first = JSON.createObjectNode().put("role", "assistant");
        first.putNull("content");
        ObjectNode call = first.putArray("tool_calls").addObject().put("index", 0).put("id", id).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", arguments);
        // The tool call arrives whole at the first-token time, then the finish reason: the model's share of a
        // tool step is exactly the time to first token.
        List<String> events = new ArrayList<>();
        events.add(chunk(first, null) + "\n\ndata: " + chunk(JSON.createObjectNode(), "tool_calls"));
        return events;
    }

    private List<String> text(String rest) {
        List<String> events = new ArrayList<>();
        if (shape == AnswerShape.TOKENS) {
            String[] words = TOKENS_ANSWER.split("(?= )");
            events.add(chunk(JSON.createObjectNode().put("role", "assistant").put("content", words[0]), null));
            for (int i = 1; i < words.length; i++) {
                events.add(chunk(JSON.createObjectNode().put("content", words[i]), null));
            }
            events.add(chunk(JSON.createObjectNode(), "stop"));
            return events;
        }
        events.add(chunk(JSON.createObjectNode().put("role", "assistant").put("content", FIRST_SENTENCE), null));
        for (String word : rest.split("(?<= )")) {
            events.add(chunk(JSON.createObjectNode().put("content", word), null));
        }
        events.add(chunk(JSON.createObjectNode(), "stop"));
        return events;
    }

    private static String chunk(ObjectNode delta, String finishReason) {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-stub").put("object", "chat.completion.chunk")
                .put("created", 1700000000).put("model", "stub");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return root.toString();
    }

    /** Words streamed after the first sentence of a text answer (each one token-interval apart). */
    public static int wordsAfterFirstSentence(boolean afterTool) {
        return (afterTool ? AFTER_TOOL_REST : TEXT_REST).split("(?<= )").length + 1;
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        server.stop(0);
        writers.shutdownNow();
        handlers.shutdownNow();
    }
}
