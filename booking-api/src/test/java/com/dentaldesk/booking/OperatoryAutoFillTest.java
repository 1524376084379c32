package com.dentaldesk.booking;

import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
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
class OperatoryAutoFillTest {

    @Inject
    ClinicFixture fixture;

    @Test
    void shouldTakeTheRoomOfTheProvidersScheduleThatCoversTheTime() {
        Clinic clinic = fixture.create("America/New_York");
        long provider = clinic.provider("Sched");
        clinic.room("Op 1", true);
        long scheduledRoom = clinic.room("Op 2", true);
        long patient = clinic.patient("Pat", "212-555-0140");
        LocalDate day = clinic.futureWeekday(1);
        clinic.schedule(day, "08:00", "12:00", provider, scheduledRoom);

        clinic.call("CreateAppointment", clinic.booking(patient, provider, day + " 09:00:00", 30))
                .statusCode(200).body("data.Op", equalTo((int) scheduledRoom));
    }

    @Test
    void shouldTakeTheFirstFreeActiveRoomOutsideSchedulesSkippingInactiveOnes() {
        Clinic clinic = fixture.create("America/New_York");
        long dentist = clinic.provider("Free");
        long colleague = clinic.provider("Busy");
        long inactive = clinic.room("Closed", false);
        long first = clinic.room("Op 1", true);
        long second = clinic.room("Op 2", true);
        long patient = clinic.patient("Pat", "212-555-0141");
        long otherPatient = clinic.patient("Other", "212-555-0142");
        LocalDate day = clinic.futureWeekday(1);

        // No schedule covers 14:00: the lowest active room is used, the inactive lower one is skipped.
        clinic.call("CreateAppointment", clinic.booking(otherPatient, colleague, day + " 14:00:00", 60))
                .statusCode(200).body("data.Op", equalTo((int) first));
        // Op 1 is now busy at 14:30, so the next active room is chosen.
        clinic.call("CreateAppointment", clinic.booking(patient, dentist, day + " 14:30:00", 30))
                .statusCode(200).body("data.Op", equalTo((int) second));
        // Every active room busy: a conflict with alternatives, never the inactive room.
        long third = clinic.patient("Third", "212-555-0143");
        long hygienist = clinic.provider("Third");
        clinic.call("CreateAppointment", clinic.booking(third, hygienist, day + " 14:30:00", 15))
                .statusCode(409).body("error.code", equalTo("SLOT_TAKEN"));
        clinic.call("GetAppointments", Map.of("DateStart", day.toString(), "DateEnd", day.toString(),
                "OpNum", inactive)).body("data.size()", equalTo(0));
    }
}
