package com.dentaldesk.booking;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dentaldesk.booking.confirmations.ConfirmationJob;
import com.dentaldesk.booking.staff.StaffRole;
import com.dentaldesk.booking.support.ClinicFixture;
import com.dentaldesk.booking.support.ClinicFixture.Clinic;
import com.dentaldesk.booking.support.EmbeddedPostgresResource;
import com.dentaldesk.booking.support.InboxProbe;
import com.dentaldesk.booking.support.RetellEvents;
import com.dentaldesk.booking.support.RetellWireMock;
import com.dentaldesk.booking.tenancy.OrganizationChannel;
import com.dentaldesk.contracts.retell.ConfirmationCallMetadata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The confirmation-call job as two booking-api instances run it: two runners at once on every tick of a simulated
 * three days, Retell stubbed. Each eligible appointment is called exactly once (or once per retry when nobody
 * answers), only inside the clinic's calling hours in its own zone, and never for an opted-out patient or a
 * cancelled visit.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(RetellWireMock.class)
class ConfirmationCallJobTest {

    private static final String CREATE_CALL = "/v2/create-phone-call";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TICK = Duration.ofMinutes(10);

    @Inject
    ConfirmationJob job;

    @Inject
    ClinicFixture fixture;

    @Inject
    InboxProbe inbox;

    @Inject
    jakarta.persistence.EntityManager entityManager;

    WireMockServer retell;
    ExecutorService instances = Executors.newFixedThreadPool(2);

    /** One booked visit: whose phone, when, and whether the patient picks up. */
    record Visit(Clinic clinic, long appointmentId, String phone, Instant startsAt, boolean answers) {
    }

    /** A call Retell was asked to place, and the simulated moment it was asked at. */
    record Placed(String toNumber, JsonNode metadata, Instant at) {
    }

