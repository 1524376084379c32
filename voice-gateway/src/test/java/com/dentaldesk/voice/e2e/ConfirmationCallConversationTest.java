package com.dentaldesk.voice.e2e;

import static com.dentaldesk.voice.e2e.DemoCalls.demo;
import static com.dentaldesk.voice.e2e.DemoCalls.turn;
import static com.dentaldesk.voice.support.OpenAiStubs.sse;
import static com.dentaldesk.voice.support.OpenAiStubs.text;
import static com.dentaldesk.voice.support.OpenAiStubs.toolCall;
import static com.dentaldesk.voice.support.OpenAiStubs.whenCallerSays;
import static com.dentaldesk.voice.support.OpenAiStubs.whenToolReturns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dentaldesk.contracts.retell.RetellCall;
import com.dentaldesk.simulator.AgentTurn;
import com.dentaldesk.simulator.RetellCallClient;
import com.dentaldesk.voice.support.OpenAiStubs;
import com.dentaldesk.voice.support.RealBookingApi;
import com.dentaldesk.voice.support.WireMockServers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Confirmation calls from end to end: booking-api's job places the call through Retell (stubbed), the call arrives
 * at the gateway as Retell would connect it (outbound, with the job's metadata), a scripted model answers, and the
 * outcome lands on the appointment in the real book.
 */
@QuarkusTest
@TestProfile(RealBookingProfile.class)
class ConfirmationCallConversationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Only appointments of this type are called, so the demo clinic's other bookings are left alone. */
    private static final String TYPE = "e2e-confirmation";
    private static final String CLINIC_NUMBER = "+12125550100";

    @TestHTTPResource("/")
    URL root;

    OpenAiStubs openai;

    /** A patient with one visit to confirm, and the call the job placed about it. */
    record Placed(long patientId, long appointmentId, String phone, String when, RetellCall call) {
    }

    @BeforeEach
    void confirmationCallsOn() {
        openai = new OpenAiStubs(WireMockServers.openai).reset();
        RealBookingApi.retellPlacesCalls();
        demo().body(Map.of("enabled", true, "hoursBefore", 168, "callingFrom", "00:00", "callingUntil", "23:59",
                "callingDays", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"), "retries", 0,
                "appointmentTypes", List.of(TYPE))).put(RealBookingApi.baseUrl + "/api/confirmations/settings")
                .then().statusCode(200);
    }

    @Test
    void shouldRecordTheConfirmationAndSayItOnlyAfterItIsRecorded() throws Exception {
        Placed placed = bookAndAwaitCall("Sam");
        openai.stub(whenCallerSays("this is Sam"), sse(text("Great. I'm calling about your visit on "
                + placed.when() + ". Can you make it? ")));
        openai.stub(whenCallerSays("I'll be there"), sse(toolCall("call_c1", "confirm_appointment", "{}")));
        openai.stub(whenToolReturns("call_c1"), sse(text("Thank you, your appointment is confirmed. Goodbye! ")));
        try (RetellCallClient call = greeted(placed)) {
            turn(call, "Yes, this is Sam");
            AgentTurn confirmed = turn(call, "Yes, I'll be there");
            assertEquals(List.of("confirm_appointment"), confirmed.toolsInvoked());
            assertTrue(confirmed.toolResults().get(0).successful(), confirmed.toolResults().get(0).content());
            assertTrue(confirmed.content().contains("confirmed"), confirmed.content());
        }
        assertEquals("confirmed", confirmation(placed).getString("status"));
    }

    @Test
    void shouldCancelOnTheCallAndFreeTheTime() throws Exception {
        Placed placed = bookAndAwaitCall("Casey");
        scriptListing("can't make it", "cancel_appointment", "{\"appointment_option\":1}");
        openai.stub(whenCallerSays("Yes, cancel"), sse(toolCall("call_x2", "cancel_appointment",
                "{\"appointment_option\":1}")));
        openai.stub(whenToolReturns("call_x2"), sse(text("It's cancelled. Thank you, goodbye! ")));
        String start = appointment(placed).getString("data.AptDateTime");
        try (RetellCallClient call = greeted(placed)) {
            AgentTurn question = turn(call, "This is Casey, but I can't make it");
            assertFalse(question.toolResults().get(question.toolResults().size() - 1).successful(),
                    "asks before cancelling");
            AgentTurn cancelled = turn(call, "Yes, cancel it please");
            assertTrue(cancelled.toolResults().get(0).successful(), cancelled.toolResults().get(0).content());
        }
        assertEquals("Cancelled", appointment(placed).getString("data.AptStatus"));
        assertEquals("cancelled", confirmation(placed).getString("status"));
        LocalDate day = LocalDate.parse(start.substring(0, 10));
        List<String> free = demo().body(Map.of("functionName", "GetAvailableSlots", "parameters", Map.of("dateStart",
                day.toString(), "dateEnd", day.toString(), "ProvNum", appointment(placed).getLong("data.ProvNum"),
                "lengthMinutes", 30, "limit", 1000))).post(RealBookingApi.baseUrl + "/api/booking").then()
                .statusCode(200).extract().jsonPath().getList("data.DateTimeStart");
        assertTrue(free.contains(start), "the cancelled time is offered again: " + start + " in " + free);
    }

    @Test
    void shouldMoveTheVisitWhenThePatientAsksForAnotherDay() throws Exception {
        Placed placed = bookAndAwaitCall("Morgan");
        String before = appointment(placed).getString("data.AptDateTime");
        openai.stub(whenCallerSays("another day"), sse(toolCall("call_m1", "find_patient", "{}")));
        openai.stub(whenToolReturns("call_m1"), sse(toolCall("call_m2", "list_my_appointments", "{}")));
        openai.stub(whenToolReturns("call_m2"), sse(toolCall("call_m3", "find_slots", "{\"day\":\"next Thursday\"}")));
        openai.stub(whenToolReturns("call_m3"), sse(text("I have a few times next Thursday. Which one works? ")));
        openai.stub(whenCallerSays("first one"), sse(toolCall("call_m4", "reschedule_appointment",
                "{\"appointment_option\":1,\"slot_option\":1}")));
        openai.stub(whenCallerSays("Yes please, that works"), sse(toolCall("call_m5", "reschedule_appointment",
                "{\"appointment_option\":1,\"slot_option\":1}")));
        openai.stub(whenToolReturns("call_m5"), sse(text("Done, it's moved. Goodbye! ")));
        try (RetellCallClient call = greeted(placed)) {
            turn(call, "It's Morgan. Could we do another day?");
            turn(call, "The first one");
            AgentTurn moved = turn(call, "Yes please, that works");
            assertTrue(moved.toolResults().get(0).successful(), moved.toolResults().get(0).content());
        }
        assertFalse(before.equals(appointment(placed).getString("data.AptDateTime")), "a new time in the book");
        assertEquals("moved", confirmation(placed).getString("status"));
    }

    @Test
    void shouldLeaveAMessageWithoutPatientDataOnVoicemailAndHangUp() throws Exception {
        Placed placed = bookAndAwaitCall("Riley");
        try (RetellCallClient call = greeted(placed)) {
            AgentTurn message = turn(call, "Hi, you've reached Riley. Please leave a message after the tone.");
            assertTrue(message.endCall(), "hangs up after the message");
            assertTrue(message.content().contains("call back"), message.content());
            assertFalse(message.content().contains("Riley") || message.content().contains(placed.when()),
                    "no name or visit on a recording: " + message.content());
            assertTrue(message.toolsInvoked().isEmpty());
        }
        assertTrue(WireMockServers.openai.getAllServeEvents().isEmpty(), "the model never answered a recording");
        assertEquals("voicemail", confirmation(placed).getString("status"));
    }

    @Test
    void shouldNeverCallAPatientAgainWhoSaysDontCallMe() throws Exception {
        Placed placed = bookAndAwaitCall("Jamie");
        openai.stub(whenCallerSays("stop calling"), sse(toolCall("call_o1", "stop_calls", "{}")));
        openai.stub(whenToolReturns("call_o1"), sse(text("Understood, we won't call you again. Goodbye! ")));
        try (RetellCallClient call = greeted(placed)) {
            AgentTurn stopped = turn(call, "Please stop calling me");
            assertTrue(stopped.toolResults().get(0).successful(), stopped.toolResults().get(0).content());
        }
        assertEquals("opted_out", confirmation(placed).getString("status"));
        // Another visit of the same patient: the job (every second here) never calls about it.
        long second = book(placed.patientId(), 1);
        Thread.sleep(3_000);
        assertEquals(1, callsTo(placed.phone()).size(), "called once, never again");
        assertEquals(0, demo().queryParam("from", LocalDate.now(DemoCalls.DEMO_ZONE).toString())
                .queryParam("to", LocalDate.now(DemoCalls.DEMO_ZONE).plusDays(14).toString())
                .get(RealBookingApi.baseUrl + "/api/confirmations").then().statusCode(200).extract().jsonPath()
                .getList("data.findAll { it.appointmentId == " + second + " }").size());
    }

    /** find_patient, then list_my_appointments, then the write tool's first call (the gateway asks its question). */
    private void scriptListing(String callerWords, String tool, String args) {
        openai.stub(whenCallerSays(callerWords), sse(toolCall("call_l1", "find_patient", "{}")));
        openai.stub(whenToolReturns("call_l1"), sse(toolCall("call_l2", "list_my_appointments", "{}")));
        openai.stub(whenToolReturns("call_l2"), sse(toolCall("call_x1", tool, args)));
    }

    private Placed bookAndAwaitCall(String firstName) throws Exception {
        String phone = "+1646" + (2_000_000 + ThreadLocalRandom.current().nextInt(7_000_000));
        long patient = demo().body(Map.of("functionName", "CreatePatient", "parameters", Map.of("FName", firstName,
                "LName", "Confirm", "Birthdate", "1985-03-04", "WirelessPhone", phone)))
                .post(RealBookingApi.baseUrl + "/api/booking").then().statusCode(200).extract().jsonPath()
                .getLong("data.PatNum");
        long appointment = book(patient, 0);
        ServeEvent request = awaitCallTo(phone);
        JsonNode body = JSON.readTree(request.getRequest().getBodyAsString());
        String callId = JSON.readTree(request.getResponse().getBodyAsString()).path("call_id").asText();
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = JSON.convertValue(body.path("metadata"), Map.class);
        assertEquals(appointment, body.path("metadata").path("appointment_id").asLong());
        assertEquals(CLINIC_NUMBER, body.path("from_number").asText());
        RetellCall call = new RetellCall(callId, RealBookingApi.DEMO_AGENT_ID, CLINIC_NUMBER, phone, "outbound",
                metadata, null, System.currentTimeMillis());
        return new Placed(patient, appointment, phone, body.path("metadata").path("appointment_time").asText(), call);
    }

    /** Books the patient's {@code nth} free 30 minutes with Dr. Patel from the day after tomorrow on. */
    private long book(long patient, int nth) {
        LocalDate from = LocalDate.now(DemoCalls.DEMO_ZONE).plusDays(2);
        List<String> free = demo().body(Map.of("functionName", "GetAvailableSlots", "parameters", Map.of("dateStart",
                from.toString(), "dateEnd", from.plusDays(4).toString(), "ProvNum", 1, "lengthMinutes", 30)))
                .post(RealBookingApi.baseUrl + "/api/booking").then().statusCode(200).extract().jsonPath()
                .getList("data.DateTimeStart");
        return demo().body(Map.of("functionName", "CreateAppointment", "parameters", Map.of("PatNum", patient,
                "ProvNum", 1, "AptDateTime", free.get(nth * 3), "lengthMinutes", 30, "AptType", TYPE)))
                .post(RealBookingApi.baseUrl + "/api/booking").then().statusCode(200).extract().jsonPath()
                .getLong("data.AptNum");
    }

    private RetellCallClient greeted(Placed placed) throws InterruptedException {
        RetellCallClient call = com.dentaldesk.voice.support.TestCalls.open(root, placed.call());
        assertTrue(call.greeting().await(5000), "greeting");
        String greeting = call.greeting().content();
        assertTrue(greeting.contains("Bright Smile Dental") && greeting.contains("May I speak with"), greeting);
        assertFalse(greeting.contains(placed.when()) || greeting.contains("appointment"),
                "no reason or visit before a person answers: " + greeting);
        call.acceptSpoken(call.greeting());
        return call;
    }

    private static ServeEvent awaitCallTo(String phone) throws InterruptedException {
        for (int attempt = 0; attempt < 300; attempt++) {
            List<ServeEvent> calls = callsTo(phone);
            if (!calls.isEmpty()) {
                return calls.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the confirmation job placed no call to the patient within 30 s");
    }

    private static List<ServeEvent> callsTo(String phone) {
        return RealBookingApi.retell.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith("/v2/create-phone-call")
                        && event.getRequest().getBodyAsString().contains(phone))
                .toList();
    }

    private static JsonPath appointment(Placed placed) {
        return demo().get(RealBookingApi.baseUrl + "/api/appointments/" + placed.appointmentId()).then()
                .statusCode(200).extract().jsonPath();
    }

    /** The appointment's confirmation call as the clinic sees it, once the outcome is in. */
    private static JsonPath confirmation(Placed placed) throws InterruptedException {
        JsonPath row = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            List<Map<String, Object>> rows = demo().queryParam("from", LocalDate.now(DemoCalls.DEMO_ZONE).toString())
                    .queryParam("to", LocalDate.now(DemoCalls.DEMO_ZONE).plusDays(14).toString())
                    .get(RealBookingApi.baseUrl + "/api/confirmations").then().statusCode(200).extract().jsonPath()
                    .getList("data");
            row = rows.stream().filter(r -> ((Number) r.get("appointmentId")).longValue() == placed.appointmentId())
                    .findFirst().map(r -> new JsonPath(toJson(r))).orElse(null);
            if (row != null && !List.of("due", "placing", "calling").contains(row.getString("status"))) {
                return row;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no outcome for appointment " + placed.appointmentId() + ": "
                + (row == null ? "no row" : row.prettify()));
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
