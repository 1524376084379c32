package com.dentaldesk.booking;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.dentaldesk.booking.support.ClinicFixture;
import com.dentaldesk.booking.support.ClinicFixture.Clinic;
import com.dentaldesk.booking.support.EmbeddedPostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class SlotsTest {

    @Inject
    ClinicFixture fixture;

    /** Schedule 08:00-12:00 with a booked 10:00-11:00: free windows are 08:00-10:00 and 11:00-12:00. */
    @ParameterizedTest(name = "{0}-minute slots around a booked hour: {1}")
    @CsvSource({"15, 12", "30, 10", "60, 6", "90, 3"})
    void shouldOfferOnlyTimesWhereTheWholeIntervalIsFree(int length, int expected) {
        Clinic clinic = fixture.create("America/Chicago");
        long provider = clinic.provider("Okafor");
        long room = clinic.room("Op 1", true);
        long patient = clinic.patient("Pat", "312-555-0100");
        LocalDate day = clinic.futureWeekday(1);
        clinic.schedule(day, "08:00", "12:00", provider, room);
        clinic.call("CreateAppointment", clinic.booking(patient, provider, day + " 10:00:00", 60)).statusCode(200);

        clinic.call("GetAvailableSlots", Map.of("dateStart", day.toString(), "dateEnd", day.toString(),
                "lengthMinutes", length))
                .statusCode(200)
                .body("data", hasSize(expected))
                .body("data.LengthMinutes", everyItem(equalTo(length)))
                .body("data.DateTimeStart", not(hasItem(day + " 10:00:00")))
                .body("data[0].DateTimeStart", equalTo(day + " 08:00:00"))
                .body("data[0].ProviderName", equalTo("Dr. Okafor"))
                .body("data[-1].DateTimeEnd", equalTo(day + (length <= 60 ? " 12:00:00" : " 10:00:00")));
    }

    @Test
    void shouldUseATenMinuteStepForLengthsThatAreNotQuarterHours() {
        Clinic clinic = fixture.create("America/Chicago");
        long provider = clinic.provider("Ng");
        long room = clinic.room("Op 1", true);
        LocalDate day = clinic.futureWeekday(1);
        clinic.schedule(day, "08:00", "09:00", provider, room);

        clinic.call("GetAvailableSlots", Map.of("dateStart", day.toString(), "dateEnd", day.toString(),
                "lengthMinutes", 20))
                .statusCode(200)
                .body("data.DateTimeStart", equalTo(java.util.List.of(day + " 08:00:00", day + " 08:10:00",
                        day + " 08:20:00", day + " 08:30:00", day + " 08:40:00")));
    }

    @Test
    void shouldNotOfferARoomThatAnotherProviderIsUsing() {
        Clinic clinic = fixture.create("America/Chicago");
        long dentist = clinic.provider("Ames");
        long hygienist = clinic.provider("Bell");
        long room = clinic.room("Shared", true);
        long patient = clinic.patient("Pat", "312-555-0101");
        LocalDate day = clinic.futureWeekday(1);
        clinic.schedule(day, "08:00", "09:00", dentist, room);
        clinic.call("CreateAppointment", Map.of("PatNum", patient, "ProvNum", hygienist, "Op", room,
                "AptDateTime", day + " 08:00:00", "lengthMinutes", 30)).statusCode(200);

        clinic.call("GetAvailableSlots", Map.of("dateStart", day.toString(), "dateEnd", day.toString()))
                .statusCode(200)
                .body("data.DateTimeStart", equalTo(java.util.List.of(day + " 08:30:00")));
        // A search for one provider reads only the time that can stand in their way: the other provider's
        // appointment in the shared room is part of it, and so is the patient's own appointment elsewhere.
        clinic.call("GetAvailableSlots", Map.of("dateStart", day.toString(), "dateEnd", day.toString(),
                "ProvNum", dentist)).statusCode(200)
                .body("data.DateTimeStart", equalTo(java.util.List.of(day + " 08:30:00")));
        long otherRoom = clinic.room("Other", true);
        clinic.call("CreateAppointment", Map.of("PatNum", patient, "ProvNum", hygienist, "Op", otherRoom,
                "AptDateTime", day + " 08:30:00", "lengthMinutes", 30)).statusCode(200);
        clinic.call("GetAvailableSlots", Map.of("dateStart", day.toString(), "dateEnd", day.toString(),
                "ProvNum", dentist, "PatNum", patient)).statusCode(200)
                .body("data.DateTimeStart", equalTo(java.util.List.of()));
    }

    @Test
    void shouldSkipInactiveRoomsAndHiddenProviders() {
        Clinic clinic = fixture.create("America/Chicago");
        long provider = clinic.provider("Cole");
        long closedRoom = clinic.room("Closed", true);
        LocalDate day = clinic.futureWeekday(1);
        clinic.schedule(day, "08:00", "09:00", provider, closedRoom);
        clinic.call("DeleteOperatory", Map.of("OperatoryNum", closedRoom)).statusCode(200)
                .body("data.IsActive", equalTo(false));

        clinic.call("GetAvailableSlots", Map.of("dateStart", day.toString(), "dateEnd", day.toString()))
                .statusCode(200).body("data", hasSize(0));
    }

    @Test
    void shouldRejectRangesOverThirtyOneDaysAndBadLengths() {
        Clinic clinic = fixture.create("America/Chicago");
        LocalDate day = clinic.futureWeekday(1);
        clinic.call("GetAvailableSlots", Map.of("dateStart", day.toString(), "dateEnd", day.plusDays(31).toString()))
                .statusCode(422).body("error.code", equalTo("VALIDATION_FAILED"))
                .body("error.missing", equalTo(java.util.List.of("dateEnd")));
        clinic.call("GetAvailableSlots", Map.of("dateStart", day.toString(), "dateEnd", day.toString(),
                "lengthMinutes", 300)).statusCode(422).body("error.missing", equalTo(java.util.List.of("lengthMinutes")));
        clinic.call("GetAvailableSlots", Map.of("dateStart", "2027-02-30", "dateEnd", day.toString()))
                .statusCode(422).body("error.action", equalTo("ASK_USER"));
    }

    @Test
    void shouldNeverOfferTimesInThePast() {
        Clinic clinic = fixture.create("Pacific/Kiritimati");
        long provider = clinic.provider("Now");
        long room = clinic.room("Op 1", true);
        LocalDate today = LocalDate.now(clinic.zone());
        clinic.schedule(today, "00:00", "23:59", provider, room);
        String now = java.time.LocalDateTime.now(clinic.zone()).format(
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));

        clinic.call("GetAvailableSlots", Map.of("dateStart", today.toString(), "dateEnd", today.toString()))
                .statusCode(200)
                .body("data.DateTimeStart", everyItem(org.hamcrest.Matchers.greaterThanOrEqualTo(now)));
    }

    @Test
    void shouldSkipTheHourThatDoesNotExistOnTheSpringForwardDay() {
        Clinic clinic = fixture.create("America/New_York");
        LocalDate springForward = nextTransition(clinic.zone(), true);
        long provider = clinic.provider("Gap");
        long room = clinic.room("Op 1", true);
        long patient = clinic.patient("Pat", "212-555-0102");
        clinic.schedule(springForward, "01:00", "04:00", provider, room);

        // 01:00 EST to 04:00 EDT is two real hours: seven 30-minute starts on the quarter hour, none at 02:xx.
        clinic.call("GetAvailableSlots", Map.of("dateStart", springForward.toString(),
                "dateEnd", springForward.toString()))
                .statusCode(200)
                .body("data", hasSize(7))
                .body("data.DateTimeStart", everyItem(not(startsWith(springForward + " 02:"))))
                .body("data[4].DateTimeStart", equalTo(springForward + " 03:00:00"));

        clinic.call("CreateAppointment", clinic.booking(patient, provider, springForward + " 02:30:00", 30))
                .statusCode(422).body("error.missing", equalTo(java.util.List.of("AptDateTime")));
    }

    @Test
    void shouldCountTheRepeatedHourOnTheFallBackDay() {
        Clinic clinic = fixture.create("America/New_York");
        LocalDate fallBack = nextTransition(clinic.zone(), false);
        long provider = clinic.provider("Overlap");
        long room = clinic.room("Op 1", true);
        clinic.schedule(fallBack, "00:00", "03:00", provider, room);

        // 00:00 EDT to 03:00 EST is four real hours: thirteen 60-minute starts on the quarter hour.
        clinic.call("GetAvailableSlots", Map.of("dateStart", fallBack.toString(), "dateEnd", fallBack.toString(),
                "lengthMinutes", 60))
                .statusCode(200)
                .body("data", hasSize(13));
    }

    private static LocalDate nextTransition(ZoneId zone, boolean gap) {
        Instant from = Instant.now().plusSeconds(2 * 86400);
        ZoneOffsetTransition transition = zone.getRules().nextTransition(from);
        while (transition.isGap() != gap) {
            transition = zone.getRules().nextTransition(transition.getInstant());
        }
        return transition.getDateTimeBefore().toLocalDate();
    }

    @Test
    void shouldAnswerAPageAtATimeAndContinueFromItsNextCursorUntilEveryStartIsSeen() {
        Clinic clinic = fixture.create("America/Chicago");
        long first = clinic.provider("Ames");
        long second = clinic.provider("Bell");
        LocalDate day = clinic.futureWeekday(1);
        clinic.schedule(day, "08:00", "12:00", first, clinic.room("Op 1", true));
        clinic.schedule(day, "08:00", "12:00", second, clinic.room("Op 2", true));
        Map<String, Object> search = Map.of("dateStart", day.toString(), "dateEnd", day.plusDays(1).toString());
        java.util.List<String> everything = clinic.call("GetAvailableSlots", search).statusCode(200)
                .body("next", org.hamcrest.Matchers.nullValue())
                .extract().jsonPath().getList("data.collect { it.DateTimeStart + '/' + it.ProvNum }");
        assertEquals(2 * 15, everything.size());

        java.util.List<String> paged = new java.util.ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            Map<String, Object> page = new java.util.HashMap<>(search);
            page.put("limit", 7);
            if (next != null) {
                page.put("after", next);
            }
            var answer = clinic.call("GetAvailableSlots", page).statusCode(200).extract().jsonPath();
            java.util.List<String> slots = answer.getList("data.collect { it.DateTimeStart + '/' + it.ProvNum }");
            assertTrue(slots.size() <= 7);
            paged.addAll(slots);
            next = answer.getString("next");
            pages++;
        } while (next != null && pages < 10);
        assertEquals(5, pages);
        assertEquals(everything, paged);
    }

    @Test
    void shouldPageThroughDaysReadAFewAtATimeExactlyAsThroughTheWholeRangeAtOnce() {
        Clinic clinic = fixture.create("America/New_York");
        long provider = clinic.provider("Dale");
        long room = clinic.room("Op 1", true);
        long patient = clinic.patient("Pia", "212-555-0133");
        LocalDate day = clinic.futureWeekday(1);
        // Open on scattered days, so pages cross the stretches the search reads (1, 2, 4, 8 days).
        for (int offset : new int[] {0, 3, 4, 10, 13}) {
            clinic.schedule(day.plusDays(offset), "09:00", "11:00", provider, room);
        }
        clinic.call("CreateAppointment", clinic.booking(patient, provider, day.plusDays(4) + " 09:30:00", 30))
                .statusCode(200);
        Map<String, Object> search = Map.of("dateStart", day.minusDays(10).toString(),
                "dateEnd", day.plusDays(13).toString(), "limit", 10_000);
        java.util.List<String> everything = clinic.call("GetAvailableSlots", search).statusCode(200)
                .extract().jsonPath().getList("data.collect { it.DateTimeStart + '/' + it.ProvNum }");
        assertEquals(5 * 7 - 3, everything.size()); // 7 starts a day; the booking takes three on day 4

        java.util.List<String> paged = new java.util.ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            Map<String, Object> page = new java.util.HashMap<>(search);
            page.put("limit", 6);
            if (next != null) {
                page.put("after", next);
            }
            var answer = clinic.call("GetAvailableSlots", page).statusCode(200).extract().jsonPath();
            paged.addAll(answer.getList("data.collect { it.DateTimeStart + '/' + it.ProvNum }"));
            next = answer.getString("next");
            pages++;
        } while (next != null && pages < 20);
        assertEquals(6, pages);
        assertEquals(everything, paged);
    }

    @Test
    void shouldKeepStartsInThePartOfTheDayTheCallerAskedFor() {
        Clinic clinic = fixture.create("America/Chicago");
        long provider = clinic.provider("Cruz");
        LocalDate day = clinic.futureWeekday(1);
        clinic.schedule(day, "08:00", "17:00", provider, clinic.room("Op 1", true));

        clinic.call("GetAvailableSlots", Map.of("dateStart", day.toString(), "dateEnd", day.toString(),
                "timeFrom", "12:00"))
                .statusCode(200)
                .body("data[0].DateTimeStart", equalTo(day + " 12:00:00"))
                .body("data", hasSize(19));
        clinic.call("GetAvailableSlots", Map.of("dateStart", day.toString(), "dateEnd", day.toString(),
                "timeTo", "12:00"))
                .statusCode(200)
                .body("data[-1].DateTimeStart", equalTo(day + " 11:45:00"))
                .body("data", hasSize(16));
    }

    @Test
    void shouldRefuseABadPageOrNumberWithAnErrorNamingTheField() {
        Clinic clinic = fixture.create("America/Chicago");
        LocalDate day = clinic.futureWeekday(1);
        String from = day.toString();
        clinic.call("GetAvailableSlots", Map.of("dateStart", from, "dateEnd", from, "limit", 0))
                .statusCode(422).body("error.missing", equalTo(java.util.List.of("limit")));
        clinic.call("GetAvailableSlots", Map.of("dateStart", from, "dateEnd", from, "after", "page two"))
                .statusCode(422).body("error.missing", equalTo(java.util.List.of("after")));
        clinic.call("GetAvailableSlots", Map.of("dateStart", from, "dateEnd", from, "lengthMinutes", 99_999_999_999L))
                .statusCode(422).body("error.missing", equalTo(java.util.List.of("lengthMinutes")));
        clinic.call("GetAvailableSlots", Map.of("dateStart", from, "dateEnd", from, "timeFrom", "14:00",
                "timeTo", "09:00")).statusCode(422).body("error.missing", equalTo(java.util.List.of("timeTo")));
        clinic.api().queryParam("dateStart", from).queryParam("dateEnd", from).queryParam("provNum", "abc")
                .get("/api/slots").then().statusCode(422).body("error.missing", equalTo(java.util.List.of("ProvNum")));
    }
}
