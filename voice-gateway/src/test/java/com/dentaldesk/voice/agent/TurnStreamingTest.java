package com.dentaldesk.voice.agent;

import static com.dentaldesk.voice.support.OpenAiStubs.sse;
import static com.dentaldesk.voice.support.OpenAiStubs.text;
import static com.dentaldesk.voice.support.OpenAiStubs.whenCallerSays;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

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

@QuarkusTest
@QuarkusTestResource(WireMockServers.class)
class TurnStreamingTest {

    private static final String LONG_ANSWER = "We are open Monday to Friday from eight in the morning. "
            + "On Saturdays we open at nine. We are closed on Sundays. Parking is behind the building. "
            + "The entrance is on Main Street. Is there anything else? ";

    @TestHTTPResource("/")
    URL root;

    OpenAiStubs openai;

    @BeforeEach
    void stubs() {
        new BookingStubs(WireMockServers.booking).defaults();
        openai = new OpenAiStubs(WireMockServers.openai).reset();
    }

    @Test
    void shouldStreamAnswerInChunksAndCompleteIt() throws Exception {
        openai.stub(whenCallerSays("opening hours"), sse(text(LONG_ANSWER)));
        try (RetellCallClient call = TestCalls.greeted(root, TestCalls.inbound(Clinics.AGENT_ID))) {
            AgentTurn turn = call.say("What are your opening hours?");
            assertTrue(turn.await(5000));
            assertTrue(turn.chunks().size() > 2, "streamed as several chunks: " + turn.chunks());
            assertEquals(LONG_ANSWER.trim(), turn.content().trim());
        }
    }

    @Test
    void shouldEchoPingsAtOnceWhileSlowModelStreams() throws Exception {
        openai.stub(whenCallerSays("opening hours"), sse(text(LONG_ANSWER)).withChunkedDribbleDelay(40, 3000));
        try (RetellCallClient call = TestCalls.greeted(root, TestCalls.inbound(Clinics.AGENT_ID))) {
            int before = call.pingsEchoed();
            AgentTurn turn = call.say("What are your opening hours?");
            assertTrue(turn.await(8000), "slow answer completes");
            assertTrue(call.pingsEchoed() - before >= 10, "pings kept flowing: " + (call.pingsEchoed() - before));
            assertEquals(0, call.latePings(), "no echo later than 250 ms; slowest " + call.maxPingMillis() + " ms");
        }
    }

    @Test
    void shouldCancelOlderTurnWhenNewerResponseIdArrivesAndSendNothingStale() throws Exception {
        openai.stub(whenCallerSays("opening hours"), sse(text(LONG_ANSWER)).withChunkedDribbleDelay(40, 4000));
        openai.stub(whenCallerSays("Actually, do you take insurance"), sse(text("Yes, we take most insurance plans. ")));
        try (RetellCallClient call = TestCalls.greeted(root, TestCalls.inbound(Clinics.AGENT_ID))) {
            AgentTurn first = call.say("What are your opening hours?");
            long deadline = System.currentTimeMillis() + 3000;
            while (first.chunks().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(first.chunks().isEmpty(), "the first answer had started streaming");
            AgentTurn second = call.say("Actually, do you take insurance?");
            assertTrue(second.await(5000));
            assertTrue(second.content().contains("insurance"), second.content());
            Thread.sleep(2500);
            assertFalse(first.isComplete(), "the superseded answer is never completed");
            assertEquals(0, call.staleFrames(), "no chunk of the old turn after the barge-in");
            assertFalse(first.content().contains("Main Street"), "the old stream stopped: " + first.content());
        }
    }

    @Test
    void shouldAnswerReminderWithShortCheckInNotAReplay() throws Exception {
        openai.stub(whenCallerSays("parking"), sse(text("Parking is free behind the building. ")));
        try (RetellCallClient call = TestCalls.greeted(root, TestCalls.inbound(Clinics.AGENT_ID))) {
            AgentTurn answer = call.say("Is there parking?");
            assertTrue(answer.await(5000));
            call.acceptSpoken(answer);
            int modelCalls = WireMockServers.openai.findAll(postRequestedFor(anyUrl())).size();
            AgentTurn reminder = call.remind();
            assertTrue(reminder.await(3000));
            assertTrue(reminder.content().contains("still there"), reminder.content());
            assertFalse(reminder.content().contains("Parking"), "not a replay");
            assertEquals(modelCalls, WireMockServers.openai.findAll(postRequestedFor(anyUrl())).size());
        }
    }

    @Test
    void shouldIgnoreMalformedUnknownAndOutOfOrderFramesAndCarryOn() throws Exception {
        openai.stub(whenCallerSays("parking"), sse(text("Parking is free behind the building. ")));
        try (RetellCallClient call = TestCalls.greeted(root, TestCalls.inbound(Clinics.AGENT_ID))) {
            call.sendRaw("{this is not json");
            call.sendRaw("{\"interaction_type\":\"something_new\",\"x\":1}");
            call.sendRaw("[1,2,3]");
            call.sendRaw("{\"interaction_type\":\"response_required\",\"response_id\":\"not a number\"}");
            AgentTurn turn = call.say("Is there parking?");
            assertTrue(turn.await(5000), "the call goes on");
            assertTrue(turn.content().contains("Parking"));
            // An older id after a newer one is out of order: ignored, no answer.
            call.sendRaw("{\"interaction_type\":\"response_required\",\"response_id\":0,\"transcript\":[]}");
            AgentTurn next = call.say("Is there parking?");
            assertTrue(next.await(5000));
            assertFalse(call.isClosed());
        }
    }

}
