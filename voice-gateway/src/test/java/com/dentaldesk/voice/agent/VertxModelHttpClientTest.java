package com.dentaldesk.voice.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import dev.langchain4j.model.chat.response.StreamingHandle;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;

/** The model's HTTP client on Vert.x: server-sent events arrive whole and in order, failures are reported. */
class VertxModelHttpClientTest {

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private Vertx vertx;
    private VertxModelHttpClient client;

    @BeforeEach
    void start() {
        server.start();
        vertx = Vertx.vertx();
        client = new VertxModelHttpClient(vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)),
                Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        vertx.close();
        server.stop();
    }

    @Test
    void shouldDeliverEventsSplitAcrossNetworkChunksWholeAndInOrder() throws Exception {
        server.stubFor(post(urlPathEqualTo("/v1/chat")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody("data: {\"n\":1}\n\n: a comment\ndata: line one\ndata:line two\n\ndata: [DONE]\n\n")
                .withChunkedDribbleDelay(9, 200)));
        Recorder events = stream();
        assertTrue(events.closed.get(3, TimeUnit.SECONDS));
        assertEquals(List.of("{\"n\":1}", "line one\nline two", "[DONE]"), events.received);
    }

    @Test
    void shouldDeliverAShortAnswerThatArrivesTogetherWithItsHead() throws Exception {
        // A whole answer in the first network read must not end before its handler is installed.
        server.stubFor(post(urlPathEqualTo("/v1/chat")).willReturn(aResponse().withStatus(200)
                .withBody("data: whole\n\ndata: [DONE]\n\n")));
        for (int i = 0; i < 50; i++) {
            Recorder events = stream();
            assertTrue(events.closed.get(3, TimeUnit.SECONDS), "answer " + i);
            assertEquals(List.of("whole", "[DONE]"), events.received, "answer " + i);
        }
    }

    @Test
    void shouldDecodeACharacterSplitBetweenTwoNetworkReadsWhole() throws Exception {
        // Models write "’" (three bytes in UTF-8) all the time; a read may end in the middle of one.
        byte[] event = "data: It’s booked\n\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int split = "data: It".length() + 1;
        HttpServer model = vertx.createHttpServer().requestHandler(request -> {
            request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
            request.response().write(Buffer.buffer(java.util.Arrays.copyOfRange(event, 0, split)));
            vertx.setTimer(50, ignored -> request.response()
                    .end(Buffer.buffer(java.util.Arrays.copyOfRange(event, split, event.length))));
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(3, TimeUnit.SECONDS);
        Recorder events = stream("http://127.0.0.1:" + model.actualPort());
        assertTrue(events.closed.get(3, TimeUnit.SECONDS));
        assertEquals(List.of("It’s booked"), events.received);
    }

    @Test
    void shouldRetryOnAnotherConnectionWhenThePooledOneWasClosedBeforeAnyAnswer() throws Exception {
        server.stubFor(post(urlPathEqualTo("/v1/chat")).inScenario("closing").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)).willSetStateTo("open"));
        server.stubFor(post(urlPathEqualTo("/v1/chat")).inScenario("closing").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200).withBody("data: hello\n\n")));
        Recorder events = stream();
        assertTrue(events.closed.get(3, TimeUnit.SECONDS));
        assertEquals(List.of("hello"), events.received);
        // The retry sends the whole request again, body included.
        assertEquals(2, server.findAll(postRequestedFor(urlPathEqualTo("/v1/chat")).withRequestBody(equalTo("{}")))
                .size());
    }

    @Test
    void shouldReportAnErrorStatusWithItsBody() throws Exception {
        server.stubFor(post(urlPathEqualTo("/v1/chat")).willReturn(aResponse().withStatus(503).withBody("busy")));
        Recorder events = stream();
        Throwable error = events.failed.get(3, TimeUnit.SECONDS);
        assertTrue(error.getMessage().contains("busy"), error.getMessage());
    }

    @Test
    void shouldKeepTheConnectionForTheNextTurnWhenAnEndedAnswerIsCancelled() throws Exception {
        // A new turn cancels the previous turn's stream, which has usually ended long before: that must not close
        // the pooled connection, or every turn pays a new connection (and races requests onto closing ones).
        AtomicInteger connections = new AtomicInteger();
        HttpServer model = vertx.createHttpServer()
                .connectionHandler(connection -> connections.incrementAndGet())
                .requestHandler(request -> request.response().putHeader("Content-Type", "text/event-stream")
                        .end("data: hello\n\n"))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(3, TimeUnit.SECONDS);
        String url = "http://127.0.0.1:" + model.actualPort();
        // One pooled connection: each request waits for it rather than racing its return to the pool.
        client = new VertxModelHttpClient(
                vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(1)),
                Duration.ofSeconds(1), Duration.ofSeconds(5));
        for (int turn = 0; turn < 3; turn++) {
            Recorder events = stream(url);
            assertTrue(events.closed.get(3, TimeUnit.SECONDS));
            events.handle.get(3, TimeUnit.SECONDS).cancel();
        }
        assertEquals(1, connections.get());
    }

    @Test
    void shouldReportAFailureWhenTheGatewayStopsWhileAnAnswerIsAwaited() throws Exception {
        // On SIGTERM the HTTP client closes under the model requests still waiting: each must end in an error its
        // turn sees, not in a retry on the closed client that throws out of a Vert.x callback.
        CompletableFuture<Boolean> asked = new CompletableFuture<>();
        HttpServer silentModel = vertx.createHttpServer().requestHandler(request -> asked.complete(true))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(3, TimeUnit.SECONDS);
        io.vertx.core.http.HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
        client = new VertxModelHttpClient(http, Duration.ofSeconds(1), Duration.ofSeconds(30));
        Recorder events = stream("http://127.0.0.1:" + silentModel.actualPort());
        assertTrue(asked.get(3, TimeUnit.SECONDS));

        http.close();

        assertNotNull(events.failed.get(3, TimeUnit.SECONDS));
        Recorder late = stream("http://127.0.0.1:" + silentModel.actualPort());
        assertNotNull(late.failed.get(3, TimeUnit.SECONDS), "a turn that starts during the stop fails at once");
    }

    private Recorder stream() {
        return stream(server.baseUrl());
    }

    private Recorder stream(String baseUrl) {
        Recorder recorder = new Recorder();
        client.post(baseUrl + "/v1/chat", Map.of("Content-Type", "application/json"), Buffer.buffer("{}"), recorder);
        return recorder;
    }

    private static final class Recorder implements VertxModelHttpClient.Events {
        final List<String> received = new CopyOnWriteArrayList<>();
        final CompletableFuture<Boolean> closed = new CompletableFuture<>();
        final CompletableFuture<Throwable> failed = new CompletableFuture<>();
        final CompletableFuture<StreamingHandle> handle = new CompletableFuture<>();

        @Override
        public void onData(String data, StreamingHandle stream) {
            handle.complete(stream);
            received.add(data);
        }

        @Override
        public void onError(Throwable error) {
            failed.complete(error);
            closed.completeExceptionally(error);
        }

        @Override
        public void onEnd() {
            closed.complete(true);
        }
    }
}
