package com.dentaldesk.booking;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.dentaldesk.booking.support.ClinicFixture;
import com.dentaldesk.booking.support.ClinicFixture.Clinic;
import com.dentaldesk.booking.support.EmbeddedPostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ErrorEnvelopeTest {

    @Inject
    ClinicFixture fixture;

    @Test
    void shouldNameEveryMissingFieldSoTheAgentAsksForThem() {
        Clinic clinic = fixture.create("America/New_York");
        clinic.call("CreateAppointment", Map.of())
                .statusCode(422)
                .body("success", equalTo(false))
                .body("error.code", equalTo("VALIDATION_FAILED"))
                .body("error.action", equalTo("ASK_USER"))
                .body("error.missing", equalTo(List.of("PatNum", "AptDateTime", "ProvNum")))
                .body("error.alternatives", equalTo(List.of()));
        clinic.call("CreatePatient", Map.of("FName", "Ana"))
                .statusCode(422)
                .body("error.missing", equalTo(List.of("LName", "Birthdate", "WirelessPhone")));
    }

    @Test
    void shouldListTheKnownFunctionsForAnUnknownOne() {
        Clinic clinic = fixture.create("America/New_York");
        clinic.call("BookEverything", Map.of())
                .statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"))
                .body("error.message", containsString("GetAvailableSlots"))
                .body("error.message", containsString("CreateAppointment"));
    }

    @Test
    void shouldAnswerMalformedJsonWithAValidationError() {
        Clinic clinic = fixture.create("America/New_York");
        clinic.api().body("{\"functionName\": ").post("/api/booking").then()
                .statusCode(422).body("error.code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void shouldRejectBookingsInThePastAndOutOfRangeLengths() {
        Clinic clinic = fixture.create("America/New_York");
        long provider = clinic.provider("Past");
        long patient = clinic.patient("Pat", "212-555-0120");
        clinic.call("CreateAppointment", clinic.booking(patient, provider, "2020-01-06 09:00:00", 30))
                .statusCode(422).body("error.missing", equalTo(List.of("AptDateTime")));
        clinic.call("CreateAppointment", clinic.booking(patient, provider, "next tuesday", 30))
                .statusCode(422).body("error.missing", equalTo(List.of("AptDateTime")));
        clinic.call("CreateAppointment", clinic.booking(patient, provider, "2030-01-07 09:00:00", 5))
                .statusCode(422).body("error.missing", equalTo(List.of("lengthMinutes")));
    }

    @Test
    void shouldHideInternalsWhenSomethingBreaks() {
        // A clinic whose stored timezone is corrupt makes every request fail inside the service.
        Clinic broken = fixture.create("Mars/Olympus_Mons");
        broken.call("GetProviders", Map.of())
                .statusCode(500)
                .body("error.code", equalTo("INTERNAL"))
                .body("error.action", equalTo("TAKE_MESSAGE"))
                .body(not(containsString("Exception")))
                .body(not(containsString("Mars")))
                .body(not(containsString("at com.")));
    }

    @Test
    void shouldRefuseTextsTooLongAndDatesOutOfAnyCalendarWithTheFieldNamed() {
        Clinic clinic = fixture.create("America/New_York");
        clinic.call("CreatePatient", Map.of("FName", "Ana", "LName", "x".repeat(100_000), "Birthdate", "1980-05-05",
                "WirelessPhone", "212-555-0190")).statusCode(422).body("error.missing", equalTo(List.of("LName")));
        long provider = clinic.provider("Year");
        long patient = clinic.patient("Yara", "212-555-0191");
        clinic.call("CreateAppointment", clinic.booking(patient, provider, "+10000-01-01 09:00:00", 30))
                .statusCode(422).body("error.missing", equalTo(List.of("AptDateTime")));
        clinic.call("GetAppointments", Map.of("DateStart", "1800-01-01", "DateEnd", "1800-01-02"))
                .statusCode(422).body("error.missing", equalTo(List.of("DateStart")));
    }

    @Test
    void shouldForbidCachingOfApiAnswers() {
        Clinic clinic = fixture.create("America/New_York");
        clinic.call("GetProviders", Map.of()).statusCode(200).header("Cache-Control", equalTo("no-store"));
    }
}
