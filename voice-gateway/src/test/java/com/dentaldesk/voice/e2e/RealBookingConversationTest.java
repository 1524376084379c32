package com.dentaldesk.voice.e2e;

import static com.dentaldesk.voice.support.OpenAiStubs.sse;
import static com.dentaldesk.voice.support.OpenAiStubs.text;
import static com.dentaldesk.voice.support.OpenAiStubs.toolCall;
import static com.dentaldesk.voice.support.OpenAiStubs.whenCallerSays;
import static com.dentaldesk.voice.support.OpenAiStubs.whenToolReturns;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dentaldesk.contracts.retell.RetellCall;
import com.dentaldesk.simulator.AgentTurn;
import com.dentaldesk.simulator.RetellCallClient;
import com.dentaldesk.voice.support.OpenAiStubs;
import com.dentaldesk.voice.support.RealBookingApi;
import com.dentaldesk.voice.support.TestCalls;
import com.dentaldesk.voice.support.WireMockServers;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A whole phone booking through the gateway into the real booking-api and its PostgreSQL: Retell's side is the
 * simulator, only the model is scripted. What counts is what ends up in the clinic's book.
 */
@QuarkusTest
@TestProfile(RealBookingProfile.class)
class RealBookingConversationTest {

    @TestHTTPResource("/")
    URL root;

    OpenAiStubs openai;

    @BeforeEach
    void script() {
        openai = new OpenAiStubs(WireMockServers.openai).reset();
        openai.stub(whenCallerSays("cleaning next Tuesday"), sse(toolCall("call_p1", "find_patient", "{}")));
        openai.stub(whenToolReturns("call_p1"), sse(toolCall("call_s1", "find_slots", "{\"day\":\"next Tuesday\"}")));
        openai.stub(whenToolReturns("call_s1"), sse(text("I have a few times with Dr. Patel. Which works for you? ")));
        openai.stub(whenCallerSays("first one works"), sse(toolCall("call_b1", "book_appointment", "{\"option\":1}")));
        openai.stub(whenToolReturns("call_b1"), sse(text("Shall I book that time with Dr. Patel for you? ")));
        openai.stub(whenCallerSays("Yes please"), sse(toolCall("call_b2", "book_appointment", "{\"option\":1}")));
        openai.stub(whenToolReturns("call_b2"), sse(text("You're booked. Anything else? ")));
    }

    @Test
    void shouldPutTheConfirmedSlotIntoTheClinicsBook() throws Exception {
        int before = scheduledAppointmentsOfJordan().size();
        RetellCall details = jordanCalls();
        try (RetellCallClient call = greeted(details)) {
            AgentTurn offer = turn(call, "I need a cleaning next Tuesday");
            assertEquals(List.of("find_patient", "find_slots"), offer.toolsInvoked());
            assertTrue(offer.toolResults().get(1).successful(), offer.toolResults().get(1).content());

            AgentTurn question = turn(call, "The first one works");
            assertFalse(question.toolResults().get(0).successful(), "asks before booking");
            assertEquals(before, scheduledAppointmentsOfJordan().size(), "nothing booked before the yes");

            AgentTurn booked = turn(call, "Yes please");
            assertTrue(booked.toolResults().get(0).successful(), booked.toolResults().get(0).content());
            assertTrue(booked.content().contains("booked"), booked.content());
        }
        List<Map<String, Object>> after = scheduledAppointmentsOfJordan();
        assertEquals(before + 1, after.size(), "exactly one new appointment");
        assertTrue(after.stream().anyMatch(apt -> LocalDate.parse(((String) apt.get("AptDateTime")).substring(0, 10))
                .getDayOfWeek() == java.time.DayOfWeek.TUESDAY), after.toString());
        assertCallLoggedAsBooked(details.callId());
    }

    /** The clinic's call log shows the call as booked, linked to the appointment, with the tool calls. */
    private static void assertCallLoggedAsBooked(String callId) throws InterruptedException {
        JsonPath log = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            log = demo().get(RealBookingApi.baseUrl + "/api/conversations/" + callId).then().extract().jsonPath();
            if ("booked".equals(log.getString("data.outcome"))) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals("booked", log.getString("data.outcome"), log.prettify());
        assertTrue(log.getLong("data.appointmentId") > 0, log.prettify());
        assertTrue(log.getList("data.toolCalls.name").contains("book_appointment"), log.prettify());
        assertTrue(log.getList("data.transcript").size() >= 4, log.prettify());
    }

