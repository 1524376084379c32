package com.dentaldesk.booking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.dentaldesk.booking.support.ClinicFixture;
import com.dentaldesk.booking.support.ClinicFixture.Clinic;
import com.dentaldesk.booking.staff.StaffRole;
import com.dentaldesk.booking.support.PlainRoleDatabase;
import com.dentaldesk.contracts.calls.CallOutcome;
import com.dentaldesk.contracts.calls.ConversationLog;
import com.dentaldesk.contracts.calls.LeadRequest;
import com.dentaldesk.contracts.calls.TranscriptEntry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * With row-level security binding the application (a plain database role), every API read and write still sees the
 * clinic's own rows and only those: each one runs in a transaction that names the clinic to the database.
 */
@QuarkusTest
@TestProfile(PlainRoleDatabase.class)
class PlainDatabaseRoleTest {

    @Inject
    ClinicFixture fixture;

    @Inject
    EntityManager entityManager;

    @Test
    void runsAsARoleThatRowLevelSecurityBinds() {
        Object[] role = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "select current_user, rolsuper or rolbypassrls from pg_roles where rolname = current_user")
                .getSingleResult());
        assertEquals(PlainRoleDatabase.ROLE, role[0]);
        assertEquals(false, role[1], "neither superuser nor BYPASSRLS");
    }

    /** A search reads outside Hibernate's transactions, on a connection of its own: it names the clinic there too. */
    @Test
    void slotSearchesSeeTheirClinicsBookOnly() {
        Clinic mine = fixture.create("America/New_York");
        Clinic theirs = fixture.create("America/New_York");
        long provider = mine.provider("Rowe");
        long room = mine.room("Op 1", true);
        long patient = mine.patient("Ada", "+12125550102");
        LocalDate day = mine.futureWeekday(1);
        mine.schedule(day, "09:00", "10:00", provider, room);
        mine.call("CreateAppointment", mine.booking(patient, provider, day + " 09:00:00", 30)).statusCode(200);
        Map<String, Object> search = Map.of("dateStart", day.toString(), "dateEnd", day.toString());

        mine.call("GetAvailableSlots", search).statusCode(200)
                .body("data.DateTimeStart", equalTo(List.of(day + " 09:30:00")))
                .body("data[0].ProvNum", equalTo((int) provider));
        theirs.call("GetAvailableSlots", search).statusCode(200).body("data", hasSize(0));
    }

    @Test
    void callLogsLeadsPatientsAndTheConsoleSeeTheirClinicOnly() {
        Clinic mine = fixture.create("America/New_York");
        Clinic theirs = fixture.create("America/New_York");
        String callId = "plain-" + System.nanoTime();
        Instant started = Instant.now().minus(5, ChronoUnit.MINUTES);

        mine.gateway().body(new ConversationLog(callId, "agent_x", "+12125550143", "+12125550100", started, null,
                List.of(new TranscriptEntry("agent", "Hello"), new TranscriptEntry("user", "I need a cleaning")),
                null, CallOutcome.message, null, null)).put("/api/conversations/" + callId).then().statusCode(200);
        mine.gateway().get("/api/conversations/" + callId).then().statusCode(200)
                .body("data.transcript", hasSize(2)).body("data.outcome", equalTo("message"));
        mine.api().get("/api/conversations").then().statusCode(200).body("data.callId", hasItem(callId));

        mine.gateway().body(new LeadRequest(callId, "Max", "212-555-0123", "Call me back")).post("/api/leads").then()
                .statusCode(200);
        mine.api().get("/api/leads").then().statusCode(200).body("data.callId", hasItem(callId));

        long patient = mine.patient("Ada", "+12125550101");
        mine.call("GetPatient", Map.of("PatNum", patient)).statusCode(200)
                .body("data.FName", equalTo("Ada"));

        var owner = fixture.person(mine, StaffRole.OWNER);
        String session = given().redirects().follow(false).formParam("email", owner.email())
                .formParam("password", owner.password()).post("/console/sign-in").then().statusCode(303)
                .extract().cookie("dd_console");
        given().cookie("dd_console", session).get("/console/calls/" + callId).then().statusCode(200)
                .body(containsString("I need a cleaning"));

        theirs.gateway().get("/api/conversations/" + callId).then().statusCode(404);
        theirs.api().get("/api/conversations").then().statusCode(200).body("data.callId", not(hasItem(callId)));
        theirs.api().get("/api/leads").then().statusCode(200).body("data.callId", not(hasItem(callId)));
        theirs.call("GetPatient", Map.of("PatNum", patient)).statusCode(404);
    }
}
