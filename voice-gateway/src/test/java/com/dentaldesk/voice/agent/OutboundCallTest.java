package com.dentaldesk.voice.agent;

import static com.dentaldesk.voice.support.OpenAiStubs.sse;
import static com.dentaldesk.voice.support.OpenAiStubs.text;
import static com.dentaldesk.voice.support.OpenAiStubs.toolCall;
import static com.dentaldesk.voice.support.OpenAiStubs.whenCallerSays;
import static com.dentaldesk.voice.support.OpenAiStubs.whenToolReturns;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dentaldesk.contracts.retell.RetellCall;
import com.dentaldesk.simulator.AgentTurn;
import com.dentaldesk.simulator.CallListener;
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
 * A call the clinic places (Retell's {@code direction: outbound}): the patient is the one called, so the greeting
 * says who is calling and for whom, the patient is looked up by the number called (never the clinic's own), the
 * model is told, and the goodbye does not thank them for calling.
 */
@QuarkusTest
@QuarkusTestResource(WireMockServers.class)
class OutboundCallTest {

    private static final String CLINIC_LINE = "+15559870000";

    @TestHTTPResource("/")
    URL root;

    OpenAiStubs openai;

    @BeforeEach
    void stubs() {
        new BookingStubs(WireMockServers.booking).defaults();
        openai = new OpenAiStubs(WireMockServers.openai).reset();
        openai.stub(whenCallerSays("who is this"), sse(toolCall("call_f1", "find_patient", "{}")));
        openai.stub(whenToolReturns("call_f1"), sse(text("It's about your visit tomorrow. ")));
        openai.stub(whenCallerSays("bye"), sse(toolCall("call_e1", "end_call", "{}")));
    }

    @Test
    void shouldGreetAsTheCallerAlsoWhenTheUrlNamesTheClinic() throws Exception {
        RetellCall outbound = new RetellCall("test-" + UUID.randomUUID(), Clinics.AGENT_ID, CLINIC_LINE,
                Clinics.CALLER, "outbound", Map.of("patient_name", "Sam"), null, System.currentTimeMillis());
        // The slug in the URL makes the clinic known at once; the greeting still waits for Retell's call details.
        try (RetellCallClient call = RetellCallClient.connect(TestCalls.baseUrl(root), Clinics.SLUG, outbound,
                CallListener.QUIET, TestCalls.options())) {
            assertTrue(call.greeting().await(3000));
            assertTrue(call.greeting().content().contains("calling for Sam"), call.greeting().content());
        }
    }

    @Test
    void shouldGreetAsTheCallerLookUpThePatientByTheNumberCalledAndNotThankThemForCalling() throws Exception {
        RetellCall outbound = new RetellCall("test-" + UUID.randomUUID(), Clinics.AGENT_ID, CLINIC_LINE,
                Clinics.CALLER, "outbound", Map.of("patient_first_name", "Jordan"), null, System.currentTimeMillis());
        try (RetellCallClient call = TestCalls.greeted(root, outbound)) {
            String greeting = call.greeting().content();
            assertTrue(greeting.contains("this is Bright Smile Dental calling for Jordan"), greeting);
            assertFalse(greeting.contains("Thanks for calling"), greeting);

            TestCalls.exchange(call, "Hello, who is this?");
            List<String> lookups = WireMockServers.booking.findAll(postRequestedFor(urlPathEqualTo("/api/booking")))
                    .stream().map(LoggedRequest::getBodyAsString).filter(body -> body.contains("GetMultiplePatients"))
                    .toList();
            assertEquals(1, lookups.size(), lookups.toString());
            assertTrue(lookups.get(0).contains(Clinics.CALLER) && !lookups.get(0).contains(CLINIC_LINE),
                    "the patient is the number called: " + lookups.get(0));
            assertTrue(WireMockServers.openai.getAllServeEvents().stream()
                    .anyMatch(event -> event.getRequest().getBodyAsString().contains("The clinic placed this call to Jordan")),
                    "the model knows it placed the call");

            AgentTurn goodbye = TestCalls.exchange(call, "Okay, bye");
            assertTrue(goodbye.endCall());
            assertTrue(goodbye.content().contains("Thank you for your time") && !goodbye.content().contains("calling"),
                    goodbye.content());
        }
    }
}
