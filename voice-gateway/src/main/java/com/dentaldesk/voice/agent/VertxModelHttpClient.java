package com.dentaldesk.voice.agent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.response.StreamingHandle;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * The model's HTTP on Vert.x: a POST whose answer is a stream of server-sent events, read and handed on by the same
 * event loops that write to Retell's sockets, with no thread of its own. The JDK client it replaced cost a selector
 * thread, a hand-off per stage and 15% of the gateway's CPU at 1,000 calls (JFR). Callbacks run on an event loop:
 * they must not block (the agent only filters text and queues frames).
 */
final class VertxModelHttpClient {

    private static final int CLOSED_CONNECTION_RETRIES = 2;

    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration idleTimeout;

    VertxModelHttpClient(HttpClient client, Duration connectTimeout, Duration idleTimeout) {
        this.client = client;
        this.connectTimeout = connectTimeout;
        this.idleTimeout = idleTimeout;
    }

    /** What one answer's stream tells its reader, on an event loop; exactly one of end or error closes it. */
    interface Events {
        /** The data of one event (lines of a multi-line event joined with '\n'); {@code stream} cancels the rest. */
        void onData(String data, StreamingHandle stream);

        void onEnd();

        void onError(Throwable error);
    }

    /** Posts {@code body} and streams the answer's events; an answer other than 2xx is an {@link HttpException}. */
    void post(String url, Map<String, String> headers, Buffer body, Events events) {
        RequestOptions options = new RequestOptions()
                .setAbsoluteURI(url)
                .setMethod(HttpMethod.POST)
                .setConnectTimeout(connectTimeout.toMillis())
                .setIdleTimeout(idleTimeout.toMillis());
        headers.forEach(options::addHeader);
        send(options, body, CLOSED_CONNECTION_RETRIES, response -> {
            if (response.statusCode() < 200 || response.statusCode() >= 300) {
                response.body().onComplete(answer -> events.onError(new HttpException(response.statusCode(),
                        answer.succeeded() ? answer.result().toString() : "")));
                return;
            }
            Stream stream = new Stream(response, events);
            response.handler(stream::accept);
            response.endHandler(ignored -> stream.end());
            response.exceptionHandler(stream::fail);
        }, events::onError);
    }

    /**
     * Sends the request and hands the response over on the event loop as its head arrives, before any of its body
     * (a handler installed a task later finds a short answer already ended). A pooled connection the server closed
     * just as it was picked (a keep-alive race: servers drop idle connections at any time) is retried on another
     * one, up to twice: nothing was answered on it, and a model request writes nothing.
     */
    private void send(RequestOptions options, Buffer body, int retriesLeft, Handler<HttpClientResponse> onResponse,
            Handler<Throwable> onFailure) {
        Handler<Throwable> retryOrFail = failure -> {
            if (retriesLeft > 0 && failure instanceof HttpClosedException) {
                send(options, body, retriesLeft - 1, onResponse, onFailure);
            } else {
                onFailure.handle(failure);
            }
        };
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
            outgoing.end(body);
        });
    }

    /**
     * One response's events: lines split across buffers are joined, a blank line dispatches the event. Lines are
     * kept as bytes until they end, so a character split between two network reads ("’" is three bytes) is decoded
     * whole; '\n' and '\r' never occur inside a UTF-8 character.
     */
    private static final class Stream implements StreamingHandle {
        private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);
        private final HttpClientResponse response;
        private final Events events;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private byte[] line = new byte[512];
        private int lineLength;
        private final StringBuilder data = new StringBuilder();
        // Written on the event loop, read by cancel() on the turn's thread.
        private volatile boolean done;

        Stream(HttpClientResponse response, Events events) {
            this.response = response;
            this.events = events;
        }

        void accept(Buffer buffer) {
            for (int i = 0; i < buffer.length() && !cancelled.get(); i++) {
                byte b = buffer.getByte(i);
                if (b == '\n') {
                    lineEnded();
                } else if (b != '\r') {
                    if (lineLength == line.length) {
                        line = Arrays.copyOf(line, line.length * 2);
                    }
                    line[lineLength++] = b;
                }
            }
        }

        private void lineEnded() {
            if (lineLength == 0) {
                if (data.length() > 0) {
                    try {
                        events.onData(data.toString(), this);
                    } catch (RuntimeException e) {
                        // A reader's failure must not stop the stream (nor reach Vert.x).
                    }
                }
                data.setLength(0);
                return;
            }
            // Only data lines matter here: OpenAI's stream names no events, and comments keep proxies awake.
            if (isData()) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                int start = lineLength > DATA.length && line[DATA.length] == ' ' ? DATA.length + 1 : DATA.length;
                data.append(new String(line, start, lineLength - start, StandardCharsets.UTF_8));
            }
            lineLength = 0;
        }

        private boolean isData() {
            return lineLength >= DATA.length && Arrays.equals(line, 0, DATA.length, DATA, 0, DATA.length);
        }

        void end() {
            if (done) {
                return;
            }
            done = true;
            if (!cancelled.get()) {
                if (lineLength > 0) {
                    lineEnded();
                }
                lineEnded();
                events.onEnd();
            }
        }

        void fail(Throwable error) {
            if (!done && !cancelled.get()) {
                done = true;
                events.onError(error);
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
