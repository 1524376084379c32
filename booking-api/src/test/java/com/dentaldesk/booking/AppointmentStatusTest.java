package com.dentaldesk.booking;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.dentaldesk.booking.support.ClinicFixture;
import com.dentaldesk.booking.support.ClinicFixture.Clinic;
import com.dentaldesk.booking.support.EmbeddedPostgresResource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The front desk marks what became of an appointment through UpdateAppointment's {@code AptStatus} (and the REST
 * route), with the rules a practice expects: a visit is completed only once it has begun and is final then; a
 * no-show frees the time; an appointment made Scheduled again takes its time back only while it is still free.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AppointmentStatusTest {

    @Inject
    ClinicFixture fixture;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldMarkANoShowFreeItsTimeAndScheduleItAgainOnlyWhileTheTimeIsFree() {
        Clinic clinic = fixture.create("America/New_York");
        long provider = clinic.provider("Patel");
        long room = clinic.room("Op 1", true);
        long patient = clinic.patient("Jordan", "(212) 555-0143");
        long other = clinic.patient("Alex", "+1 212 555 0178");
        LocalDate day = clinic.futureWeekday(2);
        clinic.schedule(day, "09:00", "12:00", provider, room);
        long visit = clinic.create("CreateAppointment", clinic.booking(patient, provider, day + " 09:00:00", 30),
                "AptNum");

        clinic.call("UpdateAppointment", Map.of("AptNum", visit, "AptStatus", "Complete")).statusCode(422)
                .body("error.missing", hasItem("AptStatus"))
                .body("error.message", equalTo("An appointment cannot be completed before it begins"));
        clinic.call("UpdateAppointment", Map.of("AptNum", visit, "AptStatus", "Done")).statusCode(422)
                .body("error.missing", hasItem("AptStatus"));
        clinic.call("UpdateAppointment", Map.of("AptNum", visit, "AptStatus", "Broken",
                "AptDateTime", day + " 10:00:00")).statusCode(422).body("error.missing", hasItem("AptStatus"));

        clinic.call("UpdateAppointment", Map.of("AptNum", visit, "AptStatus", "No-show")).statusCode(200)
                .body("data.AptStatus", equalTo("Broken"));
        clinic.call("GetAvailableSlots", Map.of("dateStart", day.toString(), "dateEnd", day.toString()))
                .body("data.DateTimeStart", hasItem(day + " 09:00:00"));

        clinic.call("UpdateAppointment", Map.of("AptNum", visit, "AptStatus", "Scheduled")).statusCode(200)
                .body("data.AptStatus", equalTo("Scheduled")).body("data.AptDateTime", equalTo(day + " 09:00:00"));
        clinic.call("GetAvailableSlots", Map.of("dateStart", day.toString(), "dateEnd", day.toString()))
                .body("data.DateTimeStart", not(hasItem(day + " 09:00:00")));

        // Cancelled through REST, the time goes to another patient; the first cannot take it back.
        clinic.api().body(Map.of("AptStatus", "Cancelled")).put("/api/appointments/" + visit).then().statusCode(200)
                .body("data.AptStatus", equalTo("Cancelled"));
        clinic.create("CreateAppointment", clinic.booking(other, provider, day + " 09:00:00", 30), "AptNum");
        clinic.call("UpdateAppointment", Map.of("AptNum", visit, "AptStatus", "Scheduled")).statusCode(409)
                .body("error.code", equalTo("SLOT_TAKEN")).body("error.alternatives", not(hasSize(0)));
        clinic.call("GetAppointments", Map.of("DateStart", day.toString(), "DateEnd", day.toString(),
                "AptStatus", "Scheduled")).body("data", hasSize(1));
    }

    @Test
    void shouldNotScheduleAgainWithAProviderWhoNoLongerTakesAppointments() {
        Clinic clinic = fixture.create("America/Denver");
        long provider = clinic.provider("Leaving");
        long room = clinic.room("Op 1", true);
        long patient = clinic.patient("Rae", "303-555-0123");
        LocalDate day = clinic.futureWeekday(1);
        clinic.schedule(day, "08:00", "12:00", provider, room);
        long visit = clinic.create("CreateAppointment", clinic.booking(patient, provider, day + " 09:00:00", 30),
                "AptNum");
        clinic.call("DeleteAppointment", Map.of("AptNum", visit)).statusCode(200);
        clinic.call("DeleteProvider", Map.of("ProvNum", provider)).statusCode(200);

        clinic.call("UpdateAppointment", Map.of("AptNum", visit, "AptStatus", "Scheduled")).statusCode(422)
                .body("error.missing", hasItem("ProvNum"))
                .body("error.message", equalTo("Provider " + provider + " no longer takes appointments"));
        clinic.api().get("/api/appointments/" + visit).then().body("data.AptStatus", equalTo("Cancelled"));
    }

    @Test
    void shouldCompleteAVisitThatHasBegunAndKeepItFinal() throws Exception {
        Clinic clinic = fixture.create("America/Chicago");
        long provider = clinic.provider("Ames");
        long room = clinic.room("Op 1", true);
        long patient = clinic.patient("Pat", "312-555-0101");
        LocalDate day = clinic.futureWeekday(1);
        clinic.schedule(day, "08:00", "12:00", provider, room);
        long visit = clinic.create("CreateAppointment", clinic.booking(patient, provider, day + " 08:00:00", 30),
                "AptNum");
        startedAnHourAgo(visit);

        clinic.call("UpdateAppointment", Map.of("AptNum", visit, "AptStatus", "Complete")).statusCode(200)
                .body("data.AptStatus", equalTo("Complete"));
        clinic.call("UpdateAppointment", Map.of("AptNum", visit, "AptStatus", "Broken")).statusCode(422)
                .body("error.message", equalTo("A completed appointment cannot be changed"));
        clinic.call("BreakAppointment", Map.of("AptNum", visit)).statusCode(422);
        clinic.call("UpdateAppointment", Map.of("AptNum", visit, "AptStatus", "Complete")).statusCode(200)
                .body("data.AptStatus", equalTo("Complete"));
    }

    /** Appointments cannot be booked in the past; the clock is moved instead, as time would. */
    private void startedAnHourAgo(long appointmentId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("update appointments set"
                        + " starts_at = now() - interval '60 minutes', ends_at = now() - interval '30 minutes'"
                        + " where id = ?")) {
            update.setLong(1, appointmentId);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("appointment " + appointmentId + " not found");
            }
        }
    }
}
