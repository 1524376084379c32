package com.dentaldesk.booking;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

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

/** Each function of the unified endpoint doing its job, the way the front desk and the agent use it. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class FunctionsHappyPathTest {

    @Inject
    ClinicFixture fixture;

    @Test
    void shouldManageProvidersWithSoftDelete() {
        Clinic clinic = fixture.create("America/New_York");
        long provNum = clinic.create("CreateProvider", Map.of("FName", "Maya", "LName", "Patel", "Abbr", "DDS",
                "Specialty", "General"), "ProvNum");
        clinic.call("GetProvider", Map.of("ProvNum", provNum)).statusCode(200).body("data.LName", equalTo("Patel"));
        clinic.call("UpdateProvider", Map.of("ProvNum", provNum, "LName", "Patel-Shah")).statusCode(200)
                .body("data.LName", equalTo("Patel-Shah"));
        clinic.call("GetProviders", Map.of()).body("data", hasSize(1));
        clinic.call("DeleteProvider", Map.of("ProvNum", provNum)).statusCode(200).body("data.IsHidden", equalTo(true));
        clinic.call("GetProviders", Map.of()).body("data", hasSize(0));
        clinic.call("GetProviders", Map.of("IncludeHidden", true)).body("data", hasSize(1));
    }

    @Test
    void shouldManageOperatoriesWithSoftDelete() {
        Clinic clinic = fixture.create("America/New_York");
        long opNum = clinic.create("CreateOperatory", Map.of("OpName", "Hygiene 1", "Tags", "Hygiene,Kids"),
                "OperatoryNum");
        clinic.call("GetOperatory", Map.of("OperatoryNum", opNum)).body("data.Tags", equalTo(List.of("Hygiene", "Kids")));
        clinic.call("UpdateOperatory", Map.of("OperatoryNum", opNum, "OpName", "Hyg 1")).body("data.OpName",
                equalTo("Hyg 1"));
        clinic.call("DeleteOperatory", Map.of("OperatoryNum", opNum)).body("data.IsActive", equalTo(false));
        clinic.call("GetOperatories", Map.of()).body("data", hasSize(1)).body("data[0].IsActive", equalTo(false));
        clinic.call("GetOperatories", Map.of("IncludeInactive", false)).body("data", hasSize(0));
    }

    @Test
    void shouldUpdateAPatient() {
        Clinic clinic = fixture.create("America/New_York");
        long patNum = clinic.patient("Ana", "212-555-0160");
        clinic.call("UpdatePatient", Map.of("PatNum", patNum, "Email", "ana@example.org", "WirelessPhone",
                "(212) 555-0161")).statusCode(200)
                .body("data.Email", equalTo("ana@example.org"))
                .body("data.WirelessPhone", equalTo("+12125550161"));
    }

    @Test
    void shouldManageSchedulesAndReportConflicts() {
        Clinic clinic = fixture.create("America/New_York");
        long provider = clinic.provider("Sched");
        long room = clinic.room("Op 1", true);
        long patient = clinic.patient("Pat", "212-555-0162");
        LocalDate day = clinic.futureWeekday(1);
        long scheduleNum = clinic.schedule(day, "08:00", "12:00", provider, room);

        clinic.call("GetSchedules", Map.of("DateStart", day.toString())).body("data", hasSize(1))
                .body("data[0].StartTime", equalTo("08:00:00"));
        clinic.call("UpdateSchedule", Map.of("ScheduleNum", scheduleNum, "StopTime", "13:00")).statusCode(200)
                .body("data.StopTime", equalTo("13:00:00"));
        clinic.call("CreateSchedule", Map.of("SchedDate", day.toString(), "StartTime", "12:00", "StopTime", "15:00",
                "ProvNum", provider, "OpNum", room)).statusCode(422);
        clinic.call("CreateAppointment", clinic.booking(patient, provider, day + " 14:00:00", 30)).statusCode(200);
        clinic.call("CheckScheduleConflicts", Map.of("DateStart", day.toString())).statusCode(200)
                .body("data.hasConflicts", equalTo(true))
                .body("data.appointmentsOutsideSchedules", hasSize(1));
        clinic.call("DeleteSchedule", Map.of("ScheduleNum", scheduleNum)).statusCode(200);
        clinic.call("GetSchedules", Map.of("DateStart", day.toString())).body("data", hasSize(0));
    }

    @Test
    void shouldCreateDefaultWeekdaySchedulesOnceForEveryProvider() {
        Clinic clinic = fixture.create("America/New_York");
        clinic.provider("One");
        clinic.provider("Two");
        clinic.room("Op 1", true);
        clinic.room("Op 2", true);
        LocalDate monday = clinic.futureWeekday(1).with(java.time.DayOfWeek.MONDAY).plusWeeks(1);
        Map<String, Object> week = Map.of("DateStart", monday.toString(), "DateEnd", monday.plusDays(6).toString());

        clinic.call("CreateDefaultSchedules", week).statusCode(200).body("data.created", equalTo(10));
        clinic.call("CreateDefaultSchedules", week).statusCode(200).body("data.created", equalTo(0));
        clinic.call("GetSchedules", Map.of("DateStart", monday.plusDays(5).toString())).body("data", hasSize(0));
        clinic.call("GetAvailableSlots", Map.of("dateStart", monday.toString(), "dateEnd", monday.toString()))
                .body("data.size()", greaterThan(60));
    }

    @Test
    void shouldRescheduleBreakAndCancelAppointmentsFreeingTheirTime() {
        Clinic clinic = fixture.create("America/New_York");
        long provider = clinic.provider("Move");
        long room = clinic.room("Op 1", true);
        long patient = clinic.patient("Pat", "212-555-0163");
        long other = clinic.patient("Other", "212-555-0164");
        LocalDate day = clinic.futureWeekday(1);
        clinic.schedule(day, "08:00", "12:00", provider, room);
        long moving = clinic.create("CreateAppointment", clinic.booking(patient, provider, day + " 09:00:00", 30),
                "AptNum");
        long blocker = clinic.create("CreateAppointment", clinic.booking(other, provider, day + " 10:00:00", 30),
                "AptNum");

        // Moving onto a taken time is a conflict with alternatives; moving over its own old time is fine.
        clinic.call("UpdateAppointment", Map.of("AptNum", moving, "AptDateTime", day + " 10:00:00")).statusCode(409)
                .body("error.code", equalTo("SLOT_TAKEN"));
        clinic.call("UpdateAppointment", Map.of("AptNum", moving, "AptDateTime", day + " 09:15:00")).statusCode(200)
                .body("data.AptDateTime", equalTo(day + " 09:15:00")).body("data.Op", equalTo((int) room));

        clinic.call("BreakAppointment", Map.of("AptNum", blocker)).statusCode(200)
                .body("data.AptStatus", equalTo("Broken"));
        clinic.call("UpdateAppointment", Map.of("AptNum", moving, "AptDateTime", day + " 10:00:00")).statusCode(200);
        clinic.call("DeleteAppointment", Map.of("AptNum", moving)).statusCode(200)
                .body("data.AptStatus", equalTo("Cancelled"));
        clinic.call("GetAvailableSlots", Map.of("dateStart", day.toString(), "dateEnd", day.toString()))
                .body("data.DateTimeStart", hasItem(day + " 10:00:00"));
        clinic.call("GetAppointments", Map.of("DateStart", day.toString(), "DateEnd", day.toString(),
                "AptStatus", "Scheduled")).body("data", hasSize(0));
        clinic.call("GetAppointments", Map.of("DateStart", day.toString(), "DateEnd", day.toString(),
                "PatNum", patient)).body("data", hasSize(1)).body("data[0].AptStatus", not(equalTo("Scheduled")));
    }

    @Test
    void shouldServeThePlainRestResourcesOverTheSameRules() {
        Clinic clinic = fixture.create("America/New_York");
        long provider = clinic.provider("Rest");
        long room = clinic.room("Op 1", true);
        long patient = clinic.patient("Pat", "212-555-0165");
        LocalDate day = clinic.futureWeekday(1);
        clinic.schedule(day, "08:00", "09:00", provider, room);

        clinic.api().queryParam("dateStart", day.toString()).queryParam("dateEnd", day.toString())
                .queryParam("lengthMinutes", 60).get("/api/slots").then().statusCode(200).body("data", hasSize(1));
        long aptNum = clinic.api().body(clinic.booking(patient, provider, day + " 08:00:00", 60))
                .post("/api/appointments").then().statusCode(200).extract().jsonPath().getLong("data.AptNum");
        clinic.api().body(clinic.booking(patient, provider, day + " 08:00:00", 60)).post("/api/appointments").then()
                .statusCode(409);
        clinic.api().get("/api/appointments/" + aptNum).then().statusCode(200).body("data.Op", equalTo((int) room));
        clinic.api().queryParam("phone", "2125550165").get("/api/patients").then().body("data", hasSize(1));
        clinic.api().get("/api/providers").then().body("data", hasSize(1));
        clinic.api().get("/api/operatories").then().body("data", hasSize(1));
        clinic.api().queryParam("dateStart", day.toString()).get("/api/schedules").then().body("data", hasSize(1));
        clinic.api().delete("/api/appointments/" + aptNum).then().statusCode(200)
                .body("data.AptStatus", equalTo("Cancelled"));
        clinic.api().get("/q/openapi").then().statusCode(200);
    }
}
