package com.dentaldesk.voice.agent;

import static com.dentaldesk.voice.support.OpenAiStubs.sse;
import static com.dentaldesk.voice.support.OpenAiStubs.text;
import static com.dentaldesk.voice.support.OpenAiStubs.toolCall;
import static com.dentaldesk.voice.support.OpenAiStubs.whenCallerSays;
import static com.dentaldesk.voice.support.OpenAiStubs.whenToolReturns;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dentaldesk.contracts.calls.ConversationLog;
import com.dentaldesk.contracts.calls.ToolCallRecord;
import com.dentaldesk.contracts.retell.RetellCall;
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
import jakarta.inject.Inject;

/** Retell reopens the socket for a call (same or another instance): the call continues, no second greeting. */
@QuarkusTest
@QuarkusTestResource(WireMockServers.class)
class ReconnectTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    CallSessions sessions;

    OpenAiStubs openai;

    @BeforeEach
    void stubs() {
        new BookingStubs(WireMockServers.booking).defaults();
        openai = new OpenAiStubs(WireMockServers.openai).reset();
        // The model answers from the call state in its prompt: the state must have survived.
        openai.stub(whenCallerSays("still me").withRequestBody(containing("caller identified as Jane")),
                sse(text("Yes Jane, I still have your details. ")));
    }

    @Test
    void shouldContinueKnownCallOnReconnectWithoutGreetingAgain() throws Exception {
        openai.stub(whenCallerSays("who am I"), sse(toolCall("call_r1", "find_patient", "{}")));
        openai.stub(whenToolReturns("call_r1"), sse(text("You're Jane. ")));
        RetellCall details = TestCalls.inbound(Clinics.AGENT_ID);
        RetellCallClient call = TestCalls.open(root, details);
        assertTrue(call.greeting().await(3000));
        call.acceptSpoken(call.greeting());
        AgentTurn first = call.say("who am I");
        assertTrue(first.await(5000));
        call.acceptSpoken(first);

        RetellCallClient again = call.reconnect(TestCalls.baseUrl(root), null, TestCalls.options());
        try (again) {
            AgentTurn reopened = again.greeting();
            assertTrue(reopened.await(3000));
            assertEquals("", reopened.content(), "no second greeting");
            AgentTurn next = again.say("Is it still me?");
            assertTrue(next.await(5000));
            assertTrue(next.content().contains("still have your details"), next.content());
        }
    }

    @Test
    void shouldRebuildCallServedByAnotherInstanceFromBookingApiRecord() throws Exception {
        // Retell reconnects with the call object of a call that began a while ago.
        RetellCall details = TestCalls.startedAt("test-" + java.util.UUID.randomUUID(), Clinics.AGENT_ID,
                System.currentTimeMillis() - 90_000);
        new BookingStubs(WireMockServers.booking).conversation(new ConversationLog(details.callId(), Clinics.AGENT_ID,
                Clinics.CALLER, "+15559870000", Instant.now(), null, List.of(), List.of(
                        new ToolCallRecord("call_x1", "find_patient", "{}",
                                "{\"status\":\"FOUND\",\"first_name\":\"Jane\",\"last_name\":\"Doe\"}", true,
                                Instant.now())),
                null, null, null));
        sessions.forget(details.callId());
        try (RetellCallClient call = TestCalls.open(root, details)) {
            assertTrue(call.greeting().await(3000));
            assertEquals("", call.greeting().content(), "a continued call is not greeted again");
            assertEquals(1, WireMockServers.booking.findAll(com.github.tomakehurst.wiremock.client.WireMock
                    .getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock
                            .urlPathEqualTo("/api/conversations/" + details.callId()))).size(),
                    "an old call is looked up once");
            AgentTurn next = call.say("Is it still me?");
            assertTrue(next.await(5000));
            assertTrue(next.content().contains("still have your details"), next.content());
        }
    }
}