    @BeforeEach
    void stubRetell() {
        retell = RetellWireMock.server();
        retell.resetAll();
        retell.stubFor(post(CREATE_CALL).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"call_id\":\"call_{{randomValue length=24 type='ALPHANUMERIC'}}\","
                        + "\"call_status\":\"registered\",\"direction\":\"outbound\"}")
                .withTransformers("response-template")));
    }

    /** Clinics this class turned calls on for: turned off after each test, so no other test's job run calls them. */
    private final List<Clinic> callingClinics = new ArrayList<>();

    @AfterEach
    void stopInstancesAndCalls() {
        instances.shutdownNow();
        callingClinics.forEach(clinic -> clinic.api().body(Map.of("enabled", false))
                .put("/api/confirmations/settings").then().statusCode(200));
    }

    @Test
    void shouldCallEachEligibleAppointmentOnceInsideCallingHoursWithTwoInstancesRunning() throws Exception {
        List<Visit> visits = new ArrayList<>();
        Clinic east = clinicWithCallsOn("America/New_York", 1);
        Clinic west = clinicWithCallsOn("America/Los_Angeles", 1);
        List<String> notToCall = new ArrayList<>();
        for (Clinic clinic : List.of(east, west)) {
            visits.addAll(bookInTwoDays(clinic, 25, notToCall));
        }
        Instant start = Instant.now();
        Map<String, List<Placed>> callsByNumber = new HashMap<>();
        for (Instant now = start; now.isBefore(start.plus(Duration.ofHours(72))); now = now.plus(TICK)) {
            int before = retell.findAll(postRequestedFor(urlPathEqualTo(CREATE_CALL))).size();
            runAsTwoInstances(now);
            List<LoggedRequest> all = retell.findAll(postRequestedFor(urlPathEqualTo(CREATE_CALL)));
            for (LoggedRequest request : all.subList(before, all.size())) {
                JsonNode body = JSON.readTree(request.getBodyAsString());
                Placed placed = new Placed(body.path("to_number").asText(), body.path("metadata"), now);
                callsByNumber.computeIfAbsent(placed.toNumber(), n -> new ArrayList<>()).add(placed);
                Visit visit = visits.stream().filter(v -> v.phone().equals(placed.toNumber())).findFirst().orElseThrow(
                        () -> new AssertionError("a call to a number nobody booked with: " + placed.toNumber()));
                endCall(visit, body, visit.answers() ? "user_hangup" : "dial_no_answer");
            }
        }

        for (Visit visit : visits) {
            List<Placed> calls = callsByNumber.getOrDefault(visit.phone(), List.of());
            // Retries: 1, so a patient who never answers is called twice, an hour or more apart.
            assertThat(calls).as("calls to visit %d", visit.appointmentId()).hasSize(visit.answers() ? 1 : 2);
            for (Placed call : calls) {
                ZonedDateTime local = call.at().atZone(visit.clinic().zone());
                assertThat(local.toLocalTime()).as("inside calling hours").isBetween(LocalTime.of(9, 0),
                        LocalTime.of(17, 59, 59));
                assertThat(call.at()).as("not before 24 h ahead unless no hours were left, never within 2 h")
                        .isBefore(visit.startsAt().minus(Duration.ofHours(2)));
                assertThat(call.metadata().path("appointment_id").asLong()).isEqualTo(visit.appointmentId());
                assertThat(call.metadata().path("purpose").asText()).isEqualTo(ConfirmationCallMetadata.PURPOSE);
            }
            if (calls.size() == 2) {
                assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(
                        Duration.ofHours(1));
            }
            String status = confirmation(visit).getString("status");
            assertThat(status).isEqualTo(visit.answers() ? "unresolved" : "no_answer");
        }
        for (String phone : notToCall) {
            assertThat(callsByNumber).as("never called").doesNotContainKey(phone);
        }
    }

    @Test
    void shouldPlaceAgainOnlyTheCallRetellNeverReportedAfterItsAnswerWasLost() throws Exception {
        Clinic clinic = clinicWithCallsOn("Europe/London", 0);
        List<Visit> visits = bookInTwoDays(clinic, 2, new ArrayList<>());
        Instant callTime = firstCallingMomentBefore(visits.get(0).startsAt(), clinic.zone());
        // Retell takes both requests but its answers never arrive (as if this instance died waiting for them).
        retell.resetAll();
        retell.stubFor(post(CREATE_CALL).willReturn(aResponse().withStatus(201).withFixedDelay(2_000)
                .withHeader("Content-Type", "application/json").withBody("{\"call_id\":\"call_lost\"}")));
        job.runOnce(callTime);
        assertThat(retell.findAll(postRequestedFor(urlPathEqualTo(CREATE_CALL)))).hasSize(2);
        stubRetell();
        // A late report of an earlier try of the same confirmation settles nothing of this one.
        Map<String, Object> stale = outboundEvent("call_ended", RetellEvents.newCallId(), clinic, visits.get(0),
                JSON.valueToTree(Map.of("purpose", ConfirmationCallMetadata.PURPOSE, "confirmation_id",
                        confirmationRowId(visits.get(0)), "claim", 0)), "dial_no_answer");
        RetellEvents.send(stale).statusCode(204);
        inbox.awaitProcessed((String) ((Map<?, ?>) stale.get("call")).get("call_id"));
        assertThat(confirmation(visits.get(0)).getString("status")).isEqualTo("placing");
        // The first call did go out: its webhook names the confirmation it was placed for.
        JsonNode firstMetadata = JSON.valueToTree(Map.of("purpose", ConfirmationCallMetadata.PURPOSE, "confirmation_id",
                confirmationRowId(visits.get(0)), "appointment_id", visits.get(0).appointmentId(), "claim", 1));
        Map<String, Object> started = outboundEvent("call_started", RetellEvents.newCallId(), clinic, visits.get(0),
                firstMetadata, null);
        RetellEvents.send(started).statusCode(204);
        inbox.awaitProcessed((String) ((Map<?, ?>) started.get("call")).get("call_id"));

        job.runOnce(callTime.plus(Duration.ofMinutes(5)));
        assertThat(retell.findAll(postRequestedFor(urlPathEqualTo(CREATE_CALL)))).as("within the deadline: no call")
                .isEmpty();
        job.runOnce(callTime.plus(Duration.ofMinutes(20)));
        List<LoggedRequest> placed = retell.findAll(postRequestedFor(urlPathEqualTo(CREATE_CALL)));
        assertThat(placed).as("only the call Retell never reported is placed again").hasSize(1);
        assertThat(placed.get(0).getBodyAsString()).contains(visits.get(1).phone());
        assertThat(confirmation(visits.get(0)).getString("status")).isEqualTo("calling");
        assertThat(confirmation(visits.get(1)).getString("status")).isEqualTo("calling");
        assertThat(confirmation(visits.get(1)).getInt("attempts")).as("the lost attempt is not counted").isEqualTo(1);
    }

    @Test
    void shouldNotLetAnotherClinicsCallSettleAConfirmationItsMetadataNames() throws Exception {
        Clinic clinic = clinicWithCallsOn("America/New_York", 0);
        Visit visit = bookInTwoDays(clinic, 1, new ArrayList<>()).get(0);
        retell.resetAll();
        retell.stubFor(post(CREATE_CALL).willReturn(aResponse().withStatus(201).withFixedDelay(2_000)
                .withHeader("Content-Type", "application/json").withBody("{\"call_id\":\"call_lost\"}")));
        job.runOnce(firstCallingMomentBefore(visit.startsAt(), clinic.zone()));
        stubRetell();
        assertThat(confirmation(visit).getString("status")).isEqualTo("placing");

        // Another clinic places a call of its own with metadata naming this clinic's confirmation.
        Clinic other = clinicWithCallsOn("America/New_York", 0);
        Visit theirs = new Visit(other, 0, RetellEvents.newNumber(), visit.startsAt(), true);
        Map<String, Object> forged = outboundEvent("call_started", RetellEvents.newCallId(), other, theirs,
                JSON.valueToTree(Map.of("purpose", ConfirmationCallMetadata.PURPOSE, "confirmation_id",
                        confirmationRowId(visit), "claim", 1)), null);
        RetellEvents.send(forged).statusCode(204);
        inbox.awaitProcessed((String) ((Map<?, ?>) forged.get("call")).get("call_id"));
        assertThat(confirmation(visit).getString("status")).isEqualTo("placing");
        assertThat(confirmation(visit).getString("callId")).isNull();
    }

    @Test
    void shouldNotCallWithinTwoHoursOfTheVisitWhenTheCallWasDueLongAgo() {
        Clinic clinic = clinicWithCallsOn("America/New_York", 0);
        Visit visit = bookInTwoDays(clinic, 5, new ArrayList<>()).get(4); // 10:00
        Instant dueAt = firstCallingMomentBefore(visit.startsAt(), clinic.zone());
        job.runOnce(dueAt.minus(Duration.ofHours(8))); // queued and planned, not due yet
        // The service was down until an hour before the visit.
        job.runOnce(visit.startsAt().minus(Duration.ofHours(1)));
        assertThat(retell.findAll(postRequestedFor(urlPathEqualTo(CREATE_CALL)))).isEmpty();
        assertThat(confirmation(visit).getString("status")).isEqualTo("skipped");
        assertThat(confirmation(visit).getString("detail")).isEqualTo("Too close to the visit to call");
    }

    @Test
    void shouldCallAVisitScheduledAgainAfterItWasCancelled() {
        Clinic clinic = clinicWithCallsOn("America/New_York", 0);
        Visit visit = bookInTwoDays(clinic, 1, new ArrayList<>()).get(0);
        Instant callTime = firstCallingMomentBefore(visit.startsAt(), clinic.zone());
        job.runOnce(callTime.minus(Duration.ofHours(8)));
        clinic.call("DeleteAppointment", Map.of("AptNum", visit.appointmentId())).statusCode(200);
        assertThat(confirmation(visit).getString("status")).isEqualTo("cancelled");
        clinic.call("UpdateAppointment", Map.of("AptNum", visit.appointmentId(), "AptStatus", "Scheduled"))
                .statusCode(200);
        job.runOnce(callTime);
        assertThat(retell.findAll(postRequestedFor(urlPathEqualTo(CREATE_CALL)))).hasSize(1);
        assertThat(confirmation(visit).getString("status")).isEqualTo("calling");
    }

    @Test
    void shouldRefuseAConfirmationForAVisitMovedInTheSameCall() throws Exception {
        Clinic clinic = clinicWithCallsOn("America/New_York", 0);
        Visit visit = bookInTwoDays(clinic, 1, new ArrayList<>()).get(0);
        job.runOnce(firstCallingMomentBefore(visit.startsAt(), clinic.zone()));
        String callId = confirmation(visit).getString("callId");
        String later = visit.startsAt().plus(Duration.ofHours(3)).atZone(clinic.zone()).toLocalDateTime().toString()
                .replace('T', ' ') + ":00";
        clinic.call("UpdateAppointment", Map.of("AptNum", visit.appointmentId(), "AptDateTime", later))
                .statusCode(200);
        assertThat(confirmation(visit).getString("status")).isEqualTo("moved");
        clinic.gateway().body(Map.of("callId", callId, "answer", "confirmed"))
                .post("/api/confirmations/" + visit.appointmentId() + "/answer").then().statusCode(422);
        clinic.api().body(Map.of("callId", callId, "answer", "confirmed"))
                .post("/api/confirmations/" + visit.appointmentId() + "/answer").then().statusCode(401);
        assertThat(confirmation(visit).getString("status")).isEqualTo("moved");
    }

    @Test
    void shouldLetTheOwnerTurnCallsOnOnlyWithANumberToCallFromAndRefuseBadHours() {
        Clinic clinic = fixture.create("America/Chicago");
        clinic.api().body(Map.of("enabled", true)).put("/api/confirmations/settings").then().statusCode(422)
                .body("error.message", containsString("phone number"));
        fixture.addChannel(clinic, OrganizationChannel.PHONE_NUMBER, RetellEvents.newNumber());
        clinic.api().body(Map.of("enabled", true, "callingFrom", "18:00", "callingUntil", "09:00"))
                .put("/api/confirmations/settings").then().statusCode(422);
        clinic.api().body(Map.of("enabled", true, "callingDays", List.of("MON", "SAT"), "retries", 3))
                .put("/api/confirmations/settings").then().statusCode(200)
                .body("data.enabled", org.hamcrest.Matchers.equalTo(true))
                .body("data.callingDays", org.hamcrest.Matchers.contains("MON", "SAT"))
                .body("data.retries", org.hamcrest.Matchers.equalTo(3));
        clinic.api().get("/api/confirmations/settings").then().statusCode(200)
                .body("data.hoursBefore", org.hamcrest.Matchers.equalTo(24));
    }

    @Test
    void shouldShowTheFrontDeskEachVisitsCallAndLetOnlyTheOwnerChangeTheSettings() throws Exception {
        Clinic clinic = clinicWithCallsOn("America/Denver", 1);
        List<Visit> visits = bookInTwoDays(clinic, 2, new ArrayList<>());
        job.runOnce(firstCallingMomentBefore(visits.get(0).startsAt(), clinic.zone()));
        clinic.call("DeleteAppointment", Map.of("AptNum", visits.get(1).appointmentId())).statusCode(200);

        String desk = signIn(fixture.person(clinic, StaffRole.FRONT_DESK));
        console(desk).get("/console/confirmations").then().statusCode(200)
                .body(containsString("Pat0 Tester")).body(containsString("badge-confirmation-calling\">Calling"))
                .body(containsString("badge-confirmation-cancelled\">Cancelled"))
                .body(not(containsString("action=\"/console/confirmations/settings\"")));
        console(desk).get("/console/schedule/appointments/" + visits.get(0).appointmentId()).then().statusCode(200)
                .body(containsString("badge-confirmation-calling"));
        console(desk).formParam("hoursBefore", "48").formParam("callingFrom", "09:00")
                .formParam("callingUntil", "18:00").formParam("retries", "1").formParam("retryAfterMinutes", "60")
                .post("/console/confirmations/settings").then().statusCode(403);

        String owner = signIn(fixture.person(clinic, StaffRole.OWNER));
        console(owner).formParam("hoursBefore", "48").formParam("callingFrom", "18:00")
                .formParam("callingUntil", "09:00").formParam("retries", "1").formParam("retryAfterMinutes", "60")
                .formParam("days", "MON").post("/console/confirmations/settings").then().statusCode(422)
                .body(containsString("Calling hours must end after they start"));
        console(owner).formParam("hoursBefore", "48").formParam("callingFrom", "10:00")
                .formParam("callingUntil", "16:00").formParam("retries", "1").formParam("retryAfterMinutes", "60")
                .formParam("days", "MON").formParam("days", "TUE").post("/console/confirmations/settings").then()
                .statusCode(303);
        clinic.api().get("/api/confirmations/settings").then().body("data.enabled", org.hamcrest.Matchers.equalTo(false))
                .body("data.hoursBefore", org.hamcrest.Matchers.equalTo(48))
                .body("data.callingDays", org.hamcrest.Matchers.contains("MON", "TUE"));
    }

    private static String signIn(ClinicFixture.Person person) {
        return given().redirects().follow(false).formParam("email", person.email())
                .formParam("password", person.password()).post("/console/sign-in").then().statusCode(303).extract()
                .cookie("dd_console");
    }

    private static io.restassured.specification.RequestSpecification console(String session) {
        return given().redirects().follow(false).cookie("dd_console", session);
    }

    private void runAsTwoInstances(Instant now) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> runs = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return job.runOnce(now);
        }, instances)).toList();
        for (CompletableFuture<Integer> run : runs) {
            run.get();
        }
    }

    /** Retell's call_ended for a call the job placed, processed before the next tick. */
    private void endCall(Visit visit, JsonNode request, String reason) {
        // The id Retell answered with is in the job's record: the event is about that attempt.
        String callId = confirmation(visit).getString("callId");
        assertThat(callId).as("the placed call is recorded").isNotNull();
        Map<String, Object> ended = outboundEvent("call_ended", callId, visit.clinic(), visit,
                request.path("metadata"), reason);
        RetellEvents.send(ended).statusCode(204);
        inbox.awaitProcessed((String) ((Map<?, ?>) ended.get("call")).get("call_id"));
    }

    private Map<String, Object> outboundEvent(String event, String callId, Clinic clinic, Visit visit,
            JsonNode metadata, String reason) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("call_id", callId);
        call.put("call_type", "phone_call");
        call.put("direction", "outbound");
        call.put("from_number", clinicNumber(clinic));
        call.put("to_number", visit.phone());
        call.put("metadata", JSON.convertValue(metadata, Map.class));
        call.put("call_status", reason == null ? "ongoing" : "not_connected".equals(reason) ? reason : "ended");
        if (reason != null) {
            call.put("disconnection_reason", reason);
            call.put("end_timestamp", System.currentTimeMillis());
        }
        return Map.of("event", event, "call", call);
    }

    private final Map<Long, String> numbers = new HashMap<>();

    private String clinicNumber(Clinic clinic) {
        return numbers.get(clinic.id());
    }

    private Clinic clinicWithCallsOn(String zone, int retries) {
        Clinic clinic = fixture.create(zone);
        String number = RetellEvents.newNumber();
        numbers.put(clinic.id(), number);
        fixture.addChannel(clinic, OrganizationChannel.PHONE_NUMBER, number);
        callingClinics.add(clinic);
        clinic.api().body(Map.of("enabled", true, "hoursBefore", 24, "callingFrom", "09:00", "callingUntil", "18:00",
                "callingDays", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"), "retries", retries,
                "retryAfterMinutes", 60)).put("/api/confirmations/settings").then().statusCode(200);
        return clinic;
    }

    /**
     * {@code count} visits the day after tomorrow from 08:00 every 30 minutes; every fifth patient never answers. Two more patients
     * must not be called: one who opted out, one whose visit was cancelled (their numbers go to {@code notToCall}).
     */
    private List<Visit> bookInTwoDays(Clinic clinic, int count, List<String> notToCall) {
        long provider = clinic.provider("Conf" + clinic.id());
        clinic.room("Room 1", true);
        // Two days ahead, so the day before always has calling hours left, whatever the time the test runs at.
        LocalDate tomorrow = LocalDate.now(clinic.zone()).plusDays(2);
        LocalTime first = LocalTime.of(8, 0);
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < count + 2; i++) {
            String phone = RetellEvents.newNumber();
            long patient = clinic.patient("Pat" + i, phone);
            LocalTime at = first.plusMinutes(30L * i);
            long appointment = clinic.create("CreateAppointment",
                    clinic.booking(patient, provider, tomorrow + " " + at + ":00", 30), "AptNum");
            Instant startsAt = tomorrow.atTime(at).atZone(clinic.zone()).toInstant();
            if (i == count) {
                optOut(patient);
                notToCall.add(phone);
            } else if (i == count + 1) {
                clinic.call("DeleteAppointment", Map.of("AptNum", appointment)).statusCode(200);
                notToCall.add(phone);
            } else {
                visits.add(new Visit(clinic, appointment, phone, startsAt, i % 5 != 4));
            }
        }
        return visits;
    }

    private void optOut(long patientId) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update patients set calls_opted_out_at = now() where id = :id").setParameter("id", patientId)
                .executeUpdate());
    }

    private JsonPath confirmation(Visit visit) {
        LocalDate day = visit.startsAt().atZone(visit.clinic().zone()).toLocalDate();
        List<Map<String, Object>> rows = visit.clinic().api().queryParam("from", day.toString())
                .queryParam("to", day.toString()).get("/api/confirmations").then().statusCode(200).extract()
                .jsonPath().getList("data");
        Map<String, Object> row = rows.stream()
                .filter(r -> ((Number) r.get("appointmentId")).longValue() == visit.appointmentId()).findFirst()
                .orElseThrow(() -> new AssertionError("no confirmation call for " + visit.appointmentId()));
        return new JsonPath(toJson(row));
    }

    private long confirmationRowId(Visit visit) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select id from confirmation_calls where appointment_id = :id").setParameter("id", visit.appointmentId())
                .getSingleResult()).longValue());
    }

    private static Instant firstCallingMomentBefore(Instant visit, ZoneId zone) {
        // The first visit is at 08:00; 24 h before it is outside 09:00-18:00, so the call goes at 09:00 that day.
        Instant due = visit.minus(Duration.ofHours(24));
        ZonedDateTime local = due.atZone(zone);
        ZonedDateTime opening = local.toLocalDate().atTime(9, 0).atZone(zone);
        return local.isBefore(opening) ? opening.toInstant() : due;
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
