package com.dentaldesk.voice.agent;

import static com.dentaldesk.voice.support.OpenAiStubs.sse;
import static com.dentaldesk.voice.support.OpenAiStubs.text;
import static com.dentaldesk.voice.support.OpenAiStubs.toolCall;
import static com.dentaldesk.voice.support.OpenAiStubs.whenCallerSays;
import static com.dentaldesk.voice.support.OpenAiStubs.whenToolReturns;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
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

/**
 * The call record reaches booking-api when its facts change and at hang-up, not after every turn or at the greeting:
 * at a thousand calls an upload per turn was the largest load on booking-api.
 */
@QuarkusTest
@QuarkusTestResource(WireMockServers.class)
class ConversationUploadTest {

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void stubs() {
        new BookingStubs(WireMockServers.booking).defaults();
        OpenAiStubs openai = new OpenAiStubs(WireMockServers.openai).reset();
        openai.stub(whenCallerSays("opening hours"), sse(text("We open at eight. ")));
        openai.stub(whenCallerSays("parking"), sse(text("Parking is behind the building. ")));
        openai.stub(whenCallerSays("insurance"), sse(text("We take most insurance plans. ")));
        openai.stub(whenCallerSays("Tuesday"), sse(toolCall("call_s1", "find_slots", "{\"day\":\"next Tuesday\"}")));
        openai.stub(whenToolReturns("call_s1"), sse(text("I have 9:00 AM or 10:30 AM. Which works? ")));
        openai.stub(whenCallerSays("goodbye"), sse(toolCall("call_e1", "end_call", "{}")));
    }

    @Test
    void theRecordEndsWithTheReceptionistsLastLineAndAPoliteCallReadsAnswered() throws Exception {
        RetellCall details = TestCalls.inbound(Clinics.AGENT_ID);
        AgentTurn farewell;
        try (RetellCallClient call = TestCalls.open(root, details)) {
            assertTrue(call.greeting().await(3000));
            call.acceptSpoken(call.greeting());
            TestCalls.exchange(call, "What are your opening hours?");
            farewell = call.say("That's all, thanks, goodbye");
            assertTrue(farewell.await(5000));
            assertTrue(farewell.endCall(), "the receptionist hangs up after the goodbye");
        }
        // Retell reports a line only in its next update, and after the last line there is none: the gateway's own
        // record of what it said closes the transcript.
        Map<String, Object> record = awaitEndedRecord(details.callId());
        List<Map<String, Object>> transcript = (List<Map<String, Object>>) record.get("transcript");
        Map<String, Object> lastLine = transcript.get(transcript.size() - 1);
        assertEquals("agent", lastLine.get("role"));
        assertEquals(farewell.content().strip(), lastLine.get("content"));
        assertTrue(String.valueOf(lastLine.get("content")).contains("Goodbye"), transcript.toString());
        assertEquals("That's all, thanks, goodbye", transcript.get(transcript.size() - 2).get("content"));
        assertEquals(1, transcript.stream().filter(line -> line.equals(lastLine)).count(),
                "the last line is written once: " + transcript);
        assertEquals("answered", record.get("outcome"));
    }

    @Test
    void uploadsFactsAtOnceAndTranscriptOnlyTurnsLaterOrAtHangUp() throws Exception {
        RetellCall details = TestCalls.inbound(Clinics.AGENT_ID);
        try (RetellCallClient call = TestCalls.open(root, details)) {
            assertTrue(call.greeting().await(3000));
            call.acceptSpoken(call.greeting());

            for (String question : List.of("What are your opening hours?", "Is there parking?",
                    "Do you take insurance?")) {
                assertTrue(call.say(question).await(5000));
            }
            Thread.sleep(500);
            assertEquals(0, uploads(details.callId()).size(),
                    "the greeting and text-only turns wait for the transcript interval");

            assertTrue(call.say("Can I come in next Tuesday?").await(5000));
            List<LoggedRequest> afterTool = awaitUploads(details.callId(), 1);
            String withTool = afterTool.get(afterTool.size() - 1).getBodyAsString();
            assertTrue(withTool.contains("find_slots") && withTool.contains("parking"),
                    "a tool call goes out at once, with the turns before it: " + withTool);
        }
        List<LoggedRequest> atEnd = awaitUploads(details.callId(), 2);
        String last = atEnd.get(atEnd.size() - 1).getBodyAsString();
        assertTrue(last.contains("\"endedAt\"") && last.contains("insurance") && last.contains("Tuesday"),
                "the hang-up record is complete: " + last);
        assertFalse(last.contains("\"endedAt\":null"), last);
    }

    private static Map<String, Object> awaitEndedRecord(String callId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            for (LoggedRequest upload : uploads(callId)) {
                Map<String, Object> record = BookingStubs.body(upload.getBodyAsString());
                if (record.get("endedAt") != null) {
                    return record;
                }
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no record of the ended call " + callId);
    }

    private static List<LoggedRequest> uploads(String callId) {
        return WireMockServers.booking.findAll(putRequestedFor(urlPathEqualTo("/api/conversations/" + callId)));
    }

    private static List<LoggedRequest> awaitUploads(String callId, int atLeast) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 3000;
        List<LoggedRequest> seen = uploads(callId);
        while (seen.size() < atLeast && System.currentTimeMillis() < deadline) {
            Thread.sleep(25);
            seen = uploads(callId);
        }
        assertTrue(seen.size() >= atLeast, "uploads: " + seen.size() + ", expected at least " + atLeast);
        return seen;
    }
}
