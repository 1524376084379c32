package com.dentaldesk.voice.agent;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEventParsingHandle;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * LangChain4j's HTTP client on Vert.x: the model's server-sent events are read and handed to the agent on the same
 * event loops that write to Retell's sockets, with no thread of their own. The JDK client it replaces cost a
 * selector thread, a hand-off per stage and 15% of the gateway's CPU at 1,000 calls (JFR). Callbacks run on an event
 * loop: the listener must not block (the agent's handler only filters text and queues frames).
 */
final class VertxModelHttpClient implements HttpClient {

    private static final int CLOSED_CONNECTION_RETRIES = 2;

    private final io.vertx.core.http.HttpClient client;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    VertxModelHttpClient(io.vertx.core.http.HttpClient client, Duration connectTimeout, Duration readTimeout) {
        this.client = client;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** What LangChain4j's model builders take: they set the timeouts, then build. */
    static final class Builder implements HttpClientBuilder {
        private final io.vertx.core.http.HttpClient client;
        private Duration connectTimeout;
        private Duration readTimeout;

        Builder(io.vertx.core.http.HttpClient client) {
            this.client = client;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            return new VertxModelHttpClient(client, connectTimeout, readTimeout);
        }
    }

    /** Blocking; only from a worker or virtual thread (LangChain4j's non-streaming calls, which the gateway avoids). */
    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        CompletableFuture<SuccessfulHttpResponse> answer = new CompletableFuture<>();
        send(request, CLOSED_CONNECTION_RETRIES, response -> response.body().onComplete(body -> {
            if (body.failed()) {
                answer.completeExceptionally(body.cause());
            } else if (response.statusCode() < 200 || response.statusCode() >= 300) {
                answer.completeExceptionally(new HttpException(response.statusCode(), body.result().toString()));
            } else {
                answer.complete(SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                        .headers(headers(response.headers())).body(body.result().toString()).build());
            }
        }), answer::completeExceptionally);
        try {
            return answer.get(timeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new RuntimeException(e.getCause());
        } catch (TimeoutException e) {
            throw new dev.langchain4j.exception.TimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }

    /** Streams server-sent events; the parser argument is LangChain4j's default, whose format is read here. */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        send(request, CLOSED_CONNECTION_RETRIES, response -> {
            if (response.statusCode() < 200 || response.statusCode() >= 300) {
                response.body().onComplete(body -> listener.onError(new HttpException(response.statusCode(),
                        body.succeeded() ? body.result().toString() : "")));
                return;
            }
            Stream stream = new Stream(response, listener);
            response.handler(stream::accept);
            response.endHandler(ignored -> stream.end());
            response.exceptionHandler(stream::fail);
            listener.onOpen(SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                    .headers(headers(response.headers())).build());
        }, listener::onError);
    }

    /**
     * Sends the request and hands the response over on the event loop as its head arrives, before any of its body
     * (a handler installed a task later finds a short answer already ended). A pooled connection the server closed
     * just as it was picked (a keep-alive race: servers drop idle connections at any time) is retried on another
     * one, up to twice: nothing was answered on it, and a model request writes nothing.
     */
    private void send(HttpRequest request, int retriesLeft, Handler<HttpClientResponse> onResponse,
            Handler<Throwable> onFailure) {
        Handler<Throwable> retryOrFail = failure -> {
            if (retriesLeft > 0 && failure instanceof HttpClosedException) {
                send(request, retriesLeft - 1, onResponse, onFailure);
            } else {
                onFailure.handle(failure);
            }
        };
        RequestOptions options = new RequestOptions()
                .setAbsoluteURI(request.url())
                .setMethod(HttpMethod.valueOf(request.method().name()))
                .setConnectTimeout(connectTimeout == null ? 0 : connectTimeout.toMillis())
                .setIdleTimeout(readTimeout == null ? 0 : readTimeout.toMillis());
        request.headers().forEach((name, values) -> values.forEach(value -> options.addHeader(name, value)));
        Future<HttpClientRequest> opening;
        try {
            opening = client.request(options);
        } catch (IllegalStateException closed) {
            // The client is closed once the gateway stops; a request (or a retry of one whose connection the stop
            // closed) fails like any other instead of throwing out of a Vert.x callback and leaving its turn waiting.
            onFailure.handle(closed);
            return;
        }
        opening.onComplete(opened -> {
            if (opened.failed()) {
                retryOrFail.handle(opened.cause());
                return;
            }
            HttpClientRequest outgoing = opened.result();
            outgoing.response().onComplete(answered -> {
                if (answered.succeeded()) {
                    onResponse.handle(answered.result());
                } else {
                    retryOrFail.handle(answered.cause());
                }
            });
            if (request.body() == null) {
                outgoing.end();
            } else {
                outgoing.end(request.body());
            }
        });
    }

    private long timeoutMillis() {
        return readTimeout == null ? TimeUnit.MINUTES.toMillis(1) : readTimeout.toMillis();
    }

    private static Map<String, List<String>> headers(MultiMap headers) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        headers.names().forEach(name -> map.put(name, headers.getAll(name)));
        return map;
    }

    /** One response's events: lines split across buffers are joined, a blank line dispatches the event. */
    private static final class Stream implements ServerSentEventParsingHandle {
        private final HttpClientResponse response;
        private final ServerSentEventListener listener;
        private final ServerSentEventContext context = new ServerSentEventContext(this);
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final StringBuilder line = new StringBuilder();
        private final StringBuilder data = new StringBuilder();
        private String event;
        // Written on the event loop, read by cancel() on the turn's thread.
        private volatile boolean done;

        Stream(HttpClientResponse response, ServerSentEventListener listener) {
            this.response = response;
            this.listener = listener;
        }

        void accept(Buffer buffer) {
            String text = buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < text.length() && !cancelled.get(); i++) {
                char c = text.charAt(i);
                if (c == '\n') {
                    lineEnded();
                } else if (c != '\r') {
                    line.append(c);
                }
            }
        }

        private void lineEnded() {
            if (line.length() == 0) {
                if (data.length() > 0) {
                    try {
                        listener.onEvent(new ServerSentEvent(event, data.toString()), context);
                    } catch (RuntimeException e) {
                        // As LangChain4j's own clients do: a listener's failure must not stop the stream.
                    }
                }
                data.setLength(0);
                event = null;
                return;
            }
            String field = line.toString();
            line.setLength(0);
            if (field.startsWith("data:")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                data.append(field.substring(field.startsWith("data: ") ? 6 : 5));
            } else if (field.startsWith("event:")) {
                event = field.substring(field.startsWith("event: ") ? 7 : 6);
            }
        }

        void end() {
            if (done) {
                return;
            }
            done = true;
            if (!cancelled.get()) {
                if (line.length() > 0) {
                    lineEnded();
                }
                lineEnded();
                listener.onClose();
            }
        }

        void fail(Throwable error) {
            if (!done && !cancelled.get()) {
                done = true;
                listener.onError(error);
            }
        }

        @Override
        public void cancel() {
            // A barge-in: drop the connection rather than read a stream nobody will hear. A stream that has ended
            // is left alone: resetting it would close a pooled connection the next turn could reuse.
            if (cancelled.compareAndSet(false, true) && !done) {
                response.request().reset();
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }
    }
}
