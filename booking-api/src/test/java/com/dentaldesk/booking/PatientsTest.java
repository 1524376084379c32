package com.dentaldesk.booking;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
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
class PatientsTest {

    @Inject
    ClinicFixture fixture;

    @Test
    void shouldStoreE164AndMatchAnyCommonPhoneFormat() {
        Clinic clinic = fixture.create("America/New_York");
        long patNum = clinic.create("CreatePatient", Map.of("FName", "Ana", "LName", "Lima", "Birthdate",
                "1980-05-05", "WirelessPhone", "(555) 123-4567"), "PatNum");

        clinic.call("GetPatient", Map.of("PatNum", patNum)).body("data.WirelessPhone", equalTo("+15551234567"));
        for (String format : List.of("+1 555 123 4567", "555.123.4567", "15551234567")) {
            clinic.call("GetMultiplePatients", Map.of("Phone", format)).statusCode(200)
                    .body("data", hasSize(1)).body("data[0].PatNum", equalTo((int) patNum));
        }
        clinic.call("GetMultiplePatients", Map.of("LName", "lim", "FName", "AN")).body("data", hasSize(1));
        clinic.call("GetMultiplePatients", Map.of("LName", "Lima", "Birthdate", "1980-05-06")).body("data", hasSize(0));
    }

    @Test
    void shouldReturnTheExistingPatientInsteadOfADuplicate() {
        Clinic clinic = fixture.create("America/New_York");
        Map<String, Object> ana = Map.of("FName", "Ana", "LName", "Lima", "Birthdate", "1980-05-05",
                "WirelessPhone", "212-555-0150");
        long first = clinic.create("CreatePatient", ana, "PatNum");
        long again = clinic.create("CreatePatient", Map.of("FName", "ana", "LName", "LIMA", "Birthdate", "1980-05-05",
                "WirelessPhone", "+1 (212) 555-0150"), "PatNum");
        org.assertj.core.api.Assertions.assertThat(again).isEqualTo(first);
        clinic.call("GetMultiplePatients", Map.of("LName", "Lima")).body("data", hasSize(1));
    }

    @Test
    void shouldRejectImpossibleOrFutureBirthdatesAndBadPhones() {
        Clinic clinic = fixture.create("America/New_York");
        for (String birthdate : List.of("1990-02-30", LocalDate.now().plusDays(2).toString(), "12/05/1990")) {
            clinic.call("CreatePatient", Map.of("FName", "A", "LName", "B", "Birthdate", birthdate,
                    "WirelessPhone", "212-555-0151"))
                    .statusCode(422).body("error.missing", equalTo(List.of("Birthdate")));
        }
        clinic.call("CreatePatient", Map.of("FName", "A", "LName", "B", "Birthdate", "1990-01-01",
                "WirelessPhone", "12")).statusCode(422).body("error.missing", equalTo(List.of("WirelessPhone")));
        clinic.call("GetMultiplePatients", Map.of()).statusCode(422).body("error.action", equalTo("ASK_USER"));
    }
}
