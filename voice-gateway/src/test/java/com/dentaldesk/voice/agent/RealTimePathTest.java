package com.dentaldesk.voice.agent;

import static com.dentaldesk.voice.support.OpenAiStubs.sse;
import static com.dentaldesk.voice.support.OpenAiStubs.text;
import static com.dentaldesk.voice.support.OpenAiStubs.whenCallerSays;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dentaldesk.contracts.retell.RetellCall;
import com.dentaldesk.simulator.AgentTurn;
import com.dentaldesk.simulator.RetellCallClient;
import com.dentaldesk.voice.support.BookingStubs;
import com.dentaldesk.voice.support.Clinics;
import com.dentaldesk.voice.support.OpenAiStubs;
import com.dentaldesk.voice.support.TestCalls;
import com.dentaldesk.voice.support.WireMockServers;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The real-time path: words leave as the model produces them, a false claim never does, and neither persistence nor
 * booking-api stands between the caller and the greeting or the answer.
 */
@QuarkusTest
@QuarkusTestResource(WireMockServers.class)
class RealTimePathTest {

    @TestHTTPResource("/")
    URL root;

    OpenAiStubs openai;
    BookingStubs booking;

    @BeforeEach
    void stubs() {
        booking = new BookingStubs(WireMockServers.booking).defaults();
        openai = new OpenAiStubs(WireMockServers.openai).reset();
    }

    @Test
    void shouldSpeakTheFirstWordsBeforeTheSentenceEnds() throws Exception {
        // Words arrive 300 ms apart and the sentence never ends: the first must not wait for the rest.
        openai.stub(whenCallerSays("opening hours"),
                sse(text("Sure let me look at our opening hours for this week")).withChunkedDribbleDelay(12, 3300));
        try (RetellCallClient call = TestCalls.greeted(root, TestCalls.inbound(Clinics.AGENT_ID))) {
            AgentTurn turn = call.say("What are your opening hours?");
            long deadline = System.currentTimeMillis() + 2500;
            while (turn.chunks().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertFalse(turn.chunks().isEmpty(), "something was spoken while the model was still writing");
            assertFalse(turn.isComplete(), "the first words went out before the answer was complete");
            assertTrue(turn.chunks().get(0).startsWith("Sure"), turn.chunks().toString());
            assertTrue(turn.await(5000));
            assertEquals("Sure let me look at our opening hours for this week", turn.content().trim());
        }
    }

    @Test
    void shouldHoldAClaimAndDropItWhenNoWriteHappenedWhileTheRestStreams() throws Exception {
        openai.stub(whenCallerSays("cleaning"), sse(text(
                "Great news. All set for Tuesday at 9 with Dr. Patel, you can arrive early. Anything else?")));
        try (RetellCallClient call = TestCalls.greeted(root, TestCalls.inbound(Clinics.AGENT_ID))) {
            AgentTurn turn = TestCalls.exchange(call, "I need a cleaning on Tuesday");
            assertTrue(turn.content().startsWith("Great news."), turn.content());
            assertTrue(turn.content().contains("Anything else?"), turn.content());
            assertFalse(turn.content().contains("set for Tuesday"), "the claim was never spoken: " + turn.content());
            assertFalse(turn.chunks().stream().anyMatch(c -> c.contains("All")),
                    "not even the first word of the claim: " + turn.chunks());
        }
    }

    @Test
    void shouldGreetANewCallWithoutAskingBookingApiAboutIt() throws Exception {
        RetellCall details = TestCalls.inbound(Clinics.AGENT_ID);
        try (RetellCallClient call = TestCalls.open(root, details)) {
            assertTrue(call.greeting().await(3000));
            assertFalse(call.greeting().content().isEmpty());
        }
        assertTrue(WireMockServers.booking.findAll(getRequestedFor(urlPathEqualTo("/api/conversations/"
                + details.callId()))).isEmpty(), "no reconnect check for a call that just began");
    }

    @Test
    void shouldGreetPolitelyAndTakeAMessageWhileBookingApiIsUnreachable() throws Exception {
        booking.down();
        try (RetellCallClient call = TestCalls.open(root, TestCalls.inbound(Clinics.AGENT_ID))) {
            AgentTurn greeting = call.greeting();
            assertTrue(greeting.await(3000), "greeted although booking-api is down");
            assertTrue(greeting.content().contains("May I have your name"), greeting.content());
            assertFalse(greeting.endCall());
        }
    }

    @Test
    void shouldDeliverTheCompleteCallLogAfterTheCallWhenBookingApiIsSlow() throws Exception {
        // Every upload takes 1.5 s: the call must not wait for any of them, and the last one must be complete.
        WireMockServers.booking.stubFor(put(urlPathMatching("/api/conversations/.*")).atPriority(1)
                .willReturn(BookingStubs.json(200, com.dentaldesk.contracts.booking.ApiResponse.ok(null))
                        .withFixedDelay(1500)));
        openai.stub(whenCallerSays("parking"), sse(text("Parking is behind the building. ")));
        openai.stub(whenCallerSays("insurance"), sse(text("We take most insurance plans. ")));
        RetellCall details = TestCalls.inbound(Clinics.AGENT_ID);
        try (RetellCallClient call = TestCalls.open(root, details)) {
            assertTrue(call.greeting().await(3000));
            call.acceptSpoken(call.greeting());
            AgentTurn parking = TestCalls.exchange(call, "Is there parking?");
            AgentTurn insurance = TestCalls.exchange(call, "Do you take insurance?");
            assertTrue(parking.firstChunkMillis() < 1000 && insurance.firstChunkMillis() < 1000,
                    "answers did not wait for uploads: " + parking.firstChunkMillis() + " / "
                            + insurance.firstChunkMillis() + " ms");
        }
        long deadline = System.currentTimeMillis() + 8000;
        String last = "";
        while (System.currentTimeMillis() < deadline) {
            List<LoggedRequest> uploads = WireMockServers.booking
                    .findAll(putRequestedFor(urlPathEqualTo("/api/conversations/" + details.callId())));
            last = uploads.isEmpty() ? "" : uploads.get(uploads.size() - 1).getBodyAsString();
            if (last.contains("\"endedAt\":\"")) {
                break;
            }
            Thread.sleep(50);
        }
        assertTrue(last.contains("\"endedAt\":\"") && last.contains("Is there parking?") && last.contains("Do you take insurance?"),
                "the hang-up record arrived with the whole transcript: " + last);
    }


}
