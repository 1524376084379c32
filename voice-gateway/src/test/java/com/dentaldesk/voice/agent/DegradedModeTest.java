package com.dentaldesk.voice.agent;

import static com.dentaldesk.voice.support.OpenAiStubs.sse;
import static com.dentaldesk.voice.support.OpenAiStubs.text;
import static com.dentaldesk.voice.support.OpenAiStubs.toolCall;
import static com.dentaldesk.voice.support.OpenAiStubs.whenCallerSays;
import static com.dentaldesk.voice.support.OpenAiStubs.whenToolReturns;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;

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

/** Dependencies fail: the caller gets an apology and a message taken, never silence or a dropped call. */
@QuarkusTest
@QuarkusTestResource(WireMockServers.class)
class DegradedModeTest {

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
    void shouldSayFillerThenFallBackToMessageWhenToolTimesOut() throws Exception {
        booking.function("GetAvailableSlots", BookingStubs.json(200, com.dentaldesk.contracts.booking.ApiResponse
                .ok(List.of(BookingStubs.NINE))).withFixedDelay(5000));
        openai.stub(whenCallerSays("appointment tomorrow"), sse(toolCall("call_t1", "find_slots", "{\"day\":\"tomorrow\"}")));
        RetellCall details = TestCalls.inbound(Clinics.AGENT_ID);
        try (RetellCallClient call = TestCalls.greeted(root, details)) {
            AgentTurn turn = call.say("Can I get an appointment tomorrow?");
            assertTrue(turn.await(6000));
            List<String> chunks = turn.chunks();
            assertTrue(chunks.get(0).contains("One moment while I check the schedule"), chunks.toString());
            assertTrue(turn.content().contains("can't reach our scheduling system"), turn.content());
            assertTrue(turn.content().contains("May I have your name"), turn.content());
            assertFalse(turn.endCall());
            takeMessage(call);
        }
        assertLeadSaved(details.callId(), "Jane Doe", Clinics.CALLER, "I need a cleaning");
    }

