package com.dentaldesk.booking;

import static com.dentaldesk.booking.support.RetellEvents.newCallId;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.dentaldesk.booking.input.ControlCharacters;
import com.dentaldesk.booking.support.CapturedLogs;
import com.dentaldesk.booking.support.ClinicFixture;
import com.dentaldesk.booking.support.ClinicFixture.Clinic;
import com.dentaldesk.booking.support.EmbeddedPostgresResource;
import com.dentaldesk.booking.support.RetellEvents;
import com.dentaldesk.contracts.calls.ConversationLog;
import com.dentaldesk.contracts.calls.TranscriptEntry;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A NUL (or another control character) in any JSON string is removed before it reaches PostgreSQL, which refuses it:
 * the request succeeds instead of answering 500, and no log line carries the request's patient data.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ControlCharactersTest {

    private static final String MARKER = "Zqxmarker";

    @Inject
    ClinicFixture fixture;

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @Test
    void shouldStoreAPatientAndACallLogWithoutTheNulInsteadOfFailing() {
        Clinic clinic = fixture.create("America/New_York");
        long patient = clinic.create("CreatePatient", Map.of("FName", "Ma\u0000rta", "LName", MARKER,
                "Birthdate", "1980-05-05", "WirelessPhone", "212-555-0177"), "PatNum");
        clinic.call("GetPatient", Map.of("PatNum", patient)).statusCode(200).body("data.FName", equalTo("Marta"));

        String callId = newCallId();
        clinic.gateway().body(new ConversationLog(callId, "agent_x", "+12125550177", "+14155550100",
                Instant.now().minusSeconds(60), null,
                List.of(new TranscriptEntry("user", "This is " + MARKER + "\u0000, born 1980-05-05")), List.of(),
                null, null, null)).put("/api/conversations/" + callId).then().statusCode(200);
        clinic.gateway().get("/api/conversations/" + callId).then().statusCode(200)
                .body("data.transcript[0].content", equalTo("This is " + MARKER + ", born 1980-05-05"));

        assertEquals(List.of(), logs.containing(MARKER));
    }

    @Test
    void shouldKeepACleanCallLogExactlyAsSent() {
        Clinic clinic = fixture.create("America/New_York");
        // Accents, a tooth, quotes and a tab (kept): a clean body skips the cleaning and reaches the record as sent.
        String said = "Zoë Łukasz 🦷 said \"tab\there\", " + "then more. ".repeat(300);
        String callId = newCallId();
        clinic.gateway().body(new ConversationLog(callId, "agent_x", "+12125550177", "+14155550100",
                Instant.now().minusSeconds(60), null, List.of(new TranscriptEntry("user", said)), List.of(),
                null, null, null)).put("/api/conversations/" + callId).then().statusCode(200);
        clinic.gateway().get("/api/conversations/" + callId).then().statusCode(200)
                .body("data.transcript[0].content", equalTo(said));
    }

    @Test
    void shouldStoreASignedWebhookWithANul() {
        Map<String, Object> event = RetellEvents.inboundCall("call_ended", newCallId(), "agent_none", "+12125550178",
                "+14155550100");
        @SuppressWarnings("unchecked")
        Map<String, Object> call = (Map<String, Object>) event.get("call");
        call.put("transcript_object", List.of(Map.of("role", "user", "content", MARKER + "\u0000 here")));
        RetellEvents.send(event).statusCode(204);
        assertEquals(List.of(), logs.containing(MARKER));
    }

    @Test
    void shouldRemoveOnlyUnescapedControlEscapes() {
        assertEquals("{\"a\":\"xy\"}", ControlCharacters.cleanJson("{\"a\":\"x\\u0000y\"}"));
        assertEquals("{\"a\":\"x\\\\u0000y\"}", ControlCharacters.cleanJson("{\"a\":\"x\\\\u0000y\"}"));
        assertEquals("{\"a\":\"tab\\u0009 kept\\n\"}", ControlCharacters.cleanJson("{\"a\":\"tab\\u0009 kept\\n\"}"));
        assertEquals("{\"a\":\"xy\"}", ControlCharacters.cleanJson("{\"a\":\"x\u0001y\"}"));
    }
}
