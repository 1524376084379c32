package com.dentaldesk.voice.agent;

import java.util.Optional;

import com.dentaldesk.voice.config.GatewayConfig;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The streaming chat model, or none when no API key is configured (then every call takes messages). Its HTTP runs on
 * Vert.x ({@link VertxModelHttpClient}): one pooled client for every call; HTTPS servers are offered HTTP/2, so many
 * concurrent streams share a few connections.
 */
@ApplicationScoped
public class ChatModels {

    /**
     * Connections per model server over HTTP/1.1 (a stub or a local model; HTTP/2 multiplexes instead). Streams last a
     * few hundred ms, so 2,000 calls keep under a hundred open at once; a larger pool only leaves idle connections
     * that servers drop (the benchmark's stub beyond 200), and a dropped one costs a retry. More streams than this
     * wait for a connection.
     */
    private static final int MAX_CONNECTIONS = 128;

    private final Optional<StreamingChatModel> model;

    public ChatModels(GatewayConfig config, Vertx vertx) {
        this.model = config.openai().apiKey().filter(key -> !key.isBlank()).map(key -> OpenAiStreamingChatModel.builder()
                .httpClientBuilder(new VertxModelHttpClient.Builder(vertx.createHttpClient(options(config))))
                .apiKey(key)
                .baseUrl(config.openai().baseUrl())
                .modelName(config.openai().model())
                .temperature(config.openai().temperature())
                .parallelToolCalls(false)
                .timeout(config.openai().responseTimeout())
                .build());
    }

    private static HttpClientOptions options(GatewayConfig config) {
        HttpClientOptions options = new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(MAX_CONNECTIONS)
                .setMaxWaitQueueSize(-1);
        if (config.openai().baseUrl().startsWith("https:")) {
            options.setSsl(true).setUseAlpn(true).setProtocolVersion(HttpVersion.HTTP_2).setHttp2MaxPoolSize(8);
        }
        return options;
    }

    public Optional<StreamingChatModel> model() {
        return model;
    }
}
