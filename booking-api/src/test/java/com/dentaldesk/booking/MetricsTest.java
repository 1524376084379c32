package com.dentaldesk.booking;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.dentaldesk.booking.support.ClinicFixture;
import com.dentaldesk.booking.support.ClinicFixture.Clinic;
import com.dentaldesk.booking.support.EmbeddedPostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Bookings by outcome and error answers show up in the Prometheus scrape, tagged without ids or patient data. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class MetricsTest {

    @Inject
    ClinicFixture fixture;

    @Test
    void shouldCountBookingsByOutcomeAndErrorsByCode() {
        Clinic clinic = fixture.create("America/New_York");
        long provider = clinic.provider("Metrics");
        long room = clinic.room("Metrics room", true);
        long patient = clinic.patient("Mia", "+12125550177");
        long other = clinic.patient("Max", "+12125550178");
        LocalDate day = clinic.futureWeekday(2);
        clinic.schedule(day, "08:00:00", "12:00:00", provider, room);

        clinic.call("CreateAppointment", clinic.booking(patient, provider, day + " 09:00:00", 60)).statusCode(200);
        clinic.call("CreateAppointment", clinic.booking(other, provider, day + " 09:30:00", 30)).statusCode(409);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .contains("booking_functions_total{function=\"CreateAppointment\",outcome=\"ok\"}")
                .contains("booking_functions_total{function=\"CreateAppointment\",outcome=\"SLOT_TAKEN\"}")
                .contains("booking_errors_total{code=\"SLOT_TAKEN\"}")
                .doesNotContain("Mia").doesNotContain("2125550177").doesNotContain(clinic.slug());
    }
}
