package com.dentaldesk.booking;

import static com.dentaldesk.booking.support.RetellEvents.newCallId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dentaldesk.booking.support.ClinicFixture;
import com.dentaldesk.booking.support.ClinicFixture.Clinic;
import com.dentaldesk.booking.support.EmbeddedPostgresResource;
import com.dentaldesk.contracts.calls.CallOutcome;
import com.dentaldesk.contracts.calls.ConversationLog;
import com.dentaldesk.contracts.calls.LeadRequest;
import com.dentaldesk.contracts.calls.ToolCallRecord;
import com.dentaldesk.contracts.calls.TranscriptEntry;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ConversationLogTest {

    @Inject
    ClinicFixture fixture;

    Clinic clinic;
    Clinic other;
    Instant started;

    @BeforeEach
    void twoClinics() {
        clinic = fixture.create("America/New_York");
        other = fixture.create("America/New_York");
        started = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    private ConversationLog log(String callId, List<TranscriptEntry> transcript, CallOutcome outcome) {
        return new ConversationLog(callId, "agent_x", "+12125550100", "+14155550100", started, null, transcript,
                List.of(new ToolCallRecord("t1", "find_slots", "{\"date\":\"2026-12-01\"}", "{\"slots\":[]}", true,
                        started.plusSeconds(20))),
                outcome, null, null);
    }

    @Test
    void shouldUpsertTheGatewaysLogWithTheLatestWriteWinning() {
        String callId = newCallId();
        clinic.gateway().body(log(callId, List.of(new TranscriptEntry("agent", "Hello")), null))
                .put("/api/conversations/" + callId).then().statusCode(200)
                .body("data.callId", equalTo(callId)).body("data.savedAt", notNullValue());
        clinic.gateway().get("/api/conversations/" + callId).then().statusCode(200).body("data.transcript", hasSize(1));
        clinic.gateway().body(new ConversationLog(callId, null, null, null, null, started.plusSeconds(60),
                List.of(new TranscriptEntry("agent", "Hello"), new TranscriptEntry("user", "Bye")), null,
                CallOutcome.answered, null, null)).put("/api/conversations/" + callId).then().statusCode(200);

        clinic.gateway().get("/api/conversations/" + callId).then().statusCode(200)
                .body("data.transcript", hasSize(2)).body("data.outcome", equalTo("answered"))
                .body("data.fromNumber", equalTo("+12125550100"))
                .body("data.toolCalls[0].name", equalTo("find_slots"))
                .body("data.toolCalls[0].result", equalTo("{\"slots\":[]}"))
                .body("data.endedAt", equalTo(started.plusSeconds(60).toString()));
    }

    @Test
    void shouldNotShowAnotherClinicsCall() {
        String callId = newCallId();
        clinic.gateway().body(log(callId, List.of(), CallOutcome.message)).put("/api/conversations/" + callId)
                .then().statusCode(200);

        other.gateway().get("/api/conversations/" + callId).then().statusCode(404);
        other.api().get("/api/conversations/" + callId).then().statusCode(404);
        other.api().get("/api/conversations").then().statusCode(200).body("data.callId", not(hasItem(callId)));
        clinic.api().get("/api/conversations/" + callId).then().statusCode(200);
        clinic.gateway().get("/api/conversations/" + newCallId()).then().statusCode(404);
    }

    @Test
    void shouldRefuseALinkToAnotherClinicsAppointment() {
        long provider = other.provider("Theirs");
        long room = other.room("Their op", true);
        long patient = other.patient("Tess", "212-555-0188");
        LocalDate day = other.futureWeekday(1);
        other.schedule(day, "08:00", "12:00", provider, room);
        long theirs = other.create("CreateAppointment", other.booking(patient, provider, day + " 09:00:00", 30), "AptNum");
        String callId = newCallId();

        clinic.gateway().body(new ConversationLog(callId, null, null, null, null, null, null, null,
                CallOutcome.booked, theirs, null)).put("/api/conversations/" + callId).then().statusCode(422)
                .body("error.message", equalTo("Appointment " + theirs + " not found"));
        clinic.gateway().body(new ConversationLog(callId, null, null, null, null, null, null, null,
                CallOutcome.message, null, 999_999L)).put("/api/conversations/" + callId).then().statusCode(422)
                .body("error.message", equalTo("Lead 999999 not found"));
        // A refused write stores nothing of what it carried.
        clinic.api().get("/api/conversations/" + callId).then().statusCode(404);
    }

    @Test
    void shouldListCallsInRangeWithOutcomeAndLinks() {
        String booked = newCallId();
        String messaged = newCallId();
        long provider = clinic.provider("Lister");
        long room = clinic.room("Op", true);
        long patient = clinic.patient("Lou", "212-555-0199");
        LocalDate day = clinic.futureWeekday(1);
        clinic.schedule(day, "08:00", "12:00", provider, room);
        long appointment = clinic.api().body(Map.of("functionName", "CreateAppointment", "sessionId", booked,
                "parameters", clinic.booking(patient, provider, day + " 10:00:00", 30))).post("/api/booking")
                .then().statusCode(200).extract().jsonPath().getLong("data.AptNum");
        clinic.gateway().body(log(booked, List.of(), null)).put("/api/conversations/" + booked).then().statusCode(200);
        clinic.gateway().body(log(messaged, List.of(), null)).put("/api/conversations/" + messaged).then()
                .statusCode(200);
        long lead = clinic.gateway().body(new LeadRequest(messaged, "Max", "212-555-0123", "callback"))
                .post("/api/leads").then().statusCode(200).extract().jsonPath().getLong("data.id");

        String today = LocalDate.now(clinic.zone()).toString();
        var list = clinic.api().queryParam("from", LocalDate.now(clinic.zone()).minusDays(1).toString())
                .queryParam("to", today).get("/api/conversations").then().statusCode(200);
        list.body("data", hasSize(2))
                .body("data.find { it.callId == '" + booked + "' }.outcome", equalTo("booked"))
                .body("data.find { it.callId == '" + booked + "' }.appointmentId", equalTo((int) appointment))
                .body("data.find { it.callId == '" + messaged + "' }.outcome", equalTo("message"))
                .body("data.find { it.callId == '" + messaged + "' }.leadId", equalTo((int) lead));
        clinic.api().queryParam("from", "2020-01-01").queryParam("to", "2020-01-02").get("/api/conversations")
                .then().statusCode(200).body("data", hasSize(0));
        clinic.api().queryParam("from", "yesterday").get("/api/conversations").then().statusCode(422);
    }

    @Test
    void shouldKeepOneLeadPerCallAndLetStaffCloseIt() {
        String callId = newCallId();
        long first = clinic.gateway().body(new LeadRequest(callId, "Ann", null, "tooth ache"))
                .post("/api/leads").then().statusCode(200).body("data.status", equalTo("new"))
                .extract().jsonPath().getLong("data.id");
        clinic.gateway().body(new LeadRequest(callId, null, "(212) 555-0111", null)).post("/api/leads").then()
                .statusCode(200).body("data.id", equalTo((int) first)).body("data.name", equalTo("Ann"))
                .body("data.phone", equalTo("+12125550111")).body("data.reason", equalTo("tooth ache"));
        clinic.gateway().body(new LeadRequest(newCallId(), null, null, "nothing to call back"))
                .post("/api/leads").then().statusCode(422);

        clinic.api().get("/api/leads").then().body("data", hasSize(1));
        other.api().post("/api/leads/" + first + "/done").then().statusCode(404);
        clinic.api().post("/api/leads/" + first + "/done").then().statusCode(200).body("data.status", equalTo("done"));
        clinic.api().queryParam("status", "new").get("/api/leads").then().body("data", hasSize(0));
        other.api().get("/api/leads").then().body("data", hasSize(0));
    }

    @Test
    void shouldRequireAClinicForTheCallLog() {
        given().header("Authorization", "Bearer " + ClinicFixture.SERVICE_TOKEN).get("/api/conversations").then()
                .statusCode(401);
        given().get("/api/leads").then().statusCode(401);
        clinic.api().get("/api/conversations/" + newCallId()).then().statusCode(404)
                .body("data", nullValue());
    }
}