    @Test
    void shouldTakeMessageAndSaveLeadWhenModelAnswers500() throws Exception {
        // Down for the whole call: every turn tries the model again, and every turn is taken by the message flow.
        openai.stub(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1),
                aResponse().withStatus(500).withBody("{\"error\":\"boom\"}"));
        RetellCall details = TestCalls.inbound(Clinics.AGENT_ID);
        try (RetellCallClient call = TestCalls.greeted(root, details)) {
            AgentTurn turn = call.say("I'd like to book a cleaning");
            assertTrue(turn.await(5000));
            assertTrue(turn.content().contains("technical trouble"), turn.content());
            assertTrue(turn.content().contains("May I have your name"), turn.content());
            takeMessage(call);
        }
        assertLeadSaved(details.callId(), "Jane Doe", Clinics.CALLER, "I need a cleaning");
    }

    @Test
    void shouldRetryOnceWhenTheFirstModelAttemptFailsAndAnswerInTheSameTurn() throws Exception {
        WireMockServers.openai.stubFor(whenCallerSays("cleaning").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        WireMockServers.openai.stubFor(whenCallerSays("cleaning").inScenario("flaky")
                .whenScenarioStateIs("recovered").willReturn(sse(text("Sure, what day suits you? "))));
        try (RetellCallClient call = TestCalls.greeted(root, TestCalls.inbound(Clinics.AGENT_ID))) {
            AgentTurn turn = TestCalls.exchange(call, "I'd like to book a cleaning");
            assertEquals("Sure, what day suits you? ", turn.content());
            assertEquals(2, WireMockServers.openai.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))
                    .size(), "one failed attempt, one retry");
        }
    }

    @Test
    void shouldTakeOneTurnAsMessageWhenModelIsDownThenUseTheModelAgainOnTheNextTurn() throws Exception {
        openai.stub(whenCallerSays("cleaning"), aResponse().withStatus(500));
        openai.stub(whenCallerSays("Jane Doe"), sse(text("Thanks Jane, what day would you like to come in? ")));
        try (RetellCallClient call = TestCalls.greeted(root, TestCalls.inbound(Clinics.AGENT_ID))) {
            AgentTurn down = TestCalls.exchange(call, "I'd like to book a cleaning");
            assertTrue(down.content().contains("technical trouble") && down.content().contains("May I have your name"),
                    down.content());
            assertFalse(down.endCall());
            AgentTurn back = TestCalls.exchange(call, "My name is Jane Doe");
            assertEquals("Thanks Jane, what day would you like to come in? ", back.content(),
                    "the model answers again once it is back");
        }
    }

    @Test
    void shouldEndTheCallWhenCallerSaysGoodbyeWhileTakingAMessage() throws Exception {
        openai.stub(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1), aResponse().withStatus(500));
        RetellCall details = TestCalls.inbound(Clinics.AGENT_ID);
        try (RetellCallClient call = TestCalls.greeted(root, details)) {
            TestCalls.exchange(call, "I'd like to book a cleaning");
            TestCalls.exchange(call, "My name is Jane Doe");
            AgentTurn bye = TestCalls.exchange(call, "No, that's all, goodbye");
            assertTrue(bye.endCall(), "hangs up instead of asking another question: " + bye.content());
            assertFalse(bye.content().contains("?"), bye.content());
        }
        assertLeadSaved(details.callId(), "Jane Doe", Clinics.CALLER, "callback requested");
    }

    @Test
    void shouldHoldTheLineThenTakeMessageWhenModelIsTooSlow() throws Exception {
        openai.stub(whenCallerSays("cleaning"), sse(text("Sure. ")).withFixedDelay(6000));
        try (RetellCallClient call = TestCalls.greeted(root, TestCalls.inbound(Clinics.AGENT_ID))) {
            AgentTurn turn = call.say("I'd like to book a cleaning");
            assertTrue(turn.await(5000));
            assertTrue(turn.firstChunkMillis() < 2000, "something said within 2 s: " + turn.firstChunkMillis());
            assertEquals("One moment. ", turn.chunks().get(0));
            assertTrue(turn.content().contains("May I have your name"), turn.content());
        }
    }

    @Test
    void shouldTakeMessageWhenBookingApiGoesDownMidCallAndSaveLeadOnceItIsBack() throws Exception {
        openai.stub(whenCallerSays("cleaning"), sse(toolCall("call_d1", "find_patient", "{}")));
        RetellCall details = TestCalls.inbound(Clinics.AGENT_ID);
        try (RetellCallClient call = TestCalls.greeted(root, details)) {
            booking.down();
            AgentTurn turn = call.say("I'd like to book a cleaning");
            assertTrue(turn.await(5000));
            assertTrue(turn.content().contains("can't reach our scheduling system"), turn.content());
            takeMessage(call);
            booking.defaults();
        }
        // The promised callback survives the outage: the lead waits in the outbox until booking-api is back.
        long deadline = System.currentTimeMillis() + 5000;
        while (leads(details.callId()).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertLeadSaved(details.callId(), "Jane Doe", Clinics.CALLER, "I need a cleaning");
    }

    private static void takeMessage(RetellCallClient call) throws InterruptedException {
        AgentTurn name = TestCalls.exchange(call, "My name is Jane Doe");
        assertTrue(name.content().contains("number you're calling from"), name.content());
        AgentTurn number = TestCalls.exchange(call, "Yes, that's fine");
        assertTrue(number.content().contains("what is the call about"), number.content());
        AgentTurn done = TestCalls.exchange(call, "I need a cleaning");
        assertTrue(done.content().contains("call you back"), done.content());
        assertTrue(done.endCall(), "hangs up after the goodbye");
    }


    private static List<LoggedRequest> leads(String callId) {
        return WireMockServers.booking.findAll(postRequestedFor(urlPathEqualTo("/api/leads"))).stream()
                .filter(r -> r.getBodyAsString().contains(callId)).toList();
    }

    private static void assertLeadSaved(String callId, String name, String phone, String reason) {
        List<LoggedRequest> leads = leads(callId);
        assertFalse(leads.isEmpty(), "lead posted");
        Map<String, Object> body = BookingStubs.body(leads.get(leads.size() - 1).getBodyAsString());
        assertEquals(name, body.get("name"));
        assertEquals(phone, body.get("phone"));
        assertEquals(reason, body.get("reason"));
    }

}
