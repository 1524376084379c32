package com.dentaldesk.voice.load;

import static com.dentaldesk.voice.support.OpenAiStubs.sse;
import static com.dentaldesk.voice.support.OpenAiStubs.text;
import static com.dentaldesk.voice.support.OpenAiStubs.toolCall;
import static com.dentaldesk.voice.support.OpenAiStubs.whenCallerSays;
import static com.dentaldesk.voice.support.OpenAiStubs.whenToolReturns;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.dentaldesk.contracts.booking.ApiResponse;
import com.dentaldesk.simulator.LoadRunner;
import com.dentaldesk.simulator.RetellCallClient;
import com.dentaldesk.simulator.StubLlmServer;
import com.dentaldesk.voice.support.BookingStubs;
import com.dentaldesk.voice.support.Clinics;
import com.dentaldesk.voice.support.OpenAiStubs;
import com.dentaldesk.voice.support.TestCalls;
import com.dentaldesk.voice.support.WireMockServers;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The smoke version of {@code call-simulator load} (see benchmarks/README.md): 20 concurrent calls for ~10 s with
 * pings, growing transcripts, barge-ins and booking-api tool calls, against the gateway with a model that answers
 * after a fixed 100 ms. Fails on any error, any late ping, or an overhead p99 over a generous bound, so a
 * regression in the gateway's own share of a turn (blocking, queueing, per-message work) shows up in CI.
 */
@QuarkusTest
@QuarkusTestResource(WireMockServers.class)
class LoadSmokeTest {

    private static final long MODEL_DELAY_MS = 100;
    /** Generous on purpose (shared CI machines); the benchmark's target is 10 ms at 200 calls. */
    private static final double OVERHEAD_P99_BOUND_MS = 250;

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldHoldTwentyCallsWithoutErrorsAndWithSmallOverhead() throws Exception {
        BookingStubs booking = new BookingStubs(WireMockServers.booking).defaults();
        booking.function("GetProviders", BookingStubs.json(200, ApiResponse.ok(List.of())));
        OpenAiStubs openai = new OpenAiStubs(WireMockServers.openai).reset();
        String answer = StubLlmServer.FIRST_SENTENCE + "We have time in the morning. Which would you prefer? ";
        WireMockServers.openai.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(50)
                .willReturn(sse(text(answer)).withFixedDelay((int) MODEL_DELAY_MS)));
        openai.stub(whenCallerSays("Do you have anything").atPriority(10),
                sse(toolCall("call_slots", "find_slots", "{\"day\":\"tomorrow\"}")).withFixedDelay((int) MODEL_DELAY_MS));
        openai.stub(whenCallerSays("Which dentists").atPriority(10),
                sse(toolCall("call_providers", "list_providers", "{}")).withFixedDelay((int) MODEL_DELAY_MS));
        openai.stub(whenToolReturns("call_slots").atPriority(5), sse(text(answer)).withFixedDelay((int) MODEL_DELAY_MS));
        openai.stub(whenToolReturns("call_providers").atPriority(5),
                sse(text(answer)).withFixedDelay((int) MODEL_DELAY_MS));

        PrintWriter out = new PrintWriter(System.out, true);
        // Warm-up (first REST and model calls load classes and open connections), not measured.
        new LoadRunner(config(5, 2)).run(out);
        LoadRunner.Report report = new LoadRunner(config(20, 8)).run(out);
        report.print(out);

        assertEquals(0, report.errors(), "errors: " + report.errorsByKind());
        assertEquals(20, report.callsCompleted(), "calls held to the end");
        assertEquals(0, report.latePings(), "late pings");
        assertTrue(report.turnsCompleted() >= 100, "turns completed: " + report.turnsCompleted());
        assertTrue(report.toolTurn().count() > 0, "turns with a tool call");
        assertTrue(report.overhead().p99() <= OVERHEAD_P99_BOUND_MS, "overhead p99 " + report.overhead().p99() + " ms");
    }

    private LoadRunner.Config config(int calls, int holdSeconds) {
        // Callers answer after 0.3-0.9 s (many turns in a short test), pings every second, 10% barge-ins, 30% of
        // turns with a booking-api tool call.
        return new LoadRunner.Config(TestCalls.baseUrl(root), null, Clinics.AGENT_ID, Clinics.CALLER, "+15559870000",
                calls, Duration.ofSeconds(holdSeconds), 1000, 20, 300, 900, 0.1, 0.3, MODEL_DELAY_MS, 5000,
                new RetellCallClient.Options(Duration.ofMillis(1000), 1000, 300));
    }
}
