package com.dentaldesk.simulator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stub-llm}: an OpenAI-compatible streaming server with set timing, for benchmarks (127.0.0.1 only). */
@Command(name = "stub-llm", mixinStandardHelpOptions = true,
        description = "Serve POST /v1/chat/completions (SSE) on 127.0.0.1 with a set time to first token and token "
                + "rate, optionally answering with a tool call first. Point the gateway's OPENAI_BASE_URL at it.")
public final class StubLlmCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "8090", description = "Port on 127.0.0.1 (0 = any; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--ttft-ms", defaultValue = "300", description = "Time to first token (${DEFAULT-VALUE} ms).")
    long ttftMs;

    @Option(names = "--tokens-per-second", defaultValue = "40", description = "Token rate after the first (${DEFAULT-VALUE}).")
    double tokensPerSecond;

    @Option(names = "--tool-call", defaultValue = "auto",
            description = "none | auto (find_slots when the caller names a day, list_providers when they ask about "
                    + "dentists) | find_slots | list_providers (every caller turn). Default ${DEFAULT-VALUE}.")
    String toolCall;

    @Option(names = "--answer-shape", defaultValue = "sentence",
            description = "sentence (whole first sentence in the first event, then a word per token) | tokens (a word "
                    + "per event from the first, 12 in all, no sentence end). Default ${DEFAULT-VALUE}.")
    String answerShape;

    @Option(names = "--script", arity = "1..*", paramLabel = "SCENARIO",
            description = "Scenario files whose model rules answer first (a scripted model: ./run-local --scripted-model).")
    List<Path> script = List.of();

    @Option(names = "--max-seconds", defaultValue = "3600", description = "Stop after this long (${DEFAULT-VALUE} s).")
    long maxSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        StubLlmServer.ToolMode mode = StubLlmServer.ToolMode.valueOf(toolCall.trim().toUpperCase(java.util.Locale.ROOT));
        StubLlmServer.AnswerShape shape = StubLlmServer.AnswerShape.valueOf(
                answerShape.trim().toUpperCase(java.util.Locale.ROOT));
        ModelScript rules = ModelScript.of(script.stream().map(ScenarioLoader::load).toList());
        try (StubLlmServer stub = StubLlmServer.start(port, ttftMs, tokensPerSecond, mode, shape, rules)) {
            out.printf("stub-llm listening on %s (ttft %d ms, %.0f tokens/s, tool calls: %s, %d scripted answers)%n",
                    stub.baseUrl(), ttftMs, tokensPerSecond, mode.name().toLowerCase(java.util.Locale.ROOT),
                    rules.rules().size());
            out.flush();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await(Math.max(1, maxSeconds), TimeUnit.SECONDS);
            out.printf("stub-llm: %d requests, %d tool calls, at most %d open streams%n", stub.requests(),
                    stub.toolCalls(), stub.maxOpenStreams());
            out.flush();
        }
        return 0;
    }
}
