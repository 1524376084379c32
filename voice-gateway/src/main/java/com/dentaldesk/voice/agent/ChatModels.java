package com.dentaldesk.voice.agent;

import java.util.Optional;

import com.dentaldesk.voice.config.GatewayConfig;

import dev.langchain4j.model.chat.StreamingChatModel;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The streaming chat model ({@link OpenAiStreamingModel}), or none when no API key is configured (then every call
 * takes messages). Its HTTP runs on Vert.x ({@link VertxModelHttpClient}): one pooled client for every call; HTTPS
 * servers are offered HTTP/2, so many concurrent streams share a few connections.
 */
@ApplicationScoped
public class ChatModels {

    /**
     * Connections per model server over HTTP/1.1 (a stub or a local model; HTTP/2 multiplexes instead). At 1,000
     * calls with tool calls and 300 ms to the first token about 110 streams are open on average, so a pool of 128
     * queued turns for over a second (benchmarks/results.md); 512 leaves room for peaks.
     */
    private static final int MAX_CONNECTIONS = 512;
    /** Streams beyond the pool wait here; more than this fail at once (the turn takes a message) rather than queue. */
    private static final int MAX_WAITING = 4096;
    /**
     * Idle connections are closed by us before servers close them (the JDK's HTTP server after 30 s): a request on
     * a connection the server just dropped costs a retry.
     */
    private static final int KEEP_ALIVE_SECONDS = 20;

    private final Optional<StreamingChatModel> model;

    public ChatModels(GatewayConfig config, Vertx vertx) {
        GatewayConfig.OpenAi openai = config.openai();
        this.model = openai.apiKey().filter(key -> !key.isBlank()).map(key -> new OpenAiStreamingModel(
                new VertxModelHttpClient(vertx.createHttpClient(options(openai)), openai.responseTimeout(),
                        openai.responseTimeout()),
                openai.baseUrl(), key, openai.model(), openai.temperature()));
    }

    private static HttpClientOptions options(GatewayConfig.OpenAi openai) {
        HttpClientOptions options = new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(MAX_CONNECTIONS)
                .setMaxWaitQueueSize(MAX_WAITING).setKeepAliveTimeout(KEEP_ALIVE_SECONDS);
        if (openai.baseUrl().startsWith("https:")) {
            options.setSsl(true).setUseAlpn(true).setProtocolVersion(HttpVersion.HTTP_2).setHttp2MaxPoolSize(8);
        }
        return options;
    }

    public Optional<StreamingChatModel> model() {
        return model;
    }
}
