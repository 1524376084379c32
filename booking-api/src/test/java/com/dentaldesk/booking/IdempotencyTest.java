package com.dentaldesk.booking;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.dentaldesk.booking.support.ClinicFixture;
import com.dentaldesk.booking.support.ClinicFixture.Clinic;
import com.dentaldesk.booking.support.EmbeddedPostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class IdempotencyTest {

    @Inject
    ClinicFixture fixture;

    @Test
    void shouldReturnTheFirstAnswerWhenABookingIsReplayed() {
        Clinic clinic = fixture.create("America/New_York");
        long provider = clinic.provider("Once");
        long room = clinic.room("Op 1", true);
        long patient = clinic.patient("Pat", "212-555-0130");
        LocalDate day = clinic.futureWeekday(1);
        clinic.schedule(day, "08:00", "12:00", provider, room);
        String key = "call_" + UUID.randomUUID() + ":tool_1";
        Map<String, Object> booking = clinic.booking(patient, provider, day + " 09:00:00", 30);

        long first = clinic.call("CreateAppointment", booking, key).statusCode(200)
                .extract().jsonPath().getLong("data.AptNum");
        clinic.call("CreateAppointment", booking, key).statusCode(200)
                .body("data.AptNum", equalTo((int) first))
                .body("data.AptDateTime", equalTo(day + " 09:00:00"));
        clinic.call("GetAppointments", Map.of("DateStart", day.toString(), "DateEnd", day.toString()))
                .body("data", hasSize(1));
    }

    @Test
    void shouldGiveEveryConcurrentReplayTheFirstAnswerAndBookOnce() throws Exception {
        // A client retrying a slow booking must hear its own booking, not "that time is taken".
        Clinic clinic = fixture.create("America/New_York");
        long provider = clinic.provider("Twenty");
        long room = clinic.room("Op 1", true);
        long patient = clinic.patient("Pat", "212-555-0132");
        LocalDate day = clinic.futureWeekday(2);
        clinic.schedule(day, "08:00", "12:00", provider, room);
        String key = "call_" + UUID.randomUUID() + ":tool_3";
        Map<String, Object> booking = clinic.booking(patient, provider, day + " 10:00:00", 30);

        int replays = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(replays);
        List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
        for (int i = 0; i < replays; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return clinic.call("CreateAppointment", booking, key).extract();
            }));
        }
        start.countDown();
        Set<Integer> statuses = new HashSet<>();
        Set<Object> bodies = new HashSet<>();
        for (Future<ExtractableResponse<Response>> answer : answers) {
            statuses.add(answer.get(30, TimeUnit.SECONDS).statusCode());
            bodies.add(answer.get().jsonPath().getMap("data"));
        }
        pool.shutdown();

        assertEquals(Set.of(200), statuses);
        assertEquals(1, bodies.size(), "every replay answers the first answer: " + bodies);
        clinic.call("GetAppointments", Map.of("DateStart", day.toString(), "DateEnd", day.toString()))
                .body("data", hasSize(1));
    }

    @Test
    void shouldRefuseTheSameKeyWithDifferentParameters() {
        Clinic clinic = fixture.create("America/New_York");
        String key = "call_" + UUID.randomUUID() + ":tool_2";
        clinic.call("CreatePatient", Map.of("FName", "Ana", "LName", "Lima", "Birthdate", "1980-05-05",
                "WirelessPhone", "212-555-0131"), key).statusCode(200);
        clinic.call("CreatePatient", Map.of("FName", "Bob", "LName", "Lima", "Birthdate", "1980-05-05",
                "WirelessPhone", "212-555-0131"), key)
                .statusCode(422)
                .body("error.code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        clinic.call("GetMultiplePatients", Map.of("LName", "Lima")).body("data", hasSize(1));
    }

    @Test
    void shouldKeepKeysPerClinic() {
        Clinic one = fixture.create("America/New_York");
        Clinic two = fixture.create("America/New_York");
        String key = "shared-key-" + UUID.randomUUID();
        Map<String, Object> provider = Map.of("FName", "Same", "LName", "Key");
        long first = one.call("CreateProvider", provider, key).statusCode(200).extract().jsonPath().getLong("data.ProvNum");
        two.call("CreateProvider", provider, key).statusCode(200)
                .body("data.ProvNum", org.hamcrest.Matchers.not(equalTo((int) first)));
    }
}
