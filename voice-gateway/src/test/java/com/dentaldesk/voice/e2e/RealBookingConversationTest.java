package com.dentaldesk.voice.e2e;

import static com.dentaldesk.voice.e2e.DemoCalls.awaitCallLog;
import static com.dentaldesk.voice.e2e.DemoCalls.demo;
import static com.dentaldesk.voice.e2e.DemoCalls.greeted;
import static com.dentaldesk.voice.e2e.DemoCalls.jordanCalls;
import static com.dentaldesk.voice.e2e.DemoCalls.turn;
import static com.dentaldesk.voice.support.OpenAiStubs.sse;
import static com.dentaldesk.voice.support.OpenAiStubs.text;
import static com.dentaldesk.voice.support.OpenAiStubs.whenToolReturns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dentaldesk.contracts.retell.RetellCall;
import com.dentaldesk.simulator.AgentTurn;
import com.dentaldesk.simulator.RetellCallClient;
import com.dentaldesk.voice.support.OpenAiStubs;
import com.dentaldesk.voice.support.RealBookingApi;
import com.dentaldesk.voice.support.WireMockServers;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
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
        DemoCalls.scriptBooking(openai, "next Tuesday");
    }

    @Test
    void shouldPutTheConfirmedSlotIntoTheClinicsBook() throws Exception {
        int before = scheduledAppointmentsOfJordan().size();
        RetellCall details = jordanCalls();
        try (RetellCallClient call = greeted(root, details)) {
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
        JsonPath log = awaitCallLog(callId, "booked");
        assertTrue(log.getLong("data.appointmentId") > 0, log.prettify());
        assertTrue(log.getList("data.toolCalls.name").contains("book_appointment"), log.prettify());
        assertTrue(log.getList("data.transcript").size() >= 4, log.prettify());
    }

    @Test
    void shouldOfferTheBooksAlternativesWhenAnotherCallerTookTheSlot() throws Exception {
        try (RetellCallClient call = greeted(root, jordanCalls())) {
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
        return LocalDate.now(DemoCalls.DEMO_ZONE).plusWeeks(1).with(java.time.DayOfWeek.TUESDAY);
    }

    private List<Map<String, Object>> scheduledAppointmentsOfJordan() {
        LocalDate today = LocalDate.now(DemoCalls.DEMO_ZONE);
        return demo().body(Map.of("functionName", "GetAppointments", "parameters", Map.of("DateStart",
                today.toString(), "DateEnd", today.plusDays(30).toString(), "PatNum", 1, "AptStatus", "Scheduled")))
                .post(RealBookingApi.baseUrl + "/api/booking").then().statusCode(200).extract().jsonPath()
                .getList("data");
    }
}
