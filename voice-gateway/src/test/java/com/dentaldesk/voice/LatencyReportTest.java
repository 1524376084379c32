package com.dentaldesk.voice;

import static com.dentaldesk.voice.support.OpenAiStubs.sse;
import static com.dentaldesk.voice.support.OpenAiStubs.text;
import static com.dentaldesk.voice.support.OpenAiStubs.whenCallerSays;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.dentaldesk.simulator.AgentTurn;
import com.dentaldesk.simulator.RetellCallClient;
import com.dentaldesk.voice.support.BookingStubs;
import com.dentaldesk.voice.support.Clinics;
import com.dentaldesk.voice.support.OpenAiStubs;
import com.dentaldesk.voice.support.TestCalls;
import com.dentaldesk.voice.support.WireMockServers;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Measures greeting latency and time to the first chunk over 20 calls with the stub model; prints p50/p99. */
@QuarkusTest
@QuarkusTestResource(WireMockServers.class)
class LatencyReportTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldGreetAndStartAnsweringFastWithStubModel() throws Exception {
        new BookingStubs(WireMockServers.booking).defaults();
        new OpenAiStubs(WireMockServers.openai).reset().stub(whenCallerSays("hours"),
                sse(text("We open at eight. Anything else? ")));
        List<Long> greeting = new ArrayList<>();
        List<Long> firstChunk = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            try (RetellCallClient call = TestCalls.open(root, TestCalls.inbound(Clinics.AGENT_ID))) {
                assertTrue(call.greeting().await(3000));
                greeting.add(call.greeting().firstChunkMillis());
                call.acceptSpoken(call.greeting());
                AgentTurn turn = call.say("What are your hours?");
                assertTrue(turn.await(3000));
                firstChunk.add(turn.firstChunkMillis());
            }
        }
        System.out.printf("LATENCY greeting p50=%d ms p99=%d ms; first chunk p50=%d ms p99=%d ms (20 calls)%n",
                percentile(greeting, 50), percentile(greeting, 99), percentile(firstChunk, 50), percentile(firstChunk, 99));
        assertTrue(percentile(firstChunk, 50) < 1000, "first chunk p50 " + percentile(firstChunk, 50));
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
