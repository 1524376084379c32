package com.dentaldesk.voice.agent;

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

@QuarkusTest
@QuarkusTestResource(WireMockServers.class)
class BookingConversationTest {

    @TestHTTPResource("/")
    URL root;

    OpenAiStubs openai;
    BookingStubs booking;

    @BeforeEach
    void stubs() {
        booking = new BookingStubs(WireMockServers.booking).defaults();
        openai = new OpenAiStubs(WireMockServers.openai).reset();
        // Turn 1: look the caller up, search slots, offer them.
        openai.stub(whenCallerSays("cleaning next Tuesday"), sse(toolCall("call_p1", "find_patient", "{}")));
        openai.stub(whenToolReturns("call_p1"), sse(toolCall("call_s1", "find_slots", "{\"day\":\"next Tuesday\"}")));
        openai.stub(whenToolReturns("call_s1"),
                sse(text("Hi Jane! I have 9:00 AM or 10:30 AM with Dr. Patel. Which works for you? ")));
        // Turn 2: the caller picks 9:00; the model asks to book, the gateway asks its own confirmation question.
        openai.stub(whenCallerSays("9 works"), sse(toolCall("call_b1", "book_appointment", "{\"option\":1}")));
    }

    @Test
    void shouldBookOnlyAfterConfirmationAndSayBookedOnlyAfterSuccess() throws Exception {
        openai.stub(whenCallerSays("Yes please"), sse(toolCall("call_b2", "book_appointment", "{\"option\":1}")));
        openai.stub(whenToolReturns("call_b2"),
                sse(text("You're booked for Tuesday at 9:00 AM with Dr. Patel. Anything else? ")));
        RetellCall details = TestCalls.inbound(Clinics.AGENT_ID);
        try (RetellCallClient call = TestCalls.greeted(root, details)) {
            AgentTurn offer = TestCalls.exchange(call, "I need a cleaning next Tuesday");
            assertEquals(List.of("find_patient", "find_slots"), offer.toolsInvoked());
            assertTrue(offer.content().contains("9:00 AM"), offer.content());
            WireMockServers.booking.verify(postRequestedFor(urlPathEqualTo("/api/booking"))
                    .withRequestBody(matchingJsonPath("$.functionName", equalTo("GetAvailableSlots")))
                    .withRequestBody(matchingJsonPath("$.parameters.PatNum", equalTo("42"))));

            AgentTurn question = TestCalls.exchange(call, "9 works");
            assertTrue(question.content().startsWith("Shall I book"), question.content());
            assertTrue(question.toolResults().get(0).content().contains("CONFIRMATION_REQUIRED"));
            assertFalse(question.toolResults().get(0).successful());
            WireMockServers.booking.verify(0, postRequestedFor(urlPathEqualTo("/api/booking"))
                    .withRequestBody(matchingJsonPath("$.functionName", equalTo("CreateAppointment"))));

            AgentTurn booked = TestCalls.exchange(call, "Yes please");
            assertTrue(booked.content().contains("booked"), booked.content());
            assertTrue(booked.toolResults().get(0).successful());
        }
        List<LoggedRequest> creates = WireMockServers.booking.findAll(postRequestedFor(urlPathEqualTo("/api/booking"))
                .withRequestBody(matchingJsonPath("$.functionName", equalTo("CreateAppointment"))));
        assertEquals(1, creates.size(), "booked exactly once");
        LoggedRequest create = creates.get(0);
        assertEquals(details.callId() + ":call_b2", create.getHeader("Idempotency-Key"));
        assertEquals(Clinics.SLUG, create.getHeader("X-Clinic-Slug"));
        assertEquals("Bearer test-service-token", create.getHeader("Authorization"));
        var params = (java.util.Map<?, ?>) BookingStubs.body(create.getBodyAsString()).get("parameters");
        assertEquals(42, ((Number) params.get("PatNum")).intValue());
        assertEquals(BookingStubs.NINE.dateTimeStart(), params.get("AptDateTime"));
        assertEquals(1, ((Number) params.get("ProvNum")).intValue());
        assertEquals(3, ((Number) params.get("Op")).intValue(), "room from the offered slot, not the model");
        assertFalse(BookingStubs.body(create.getBodyAsString()).get("parameters").toString().contains(Clinics.SLUG),
                "no tenant id in tool parameters");
    }

    @Test
    void shouldRefuseBookingWithoutConfirmationAndDropAnUnbackedBookedClaim() throws Exception {
        // The model skips the tool and claims success; the caller must never hear it.
        openai.stub(whenCallerSays("9 works"), sse(text("Great, you're booked for Tuesday at 9:00 AM! ")));
        openai.stub(whenCallerSays("no, wait"), sse(toolCall("call_b3", "book_appointment", "{\"option\":1}")));
        openai.stub(whenToolReturns("call_b3"), sse(text("No problem. Which time would you prefer instead? ")));
        try (RetellCallClient call = TestCalls.greeted(root, TestCalls.inbound(Clinics.AGENT_ID))) {
            TestCalls.exchange(call, "I need a cleaning next Tuesday");
            AgentTurn claimed = TestCalls.exchange(call, "9 works");
            assertFalse(claimed.content().toLowerCase().contains("booked"), "unbacked claim dropped: " + claimed.content());
            AgentTurn hesitant = TestCalls.exchange(call, "no, wait");
            assertTrue(hesitant.toolResults().get(0).content().contains("CONFIRMATION_REQUIRED"),
                    "a 'no' is not a confirmation");
        }
        WireMockServers.booking.verify(0, postRequestedFor(urlPathEqualTo("/api/booking"))
                .withRequestBody(matchingJsonPath("$.functionName", equalTo("CreateAppointment"))));
    }

    @Test
    void shouldOfferAlternativesWhenSlotWasTakenMeanwhile() throws Exception {
        booking.slotTaken(List.of(BookingStubs.ELEVEN));
        openai.stub(whenCallerSays("Yes please"), sse(toolCall("call_b4", "book_appointment", "{\"option\":1}")));
        openai.stub(whenToolReturns("call_b4"),
                sse(text("I'm sorry, that time was just taken. I can offer 11:00 AM with Dr. Patel instead. ")));
        openai.stub(whenCallerSays("Yes, 11 is fine"), sse(toolCall("call_b5", "book_appointment", "{\"option\":1}")));
        openai.stub(whenToolReturns("call_b5"), sse(text("Shall I book 11:00 AM? ")));
        try (RetellCallClient call = TestCalls.greeted(root, TestCalls.inbound(Clinics.AGENT_ID))) {
            TestCalls.exchange(call, "I need a cleaning next Tuesday");
            TestCalls.exchange(call, "9 works");
            AgentTurn taken = TestCalls.exchange(call, "Yes please");
            var result = taken.toolResults().get(0);
            assertFalse(result.successful());
            assertTrue(result.content().contains("SLOT_TAKEN") && result.content().contains("11:00 AM"),
                    result.content());
            assertTrue(taken.content().contains("11:00 AM"));
            assertFalse(taken.content().contains("booked"));
            // The alternatives are the new offer: a "yes" to the old question does not book 11:00 unasked.
            AgentTurn next = TestCalls.exchange(call, "Yes, 11 is fine");
            assertTrue(next.toolResults().get(0).content().contains("CONFIRMATION_REQUIRED"));
        }
    }


}