    @Test
    void shouldOfferTheBooksAlternativesWhenAnotherCallerTookTheSlot() throws Exception {
        try (RetellCallClient call = greeted(jordanCalls())) {
            turn(call, "I need a cleaning next Tuesday");
            turn(call, "The first one works");
            // Another caller books every slot of that Tuesday morning's first hour with Dr. Patel meanwhile.
            takeFirstOfferedSlot();
            openai.stub(whenToolReturns("call_b2"), sse(text("Sorry, that time was just taken. ")));
            AgentTurn taken = turn(call, "Yes please");
            var result = taken.toolResults().get(0);
            assertFalse(result.successful());
            assertTrue(result.content().contains("SLOT_TAKEN"), result.content());
            assertFalse(taken.content().contains("booked"), taken.content());
        }
    }

    private void takeFirstOfferedSlot() {
        LocalDate tuesday = nextWeeksTuesday();
        JsonPath slots = demo().body(Map.of("functionName", "GetAvailableSlots", "parameters",
                Map.of("dateStart", tuesday.toString(), "dateEnd", tuesday.toString(), "ProvNum", 1,
                        "lengthMinutes", 60)))
                .post(RealBookingApi.baseUrl + "/api/booking").then().statusCode(200).extract().jsonPath();
        long other = demo().body(Map.of("functionName", "CreatePatient", "parameters", Map.of("FName", "Other",
                "LName", "Caller", "Birthdate", "1970-01-01", "WirelessPhone", "+12125550177")))
                .post(RealBookingApi.baseUrl + "/api/booking").then().statusCode(200).extract().jsonPath()
                .getLong("data.PatNum");
        // The first offered slot is the earliest one; booking 60 minutes from it blocks any 30-60 minute visit there.
        demo().body(Map.of("functionName", "CreateAppointment", "parameters", Map.of("PatNum", other, "ProvNum", 1,
                "AptDateTime", slots.getString("data[0].DateTimeStart"), "lengthMinutes", 60)))
                .post(RealBookingApi.baseUrl + "/api/booking").then().statusCode(200);
    }

    private static LocalDate nextWeeksTuesday() {
        return LocalDate.now(java.time.ZoneId.of("America/New_York")).plusWeeks(1)
                .with(java.time.DayOfWeek.TUESDAY);
    }

    private List<Map<String, Object>> scheduledAppointmentsOfJordan() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("America/New_York"));
        return demo().body(Map.of("functionName", "GetAppointments", "parameters", Map.of("DateStart",
                today.toString(), "DateEnd", today.plusDays(30).toString(), "PatNum", 1, "AptStatus", "Scheduled")))
                .post(RealBookingApi.baseUrl + "/api/booking").then().statusCode(200).extract().jsonPath()
                .getList("data");
    }

    private static io.restassured.specification.RequestSpecification demo() {
        return given().header("Authorization", "Bearer " + RealBookingApi.DEMO_KEY).contentType(ContentType.JSON);
    }

    private static RetellCall jordanCalls() {
        return new RetellCall("e2e-" + UUID.randomUUID(), RealBookingApi.DEMO_AGENT_ID, RealBookingApi.JORDAN_PHONE,
                "+12125550100", "inbound", null, null);
    }

    private RetellCallClient greeted(RetellCall details) throws InterruptedException {
        RetellCallClient call = TestCalls.open(root, details);
        assertTrue(call.greeting().await(5000), "greeting");
        assertTrue(call.greeting().content().contains("Bright Smile Dental"), call.greeting().content());
        call.acceptSpoken(call.greeting());
        return call;
    }

    private static AgentTurn turn(RetellCallClient call, String words) throws InterruptedException {
        AgentTurn turn = call.say(words);
        assertTrue(turn.await(10000), "answer to: " + words);
        call.acceptSpoken(turn);
        return turn;
    }
}
