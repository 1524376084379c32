package com.dentaldesk.booking;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;

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
class AppointmentBookingTest {

    @Inject
    ClinicFixture fixture;

    @Test
    void shouldFindSlotAndBookItThenRejectOverlap() {
        Clinic clinic = fixture.create("America/New_York");
        long provider = clinic.provider("Patel");
        long room = clinic.room("Op 1", true);
        long patient = clinic.patient("Jordan", "(212) 555-0143");
        long other = clinic.patient("Alex", "+1 212 555 0178");
        LocalDate day = clinic.futureWeekday(2);
        clinic.schedule(day, "09:00", "12:00", provider, room);

        clinic.call("GetAvailableSlots", Map.of("dateStart", day.toString(), "dateEnd", day.toString()))
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data", not(empty()))
                .body("data[0].DateTimeStart", equalTo(day + " 09:00:00"))
                .body("data[0].OpNum", equalTo((int) room));

        clinic.call("CreateAppointment", clinic.booking(patient, provider, day + " 09:00:00", 60))
                .statusCode(200)
                .body("data.Op", equalTo((int) room))
                .body("data.AptDateTimeEnd", equalTo(day + " 10:00:00"));

        clinic.call("CreateAppointment", clinic.booking(other, provider, day + " 09:30:00", 30))
                .statusCode(409)
                .body("error.code", equalTo("SLOT_TAKEN"))
                .body("error.action", equalTo("OFFER_ALTERNATIVES"))
                .body("error.alternatives", hasSize(3))
                .body("error.alternatives[0].DateTimeStart", equalTo(day + " 10:00:00"));
    }

    @Test
    void shouldOfferTheNearestFreeTimesEvenWhenTheyAreDaysAwayAndLaterOnesOnlyWhenNearer() {
        Clinic clinic = fixture.create("America/New_York");
        long provider = clinic.provider("Far");
        long room = clinic.room("Op 1", true);
        long patient = clinic.patient("Near", "212-555-0191");
        long other = clinic.patient("Late", "212-555-0192");
        LocalDate day = clinic.futureWeekday(2);
        // The requested day is full after one booking; the provider's next free hour is five days later.
        clinic.schedule(day, "09:00", "09:30", provider, room);
        clinic.schedule(day.plusDays(5), "14:00", "15:00", provider, room);
        clinic.call("CreateAppointment", clinic.booking(patient, provider, day + " 09:00:00", 30)).statusCode(200);

        clinic.call("CreateAppointment", clinic.booking(other, provider, day + " 09:00:00", 30))
                .statusCode(409)
                .body("error.alternatives.DateTimeStart", equalTo(java.util.List.of(day.plusDays(5) + " 14:00:00",
                        day.plusDays(5) + " 14:15:00", day.plusDays(5) + " 14:30:00")));

        // Three free times the next morning, but one nearer still on the evening of the day itself.
        clinic.schedule(day.plusDays(1), "08:00", "09:00", provider, room);
        clinic.schedule(day, "18:00", "18:30", provider, room);
        clinic.call("CreateAppointment", clinic.booking(other, provider, day + " 09:00:00", 30))
                .statusCode(409)
                .body("error.alternatives.DateTimeStart", equalTo(java.util.List.of(day + " 18:00:00",
                        day.plusDays(1) + " 08:00:00", day.plusDays(1) + " 08:15:00")));
    }

    @Test
    void shouldOfferAnotherProvidersTimesOnlyWhenTheProviderHasNoneForTwoWeeks() {
        Clinic clinic = fixture.create("America/New_York");
        long booked = clinic.provider("Booked");
        long colleague = clinic.provider("Colleague");
        long patient = clinic.patient("First", "212-555-0195");
        long other = clinic.patient("Second", "212-555-0196");
        LocalDate day = clinic.futureWeekday(2);
        clinic.schedule(day, "09:00", "09:30", booked, clinic.room("Op 1", true));
        clinic.schedule(day.plusDays(3), "16:00", "16:30", colleague, clinic.room("Op 2", true));
        clinic.call("CreateAppointment", clinic.booking(patient, booked, day + " 09:00:00", 30)).statusCode(200);

        clinic.call("CreateAppointment", clinic.booking(other, booked, day + " 09:00:00", 30))
                .statusCode(409)
                .body("error.alternatives.DateTimeStart", equalTo(java.util.List.of(day.plusDays(3) + " 16:00:00")))
                .body("error.alternatives[0].ProvNum", equalTo((int) colleague));
    }

    @Test
    void shouldNameWhoCannotBeBookedAPatientThatDoesNotExistOrAProviderWhoLeft() {
        Clinic clinic = fixture.create("America/New_York");
        long provider = clinic.provider("Gone");
        long patient = clinic.patient("Real", "212-555-0193");
        clinic.schedule(clinic.futureWeekday(2), "09:00", "12:00", provider, clinic.room("Op 1", true));
        String time = clinic.futureWeekday(2) + " 09:00:00";

        clinic.call("CreateAppointment", clinic.booking(999_999, provider, time, 30)).statusCode(404)
                .body("error.message", equalTo("Patient 999999 not found"));
        clinic.call("CreateAppointment", clinic.booking(patient, 999_999, time, 30)).statusCode(404)
                .body("error.message", equalTo("Provider 999999 not found"));
        clinic.call("UpdateProvider", Map.of("ProvNum", provider, "IsHidden", true)).statusCode(200);
        clinic.call("CreateAppointment", clinic.booking(patient, provider, time, 30)).statusCode(422)
                .body("error.missing", equalTo(java.util.List.of("ProvNum")));
    }

    @Test
    void shouldBookANamedRoomOnlyWhenItExistsAndIsInUse() {
        Clinic clinic = fixture.create("America/New_York");
        long provider = clinic.provider("Rooms");
        long patient = clinic.patient("Named", "212-555-0194");
        long room = clinic.room("Op 1", true);
        long closed = clinic.room("Op 2", false);
        LocalDate day = clinic.futureWeekday(2);
        clinic.schedule(day, "09:00", "12:00", provider, room);
        Map<String, Object> booking = clinic.booking(patient, provider, day + " 10:00:00", 30);

        booking.put("Op", 999_999);
        clinic.call("CreateAppointment", booking).statusCode(404)
                .body("error.message", equalTo("Operatory 999999 not found"));
        booking.put("Op", closed);
        clinic.call("CreateAppointment", booking).statusCode(422)
                .body("error.message", equalTo("Operatory " + closed + " is not in use"));
        clinic.call("GetAppointments", Map.of("DateStart", day.toString(), "DateEnd", day.toString()))
                .body("data", hasSize(0));
        booking.put("Op", room);
        clinic.call("CreateAppointment", booking).statusCode(200).body("data.Op", equalTo((int) room));
    }
}
