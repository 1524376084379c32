package com.dentaldesk.voice.e2e;

import static com.dentaldesk.voice.support.OpenAiStubs.sse;
import static com.dentaldesk.voice.support.OpenAiStubs.text;
import static com.dentaldesk.voice.support.OpenAiStubs.toolCall;
import static com.dentaldesk.voice.support.OpenAiStubs.whenCallerSays;
import static com.dentaldesk.voice.support.OpenAiStubs.whenToolReturns;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.ZoneId;
import java.util.UUID;

import com.dentaldesk.contracts.retell.RetellCall;
import com.dentaldesk.simulator.AgentTurn;
import com.dentaldesk.simulator.RetellCallClient;
import com.dentaldesk.voice.support.OpenAiStubs;
import com.dentaldesk.voice.support.RealBookingApi;
import com.dentaldesk.voice.support.TestCalls;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * What the end-to-end tests share: Jordan (a seeded patient of demo-dental) calling through the gateway, the
 * model's script for booking a cleaning, and the demo clinic's own view through booking-api.
 */
final class DemoCalls {

    static final ZoneId DEMO_ZONE = ZoneId.of("America/New_York");

    private DemoCalls() {
    }

    /**
     * The model's side of a booking on {@code day} (as the caller says it, e.g. "next Tuesday"): find Jordan, offer
     * that day's slots; the gateway asks its own question; book on the yes.
     */
    static void scriptBooking(OpenAiStubs openai, String day) {
        openai.stub(whenCallerSays("cleaning " + day), sse(toolCall("call_p1", "find_patient", "{}")));
        openai.stub(whenToolReturns("call_p1"), sse(toolCall("call_s1", "find_slots", "{\"day\":\"" + day + "\"}")));
        openai.stub(whenToolReturns("call_s1"), sse(text("I have a few times with Dr. Patel. Which works for you? ")));
        openai.stub(whenCallerSays("first one works"), sse(toolCall("call_b1", "book_appointment", "{\"option\":1}")));
        openai.stub(whenCallerSays("Yes please"), sse(toolCall("call_b2", "book_appointment", "{\"option\":1}")));
        openai.stub(whenToolReturns("call_b2"), sse(text("You're booked. Anything else? ")));
    }

    /** The caller's side of the scripted booking; the call is booked when this returns. */
    static void bookACleaning(RetellCallClient call, String day) throws InterruptedException {
        turn(call, "I need a cleaning " + day);
        turn(call, "The first one works");
        AgentTurn booked = turn(call, "Yes please");
        assertTrue(booked.toolResults().get(0).successful(), booked.toolResults().get(0).content());
    }

    static RetellCall jordanCalls() {
        return new RetellCall("e2e-" + UUID.randomUUID(), RealBookingApi.DEMO_AGENT_ID, RealBookingApi.JORDAN_PHONE,
                "+12125550100", "inbound", null, null, System.currentTimeMillis());
    }

    static RetellCallClient greeted(URL root, RetellCall details) throws InterruptedException {
        RetellCallClient call = TestCalls.open(root, details);
        assertTrue(call.greeting().await(5000), "greeting");
        assertTrue(call.greeting().content().contains("Bright Smile Dental"), call.greeting().content());
        call.acceptSpoken(call.greeting());
        return call;
    }

    static AgentTurn turn(RetellCallClient call, String words) throws InterruptedException {
        AgentTurn turn = call.say(words);
        assertTrue(turn.await(10000), "answer to: " + words);
        call.acceptSpoken(turn);
        return turn;
    }

    /** The clinic's call log entry once the gateway's upload shows {@code outcome} (it uploads in the background). */
    static JsonPath awaitCallLog(String callId, String outcome) throws InterruptedException {
        JsonPath log = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            log = demo().get(RealBookingApi.baseUrl + "/api/conversations/" + callId).then().extract().jsonPath();
            if (outcome.equals(log.getString("data.outcome"))) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(outcome, log.getString("data.outcome"), log.prettify());
        return log;
    }

    /** demo-dental's own API key. */
    static RequestSpecification demo() {
        return given().header("Authorization", "Bearer " + RealBookingApi.DEMO_KEY).contentType(ContentType.JSON);
    }
}
