package com.dentaldesk.voice.tools;

import static com.dentaldesk.voice.support.OpenAiStubs.sse;
import static com.dentaldesk.voice.support.OpenAiStubs.text;
import static com.dentaldesk.voice.support.OpenAiStubs.toolCall;
import static com.dentaldesk.voice.support.OpenAiStubs.whenCallerSays;
import static com.dentaldesk.voice.support.OpenAiStubs.whenToolReturns;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.dentaldesk.simulator.AgentTurn;
import com.dentaldesk.simulator.RetellCallClient;
import com.dentaldesk.voice.support.BookingStubs;
import com.dentaldesk.voice.support.Clinics;
import com.dentaldesk.voice.support.MutableTimeSource;
import com.dentaldesk.voice.support.OpenAiStubs;
import com.dentaldesk.voice.support.TestCalls;
import com.dentaldesk.voice.support.WireMockServers;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The model passes "next Tuesday"; the gateway asks booking-api for the right date in the clinic's zone. */
@QuarkusTest
@QuarkusTestResource(WireMockServers.class)
class FindSlotsDateTest {

    @TestHTTPResource("/")
    URL root;

    @AfterEach
    void realClock() {
        MutableTimeSource.fixed = null;
    }

    @ParameterizedTest(name = "{0} in {1}: next Tuesday = {2}")
    @CsvSource({
            "2026-06-07T16:00:00Z, America/New_York, 2026-06-09",
            "2026-06-08T16:00:00Z, America/New_York, 2026-06-16",
            "2026-06-07T02:00:00Z, Australia/Sydney, 2026-06-09",
            "2026-06-08T02:00:00Z, Australia/Sydney, 2026-06-16",
    })
    void shouldAskBookingApiForNextTuesdayResolvedInTheClinicsZone(String now, String zone, String expected)
            throws Exception {
        MutableTimeSource.fixed = Instant.parse(now);
        BookingStubs booking = new BookingStubs(WireMockServers.booking).defaults();
        booking.clinic(Clinics.inZone(zone));
        OpenAiStubs openai = new OpenAiStubs(WireMockServers.openai).reset();
        openai.stub(whenCallerSays("next Tuesday"), sse(toolCall("call_d1", "find_slots", "{\"day\":\"next Tuesday\"}")));
        openai.stub(whenToolReturns("call_d1"), sse(text("I have 9:00 AM. ")));
        try (RetellCallClient call = TestCalls.open(root, TestCalls.inbound(Clinics.AGENT_ID))) {
            assertTrue(call.greeting().await(3000));
            AgentTurn turn = call.say("Anything next Tuesday?");
            assertTrue(turn.await(5000));
        }
        var searches = WireMockServers.booking.findAll(postRequestedFor(urlPathEqualTo("/api/booking"))
                .withRequestBody(matchingJsonPath("$.functionName", equalTo("GetAvailableSlots"))));
        assertEquals(1, searches.size());
        Map<?, ?> params = (Map<?, ?>) BookingStubs.body(searches.get(0).getBodyAsString()).get("parameters");
        assertEquals(expected, params.get("dateStart"));
        assertEquals(expected, params.get("dateEnd"));
    }

    @Test
    void shouldAskBookingApiForAfternoonsOnlyWhenTheCallerWantsAnAfternoon() throws Exception {
        // booking-api answers one page in time order: filtering afternoons out of it here could find none.
        MutableTimeSource.fixed = Instant.parse("2026-06-07T16:00:00Z");
        BookingStubs booking = new BookingStubs(WireMockServers.booking).defaults();
        booking.clinic(Clinics.inZone("America/New_York"));
        OpenAiStubs openai = new OpenAiStubs(WireMockServers.openai).reset();
        openai.stub(whenCallerSays("Tuesday afternoon"), sse(toolCall("call_a1", "find_slots",
                "{\"day\":\"next Tuesday\",\"part_of_day\":\"afternoon\"}")));
        openai.stub(whenToolReturns("call_a1"), sse(text("I have 2:00 PM. ")));
        try (RetellCallClient call = TestCalls.open(root, TestCalls.inbound(Clinics.AGENT_ID))) {
            assertTrue(call.greeting().await(3000));
            assertTrue(call.say("Anything next Tuesday afternoon?").await(5000));
        }
        var searches = WireMockServers.booking.findAll(postRequestedFor(urlPathEqualTo("/api/booking"))
                .withRequestBody(matchingJsonPath("$.functionName", equalTo("GetAvailableSlots"))));
        Map<?, ?> params = (Map<?, ?>) BookingStubs.body(searches.get(0).getBodyAsString()).get("parameters");
        assertEquals("12:00", params.get("timeFrom"));
        assertNull(params.get("timeTo"));
    }
}
