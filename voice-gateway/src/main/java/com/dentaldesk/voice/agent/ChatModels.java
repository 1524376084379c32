package com.dentaldesk.voice.agent;

import java.net.http.HttpClient;
import java.util.Optional;
import java.util.concurrent.Executors;

import com.dentaldesk.voice.config.GatewayConfig;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The streaming chat model, or none when no API key is configured (then every call takes messages).
 *
 * <p>One HTTP client for every call, whose async stages (and the SSE parsing that blocks in them) run on virtual
 * threads. Left to its defaults, the JDK client ran them on a cached platform pool and on
 * {@code CompletableFuture}'s thread-per-task fallback (the common pool has one thread on 2 cores): a new thread per
 * stage per stream, 120 client threads at 1,000 calls.
 */
@ApplicationScoped
public class ChatModels {

    private final Optional<StreamingChatModel> model;

    public ChatModels(GatewayConfig config) {
        this.model = config.openai().apiKey().filter(key -> !key.isBlank()).map(key -> OpenAiStreamingChatModel.builder()
                .httpClientBuilder(JdkHttpClient.builder().httpClientBuilder(HttpClient.newBuilder()
                        .executor(Executors.newThreadPerTaskExecutor(
                                Thread.ofVirtual().name("model-http-", 0).factory()))))
                .apiKey(key)
                .baseUrl(config.openai().baseUrl())
                .modelName(config.openai().model())
                .temperature(config.openai().temperature())
                .parallelToolCalls(false)
                .timeout(config.openai().responseTimeout())
                .build());
    }

    public Optional<StreamingChatModel> model() {
        return model;
    }
}
