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
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
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

/**
 * The five ways a misbehaving model got a false "you're booked" spoken or an unwanted write done (issue 14), each
 * through the socket with a scripted model: the caller hears only what a write backs, and only a real "yes" to the
 * gateway's own question writes.
 */
@QuarkusTest
@QuarkusTestResource(WireMockServers.class)
class TruthfulConversationTest {

    /** The gateway's question for the first offered slot (BookingStubs.NINE, the caller Jane). */
    private static final String QUESTION = "Shall I book Tuesday, June 4 at 9:00 AM with Dr. Maya Patel for Jane?";

    @TestHTTPResource("/")
    URL root;

    OpenAiStubs openai;

    @BeforeEach
    void stubs() {
        new BookingStubs(WireMockServers.booking).defaults();
        openai = new OpenAiStubs(WireMockServers.openai).reset();
        openai.stub(whenCallerSays("cleaning next Tuesday"), sse(toolCall("call_p1", "find_patient", "{}")));
        openai.stub(whenToolReturns("call_p1"), sse(toolCall("call_s1", "find_slots", "{\"day\":\"next Tuesday\"}")));
        openai.stub(whenToolReturns("call_s1"), sse(text("I have 9:00 AM or 10:30 AM with Dr. Patel. Which works? ")));
        openai.stub(whenCallerSays("9 works"), sse(toolCall("call_b1", "book_appointment", "{\"option\":1}")));
    }

    @Test
    void shouldNeverSpeakAParaphrasedBookingClaimWhenNothingWasWritten() throws Exception {
        List<String> claims = List.of(
                "All set for Tuesday at 9:00 AM with Dr. Patel. ",
                "I've scheduled your cleaning for Tuesday at 9:00 AM. ",
                "Confirmed: Tuesday at 9:00 AM with Dr. Patel. ",
                "You're booked for Tuesday at 9, you can arrive ten minutes early. ",
                "You're all set for Tuesday, right? ");
        for (int i = 0; i < claims.size(); i++) {
            openai.stub(whenCallerSays("question " + i), sse(text("Okay. " + claims.get(i) + "Anything else? ")));
        }
        try (RetellCallClient call = TestCalls.greeted(root, TestCalls.inbound(Clinics.AGENT_ID))) {
            for (int i = 0; i < claims.size(); i++) {
                AgentTurn turn = TestCalls.exchange(call, "question " + i);
                assertTrue(turn.content().startsWith("Okay.") && turn.content().contains("Anything else?"),
                        "the rest of the answer is spoken: " + turn.content());
                String heard = turn.content().toLowerCase(Locale.ROOT);
                assertFalse(heard.contains("set") || heard.contains("scheduled") || heard.contains("confirmed")
                        || heard.contains("booked"), "claim " + i + " was heard: " + turn.content());
            }
        }
        assertNoCreateAppointment();
    }

    @Test
    void shouldDropAClaimAboutSomeoneElseAfterARealBooking() throws Exception {
        openai.stub(whenCallerSays("Yes please"), sse(toolCall("call_b2", "book_appointment", "{\"option\":1}")));
        openai.stub(whenToolReturns("call_b2"), sse(text("You're booked for Tuesday at 9:00 AM with Dr. Patel. ")));
        openai.stub(whenCallerSays("my son"), sse(text("Of course. Your son is booked too. Anything else? ")));
        try (RetellCallClient call = TestCalls.greeted(root, TestCalls.inbound(Clinics.AGENT_ID))) {
            TestCalls.exchange(call, "I need a cleaning next Tuesday");
            assertEquals(QUESTION, TestCalls.exchange(call, "9 works").content());
            AgentTurn booked = TestCalls.exchange(call, "Yes please");
            assertTrue(booked.content().contains("You're booked for Tuesday at 9:00 AM"), booked.content());
            AgentTurn son = TestCalls.exchange(call, "Can you book my son as well?");
            assertFalse(son.content().contains("booked"), "no write for the son: " + son.content());
            assertTrue(son.content().contains("Anything else?"), son.content());
        }
    }

    @Test
    void shouldReplaceARealBookingRestatedWithTheWrongDayAndTimeByTheFacts() throws Exception {
        openai.stub(whenCallerSays("Yes please"), sse(toolCall("call_b2", "book_appointment", "{\"option\":1}")));
        openai.stub(whenToolReturns("call_b2"),
                sse(text("Perfect, you're booked for Wednesday at 10:30 AM with Dr. Patel. See you soon! ")));
        try (RetellCallClient call = TestCalls.greeted(root, TestCalls.inbound(Clinics.AGENT_ID))) {
            TestCalls.exchange(call, "I need a cleaning next Tuesday");
            TestCalls.exchange(call, "9 works");
            AgentTurn booked = TestCalls.exchange(call, "Yes please");
            assertFalse(booked.content().contains("Wednesday") || booked.content().contains("10:30"),
                    "the wrong facts are never heard: " + booked.content());
            assertTrue(booked.content().contains("Tuesday, June 4 at 9:00 AM with Dr. Maya Patel"),
                    "the write's own facts are said instead: " + booked.content());
        }
    }

    @Test
    void shouldNotBookOnAYesThatAsksForAnotherDay() throws Exception {
        openai.stub(whenCallerSays("Wednesday"), sse(toolCall("call_b2", "book_appointment", "{\"option\":1}")));
        openai.stub(whenToolReturns("call_b2"), sse(text("Sure, let me look at Wednesday for you. ")));
        try (RetellCallClient call = TestCalls.greeted(root, TestCalls.inbound(Clinics.AGENT_ID))) {
            TestCalls.exchange(call, "I need a cleaning next Tuesday");
            assertEquals(QUESTION, TestCalls.exchange(call, "9 works").content());
            AgentTurn change = TestCalls.exchange(call, "Yes, but can we do Wednesday?");
            assertTrue(change.toolResults().get(0).content().contains("CHANGE_REQUESTED"),
                    change.toolResults().toString());
            AgentTurn again = TestCalls.exchange(call, "Yeah, what about Wednesday though?");
            assertFalse(again.toolResults().isEmpty());
            assertFalse(again.toolResults().get(0).content().contains("BOOKED"), again.toolResults().toString());
        }
        assertNoCreateAppointment();
    }

    @Test
    void shouldNotBookOnAYesToAQuestionTheModelAskedInstead() throws Exception {
        // The model answers the gateway's question with one of its own, then books on the caller's "yes".
        openai.stub(whenCallerSays("Sure"),
                sse(text("Before I book it, do you have dental insurance with us? ")));
        openai.stub(whenCallerSays("Yes, I do"), sse(toolCall("call_b2", "book_appointment", "{\"option\":1}")));
        try (RetellCallClient call = TestCalls.greeted(root, TestCalls.inbound(Clinics.AGENT_ID))) {
            TestCalls.exchange(call, "I need a cleaning next Tuesday");
            assertEquals(QUESTION, TestCalls.exchange(call, "9 works").content());
            TestCalls.exchange(call, "Sure");
            AgentTurn insured = TestCalls.exchange(call, "Yes, I do");
            assertTrue(insured.toolResults().get(0).content().contains("CONFIRMATION_REQUIRED"),
                    "a yes to another question is no confirmation: " + insured.toolResults());
            assertEquals(QUESTION, insured.content(), "the gateway asks its own question again");
        }
        assertNoCreateAppointment();
    }

    private static void assertNoCreateAppointment() {
        WireMockServers.booking.verify(0, postRequestedFor(urlPathEqualTo("/api/booking"))
                .withRequestBody(matchingJsonPath("$.functionName", equalTo("CreateAppointment"))));
    }


}
