package com.dentaldesk.booking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dentaldesk.booking.support.ClinicFixture;
import com.dentaldesk.booking.support.ClinicFixture.Clinic;
import com.dentaldesk.booking.support.EmbeddedPostgresResource;
import com.dentaldesk.booking.support.RetellEvents;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Requests a client gets wrong, or an attacker sends on purpose: each is refused with a 4xx and the error envelope
 * (never a bare status a client cannot read, never a 500), and the service goes on serving.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class InputRulesFaultInjectionTest {

    @Inject
    ClinicFixture fixture;

    Clinic clinic;

    @BeforeEach
    void clinic() {
        clinic = fixture.create("America/New_York");
    }

    @Test
    void shouldAnswerJsonOfTheWrongShapeWithTheEnvelope() {
        for (String body : new String[] {"[1,2]", "\"text\"", "42", "{\"functionName\":5,\"parameters\":\"x\"}",
                "{\"functionName\":\"GetProviders\",\"parameters\":[1]}"}) {
            refused(clinic.api().body(body).post("/api/booking").then(), 422);
        }
        stillServing();
    }

    @Test
    void shouldRefuseABodyOverTheRouteLimitBeforeReadingIt() {
        String big = "{\"functionName\":\"GetProviders\",\"parameters\":{\"x\":\"" + "a".repeat(300 * 1024) + "\"}}";
        refused(clinic.api().body(big).post("/api/booking").then(), 413)
                .body("error.message", containsString("256 KiB"));
        refused(clinic.api().body(Map.of("name", "A", "phone", "+12125550100", "reason", "b".repeat(300 * 1024)))
                .post("/api/leads").then(), 413);
        stillServing();
    }

    @Test
    void shouldRefuseAWebhookBodyOverFiveMegabytesUnread() {
        byte[] body = RetellEvents.bytes(Map.of("event", "call_ended", "call",
                Map.of("call_id", "call_big", "padding", "p".repeat(6 * 1024 * 1024))));
        refused(RetellEvents.post(body, RetellEvents.signature(body, java.time.Instant.now())), 413);
        stillServing();
    }

    @Test
    void shouldRefuseAnOverlongRequestLineWithTheEnvelope() {
        refused(clinic.api().queryParam("q", "x".repeat(9000)).get("/api/patients").then(), 414);
        stillServing();
    }

    @Test
    void shouldKeepTheStatusOfAWrongMethodOrMediaType() {
        refused(clinic.api().delete("/api/booking").then(), 405);
        refused(given().header("Authorization", "Bearer " + clinic.apiKey()).contentType("text/plain").body("{}")
                .post("/api/booking").then(), 415);
    }

    @Test
    void shouldRefuseALeadWhoseNumberIsNoPhoneNumberOrWhoseNameIsNoName() {
        for (String phone : new String[] {"12", "not a phone", "+1 212 555 0100 0100 0100 99"}) {
            refused(clinic.api().body(Map.of("name", "Ann", "phone", phone, "reason", "callback"))
                    .post("/api/leads").then(), 422).body("error.missing", hasItem("phone"));
        }
        refused(clinic.api().body(Map.of("name", "N".repeat(100_000), "phone", "(212) 555-0100", "reason", "callback"))
                .post("/api/leads").then(), 422).body("error.missing", hasItem("name"));
        clinic.api().body(Map.of("name", "Ann", "phone", "(212) 555-0100", "reason", "callback")).post("/api/leads")
                .then().statusCode(200).body("data.phone", equalTo("+12125550100"));
    }

    private static ValidatableResponse refused(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .body("success", equalTo(false))
                .body("error.code", equalTo("VALIDATION_FAILED"))
                .body("error.message", org.hamcrest.Matchers.notNullValue());
    }

    private void stillServing() {
        clinic.call("GetProviders", Map.of()).statusCode(200).body("success", equalTo(true));
    }
}
