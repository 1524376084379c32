package com.dentaldesk.booking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dentaldesk.booking.support.ClinicFixture;
import com.dentaldesk.booking.support.ClinicFixture.Clinic;
import com.dentaldesk.booking.support.EmbeddedPostgresResource;
import com.dentaldesk.booking.tenancy.ApiKeys;
import com.dentaldesk.booking.tenancy.OrganizationChannel;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class TenancyAndAuthTest {

    @Inject
    ClinicFixture fixture;

    @Inject
    ApiKeys apiKeys;

    Clinic mine;
    Clinic theirs;
    long theirPatient;
    long theirProvider;
    long theirRoom;
    long theirAppointment;
    LocalDate day;

    @BeforeEach
    void twoClinics() {
        mine = fixture.create("America/New_York");
        theirs = fixture.create("America/Los_Angeles");
        day = theirs.futureWeekday(2);
        theirProvider = theirs.provider("Theirs");
        theirRoom = theirs.room("Their room", true);
        theirPatient = theirs.patient("Secret", "415-555-0199");
        theirs.schedule(day, "08:00", "12:00", theirProvider, theirRoom);
        theirAppointment = theirs.create("CreateAppointment",
                theirs.booking(theirPatient, theirProvider, day + " 09:00:00", 30), "AptNum");
    }

    @Test
    void shouldTreatAnotherClinicsIdsAsNotFoundInReads() {
        mine.call("GetPatient", Map.of("PatNum", theirPatient)).statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        mine.api().get("/api/patients/" + theirPatient).then().statusCode(404);
        mine.call("GetProvider", Map.of("ProvNum", theirProvider)).statusCode(404);
        mine.call("GetOperatory", Map.of("OperatoryNum", theirRoom)).statusCode(404);
        mine.api().get("/api/appointments/" + theirAppointment).then().statusCode(404);
        mine.call("GetAppointments", Map.of("DateStart", day.toString(), "DateEnd", day.toString()))
                .statusCode(200).body("data", hasSize(0));
        mine.call("GetMultiplePatients", Map.of("Phone", "415-555-0199")).statusCode(200).body("data", hasSize(0));
        mine.call("GetAvailableSlots", Map.of("dateStart", day.toString(), "dateEnd", day.toString()))
                .statusCode(200).body("data", hasSize(0));
    }

    @Test
    void shouldTreatAnotherClinicsIdsAsNotFoundInWritesAndReferences() {
        long myProvider = mine.provider("Mine");
        long myRoom = mine.room("My room", true);
        long myPatient = mine.patient("Own", "212-555-0111");
        mine.schedule(day, "08:00", "12:00", myProvider, myRoom);

        mine.call("CreateAppointment", mine.booking(theirPatient, myProvider, day + " 10:00:00", 30)).statusCode(404);
        mine.call("CreateAppointment", mine.booking(myPatient, theirProvider, day + " 10:00:00", 30)).statusCode(404);
        Map<String, Object> intoTheirRoom = mine.booking(myPatient, myProvider, day + " 10:00:00", 30);
        intoTheirRoom.put("Op", theirRoom);
        mine.call("CreateAppointment", intoTheirRoom).statusCode(404);
        mine.call("UpdateAppointment", Map.of("AptNum", theirAppointment, "Note", "mine now")).statusCode(404);
        mine.call("DeleteAppointment", Map.of("AptNum", theirAppointment)).statusCode(404);
        mine.call("UpdatePatient", Map.of("PatNum", theirPatient, "FName", "Hacked")).statusCode(404);
        mine.call("CreateSchedule", Map.of("SchedDate", day.toString(), "StartTime", "13:00", "StopTime", "14:00",
                "ProvNum", theirProvider, "OpNum", myRoom)).statusCode(404);

        theirs.call("GetPatient", Map.of("PatNum", theirPatient)).statusCode(200)
                .body("data.FName", equalTo("Secret"));
        theirs.api().get("/api/appointments/" + theirAppointment).then().statusCode(200)
                .body("data.AptStatus", equalTo("Scheduled")).body("data.Note", equalTo(null));
    }

    @Test
    void shouldRejectMissingWrongAndRevokedKeys() {
        given().contentType(ContentType.JSON).body(Map.of("functionName", "GetProviders"))
                .post("/api/booking").then().statusCode(401)
                .body("success", equalTo(false)).body("error.code", equalTo("UNAUTHORIZED"));
        given().header("Authorization", "Bearer dk_not_a_key").contentType(ContentType.JSON)
                .body(Map.of("functionName", "GetProviders")).post("/api/booking").then().statusCode(401);
        given().get("/api/patients/1").then().statusCode(401);

        String key = ApiKeys.newKey();
        apiKeys.register(mine.id(), "to revoke", key);
        given().header("Authorization", "Bearer " + key).get("/api/providers").then().statusCode(200);
        apiKeys.revoke(mine.id(), apiKeys.findActive(key).orElseThrow().id);
        given().header("Authorization", "Bearer " + key).get("/api/providers").then().statusCode(401);
    }

    @Test
    void shouldLetTheServiceTokenActForTheNamedClinicOnly() {
        given().header("Authorization", "Bearer " + ClinicFixture.SERVICE_TOKEN)
                .header("X-Clinic-Slug", theirs.slug())
                .get("/api/patients/" + theirPatient).then().statusCode(200).body("data.FName", equalTo("Secret"));
        given().header("Authorization", "Bearer " + ClinicFixture.SERVICE_TOKEN)
                .header("X-Clinic-Slug", "no-such-clinic")
                .get("/api/providers").then().statusCode(404);
        // The service token must name a clinic before any function runs.
        given().header("Authorization", "Bearer " + ClinicFixture.SERVICE_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("functionName", "GetProviders")).post("/api/booking").then().statusCode(401);
        // A clinic key cannot borrow another clinic through the header: the header is ignored.
        mine.api().header("X-Clinic-Slug", theirs.slug()).get("/api/patients/" + theirPatient).then().statusCode(404);
        // The header alone is no credential.
        given().header("X-Clinic-Slug", theirs.slug()).get("/api/patients/" + theirPatient).then().statusCode(401);
    }

    @Test
    void shouldResolveClinicsByAgentNumberOrSlugWithoutFallback() {
        String agent = "agent_" + theirs.slug();
        fixture.addChannel(theirs, OrganizationChannel.RETELL_AGENT, agent);
        fixture.addChannel(theirs, OrganizationChannel.PHONE_NUMBER, "+14155550123");
        var service = given().header("Authorization", "Bearer " + ClinicFixture.SERVICE_TOKEN);

        service.queryParam("agent_id", agent).get("/api/organizations/resolve").then().statusCode(200)
                .body("data.slug", equalTo(theirs.slug()))
                .body("data.timezone", equalTo("America/Los_Angeles"))
                .body("data.providers[0].LName", equalTo("Theirs"));
        given().header("Authorization", "Bearer " + ClinicFixture.SERVICE_TOKEN)
                .queryParam("to_number", "(415) 555-0123").get("/api/organizations/resolve").then()
                .statusCode(200).body("data.slug", equalTo(theirs.slug()));
        given().header("Authorization", "Bearer " + ClinicFixture.SERVICE_TOKEN)
                .queryParam("slug", mine.slug()).get("/api/organizations/resolve").then()
                .statusCode(200).body("data.slug", equalTo(mine.slug()));
        given().header("Authorization", "Bearer " + ClinicFixture.SERVICE_TOKEN)
                .queryParam("agent_id", "agent_unknown").get("/api/organizations/resolve").then().statusCode(404);
        given().header("Authorization", "Bearer " + ClinicFixture.SERVICE_TOKEN)
                .queryParam("to_number", "+19995550000").get("/api/organizations/resolve").then().statusCode(404);
        mine.api().queryParam("slug", mine.slug()).get("/api/organizations/resolve").then().statusCode(401);
    }
}
