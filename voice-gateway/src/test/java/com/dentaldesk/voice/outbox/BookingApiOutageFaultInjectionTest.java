package com.dentaldesk.voice.outbox;

import static com.dentaldesk.voice.support.OpenAiStubs.sse;
import static com.dentaldesk.voice.support.OpenAiStubs.toolCall;
import static com.dentaldesk.voice.support.OpenAiStubs.whenCallerSays;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dentaldesk.contracts.retell.RetellCall;
import com.dentaldesk.simulator.AgentTurn;
import com.dentaldesk.simulator.RetellCallClient;
import com.dentaldesk.voice.support.Await;
import com.dentaldesk.voice.support.BookingStubs;
import com.dentaldesk.voice.support.Clinics;
import com.dentaldesk.voice.support.OpenAiStubs;
import com.dentaldesk.voice.support.TestCalls;
import com.dentaldesk.voice.support.WireMockServers;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * booking-api goes away while a caller leaves a message, and stays away far longer than any in-memory retry would
 * last: the caller is told the message is passed on only because it is on disk, and the lead and the call record
 * reach booking-api once it is back. A letter left on disk by an earlier gateway process is delivered too.
 */
@QuarkusTest
@QuarkusTestResource(WireMockServers.class)
class BookingApiOutageFaultInjectionTest {

    @TestHTTPResource("/")
    URL root;

    @ConfigProperty(name = "gateway.outbox.dir")
    String outboxDir;

    BookingStubs booking;
    OpenAiStubs openai;

    @BeforeEach
    void stubs() {
        booking = new BookingStubs(WireMockServers.booking).defaults();
        openai = new OpenAiStubs(WireMockServers.openai).reset();
    }

    @Test
    void shouldDeliverTheLeadAndTheCallRecordAfterALongOutage() throws Exception {
        openai.stub(whenCallerSays("cleaning"), sse(toolCall("call_o1", "find_patient", "{}")));
        RetellCall details = TestCalls.inbound(Clinics.AGENT_ID);
        try (RetellCallClient call = TestCalls.greeted(root, details)) {
            booking.down();
            AgentTurn turn = call.say("I'd like to book a cleaning");
            assertTrue(turn.await(5000));
            assertTrue(turn.content().contains("can't reach our scheduling system"), turn.content());
            TestCalls.exchange(call, "My name is Jane Doe");
            TestCalls.exchange(call, "Yes, that's fine");
            AgentTurn done = TestCalls.exchange(call, "I need a cleaning");
            assertTrue(done.content().contains("I've passed your message on"), done.content());
        }
        // Down for ~25 delivery rounds (test pauses: 0.2 s doubling to 0.5 s): an in-memory retry of 3 attempts
        // would long have given up.
        Thread.sleep(Duration.ofSeconds(12).toMillis());
        assertTrue(successfulLeads(details.callId()).isEmpty());

        booking.up();
        Await.until(Duration.ofSeconds(20),
                () -> !successfulLeads(details.callId()).isEmpty() && endedRecordArrived(details.callId()));
        Map<String, Object> lead = BookingStubs.body(successfulLeads(details.callId()).get(0).getBodyAsString());
        assertEquals("Jane Doe", lead.get("name"));
        assertEquals(Clinics.CALLER, lead.get("phone"));
        assertEquals("I need a cleaning", lead.get("reason"));
    }

    @Test
    void shouldFindTheClinicOfAMessageTakenWhileBookingApiWasDownFromTheStartOfTheCall() throws Exception {
        booking.down();
        RetellCall details = TestCalls.inbound(Clinics.AGENT_ID);
        try (RetellCallClient call = TestCalls.open(root, details)) {
            assertTrue(call.greeting().await(5000));
            call.acceptSpoken(call.greeting());
            assertTrue(call.greeting().content().contains("May I have your name"), call.greeting().content());
            TestCalls.exchange(call, "My name is Lee Park");
            TestCalls.exchange(call, "Yes");
            AgentTurn done = TestCalls.exchange(call, "My crown came off");
            assertTrue(done.content().contains("I've passed your message on"), done.content());
        }
        booking.up();
        // No clinic was known during the call: the outbox resolves it from the agent id, then saves the lead.
        Await.until(Duration.ofSeconds(20), () -> !successfulLeads(details.callId()).isEmpty());
        LoggedRequest lead = successfulLeads(details.callId()).get(0);
        assertEquals(Clinics.SLUG, lead.getHeader("X-Clinic-Slug"));
        assertEquals("My crown came off", BookingStubs.body(lead.getBodyAsString()).get("reason"));
    }

    @Test
    void shouldDeliverALetterAnEarlierProcessLeftOnDisk() throws Exception {
        String callId = "call_" + UUID.randomUUID();
        // Another process's outbox (its postman never ran: it was killed) left this on the shared disk.
        Outbox earlierProcess = new Outbox(Path.of(outboxDir), 100, Duration.ofSeconds(1), Duration.ofSeconds(1),
                letter -> Courier.Result.UNAVAILABLE);
        earlierProcess.keep(new Letter(Letter.Kind.LEAD, Clinics.SLUG, Clinics.AGENT_ID, null, callId, JsonNodeFactory.instance.objectNode()
                .put("callId", callId).put("name", "Sam Lee").put("phone", "+15551234567")
                .put("reason", "left before a restart")));

        Await.until(Duration.ofSeconds(20), () -> !successfulLeads(callId).isEmpty());
        Map<String, Object> lead = BookingStubs.body(successfulLeads(callId).get(0).getBodyAsString());
        assertEquals("left before a restart", lead.get("reason"));
    }

    /** Lead posts booking-api answered (a reset connection leaves no answer in WireMock's log). */
    private static List<LoggedRequest> successfulLeads(String callId) {
        return WireMockServers.booking.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().equals("/api/leads"))
                .filter(event -> event.getRequest().getBodyAsString().contains(callId))
                .filter(event -> event.getResponseDefinition().getFault() == null)
                .map(event -> (LoggedRequest) event.getRequest())
                .toList();
    }

    private static boolean endedRecordArrived(String callId) {
        return WireMockServers.booking.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().equals("/api/conversations/" + callId))
                .filter(event -> event.getResponseDefinition().getFault() == null)
                .anyMatch(event -> event.getRequest().getBodyAsString().contains("\"endedAt\":\"")
                        || event.getRequest().getBodyAsString().contains("\"endedAt\":1"));
    }
}
