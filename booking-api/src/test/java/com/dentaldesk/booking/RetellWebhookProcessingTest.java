package com.dentaldesk.booking;

import static com.dentaldesk.booking.support.RetellEvents.inboundCall;
import static com.dentaldesk.booking.support.RetellEvents.newCallId;
import static com.dentaldesk.booking.support.RetellEvents.newNumber;
import static com.dentaldesk.booking.support.RetellEvents.send;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dentaldesk.booking.retell.WebhookInbox;
import com.dentaldesk.booking.support.ClinicFixture;
import com.dentaldesk.booking.support.ClinicFixture.Clinic;
import com.dentaldesk.booking.support.EmbeddedPostgresResource;
import com.dentaldesk.booking.support.InboxProbe;
import com.dentaldesk.booking.support.RetellEvents;
import com.dentaldesk.booking.support.RetellWireMock;
import com.dentaldesk.booking.tenancy.OrganizationChannel;
import com.dentaldesk.contracts.calls.ConversationLog;
import com.dentaldesk.contracts.calls.TranscriptEntry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(RetellWireMock.class)
class RetellWebhookProcessingTest {

    @Inject
    ClinicFixture fixture;

    @Inject
    InboxProbe inbox;

    @Inject
    WebhookInbox webhookInbox;

    Clinic clinic;
    String agentId;
    String clinicNumber;

    @BeforeEach
    void clinicWithAgentAndNumber() {
        clinic = fixture.create("America/New_York");
        agentId = "agent_" + clinic.slug();
        clinicNumber = newNumber();
        fixture.addChannel(clinic, OrganizationChannel.RETELL_AGENT, agentId);
        fixture.addChannel(clinic, OrganizationChannel.PHONE_NUMBER, clinicNumber);
        RetellWireMock.server().resetAll();
        RetellWireMock.server().stubFor(get(urlPathMatching("/v2/get-call/.*"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"call_status\":\"ended\"}")));
    }

    @Test
    void shouldConvergeToTheSameCallWhateverTheOrderAndDuplicates() {
        String caller = newNumber();
        String inOrder = newCallId();
        for (String event : new String[] {"call_started", "call_ended", "call_analyzed"}) {
            send(inboundCall(event, inOrder, agentId, caller, clinicNumber)).statusCode(204);
        }
        String shuffled = newCallId();
        for (String event : new String[] {"call_analyzed", "call_ended", "call_started", "call_analyzed",
                "call_ended"}) {
            Map<String, Object> body = inboundCall(event, shuffled, agentId, caller, clinicNumber);
            // Redeliveries are not always byte-identical; vary the bytes so each one is stored and folded.
            body.put("redelivery", Math.random());
            send(body).statusCode(204);
        }
        inbox.awaitProcessed(inOrder);
        inbox.awaitProcessed(shuffled);

        Map<String, Object> first = session(inOrder);
        Map<String, Object> second = session(shuffled);
        assertThat(first).containsEntry("status", "ended").containsEntry("last_event", "call_analyzed")
                .containsEntry("duration_ms", 90000).containsEntry("disconnection_reason", "user_hangup")
                .containsEntry("summary", "Caller asked about a cleaning.").containsEntry("direction", "inbound");
        first.remove("call_id");
        second.remove("call_id");
        first.remove("recording_url");
        second.remove("recording_url");
        assertThat(second).isEqualTo(first);

        clinic.api().get("/api/conversations/" + shuffled).then().statusCode(200)
                .body("data.transcript", hasSize(2)).body("data.fromNumber", equalTo(caller))
                .body("data.endedAt", equalTo("2025-12-29T09:21:30Z"));
        clinic.api().get("/api/leads").then().statusCode(200)
                .body("data.findAll { it.callId == '" + shuffled + "' }", hasSize(1));
    }

    @Test
    void shouldTakeRetellsLongerTranscriptButNeverShortenTheGatewaysOne() {
        String shorter = newCallId();
        gatewayLog(shorter, List.of(new TranscriptEntry("agent", "Thanks for calling, how can I help?")));
        send(inboundCall("call_ended", shorter, agentId, newNumber(), clinicNumber)).statusCode(204);
        inbox.awaitProcessed(shorter);
        clinic.api().get("/api/conversations/" + shorter).then().statusCode(200)
                .body("data.transcript", hasSize(2)).body("data.transcript[1].content", equalTo("I would like a cleaning."));

        String longer = newCallId();
        gatewayLog(longer, List.of(new TranscriptEntry("agent", "Hello"), new TranscriptEntry("user", "Hi"),
                new TranscriptEntry("agent", "You're booked for Tuesday.")));
        send(inboundCall("call_ended", longer, agentId, newNumber(), clinicNumber)).statusCode(204);
        inbox.awaitProcessed(longer);
        clinic.api().get("/api/conversations/" + longer).then().statusCode(200)
                .body("data.transcript", hasSize(3)).body("data.transcript[2].content", equalTo("You're booked for Tuesday."));
    }

    private void gatewayLog(String callId, List<TranscriptEntry> transcript) {
        clinic.gateway()
                .body(new ConversationLog(callId, agentId, null, null, null, null, transcript, null, null, null, null))
                .put("/api/conversations/" + callId).then().statusCode(200);
    }

    @Test
    void shouldNeverLetALateStartedEventReopenAnEndedCall() {
        String callId = newCallId();
        send(inboundCall("call_ended", callId, agentId, newNumber(), clinicNumber)).statusCode(204);
        inbox.awaitProcessed(callId);
        send(inboundCall("call_started", callId, agentId, newNumber(), clinicNumber)).statusCode(204);
        inbox.awaitProcessed(callId);

        assertThat(session(callId)).containsEntry("status", "ended").containsEntry("last_event", "call_ended");
    }

    @Test
    void shouldKeepACallFromAnUnknownAgentAndNumberUnassigned() {
        String callId = newCallId();
        send(inboundCall("call_ended", callId, "agent_nobody_knows", newNumber(), newNumber())).statusCode(204);
        inbox.awaitProcessed(callId);

        given().header("Authorization", "Bearer " + ClinicFixture.SERVICE_TOKEN)
                .get("/api/retell/unassigned-calls").then().statusCode(200)
                .body("data.call_id", hasItem(callId));
        clinic.api().get("/api/conversations/" + callId).then().statusCode(404);
        clinic.api().queryParam("call_id", callId).get("/api/retell/call").then().statusCode(404);
        clinic.api().get("/api/leads").then().body("data.callId", not(hasItem(callId)));
        // Operators only: a clinic key does not see other people's calls.
        clinic.api().get("/api/retell/unassigned-calls").then().statusCode(401);
    }

    @Test
    void shouldFileACallByItsCalledNumberWhenTheAgentIsUnknown() {
        String callId = newCallId();
        send(inboundCall("call_started", callId, "agent_from_dashboard", newNumber(), clinicNumber)).statusCode(204);
        inbox.awaitProcessed(callId);

        assertThat(session(callId)).containsEntry("status", "ongoing");
    }

    @Test
    void shouldTurnAFinishedUnbookedCallIntoOneLead() {
        String callId = newCallId();
        String caller = newNumber();
        send(inboundCall("call_ended", callId, agentId, caller, clinicNumber)).statusCode(204);
        send(inboundCall("call_analyzed", callId, agentId, caller, clinicNumber)).statusCode(204);
        inbox.awaitProcessed(callId);

        JsonPath leads = clinic.api().get("/api/leads").then().statusCode(200).extract().jsonPath();
        assertThat(leads.getList("data.findAll { it.callId == '" + callId + "' }")).hasSize(1);
        assertThat(leads.getString("data.find { it.callId == '" + callId + "' }.phone")).isEqualTo(caller);
        assertThat(leads.getString("data.find { it.callId == '" + callId + "' }.name")).isEqualTo("Pat Caller");
        clinic.api().get("/api/conversations/" + callId).then().body("data.outcome", equalTo("message"))
                .body("data.leadId", equalTo(leads.getInt("data.find { it.callId == '" + callId + "' }.id")));
    }

    @Test
    void shouldKeepTheGatewaysLeadAndNotAddASecondOne() {
        String callId = newCallId();
        clinic.api().body(Map.of("callId", callId, "name", "Sam Gateway", "phone", "(212) 555-0142",
                "reason", "wants a callback about whitening")).post("/api/leads").then().statusCode(200);
        send(inboundCall("call_analyzed", callId, agentId, newNumber(), clinicNumber)).statusCode(204);
        inbox.awaitProcessed(callId);

        JsonPath leads = clinic.api().get("/api/leads").then().extract().jsonPath();
        assertThat(leads.getList("data.findAll { it.callId == '" + callId + "' }")).hasSize(1);
        assertThat(leads.getString("data.find { it.callId == '" + callId + "' }.name")).isEqualTo("Sam Gateway");
        assertThat(leads.getString("data.find { it.callId == '" + callId + "' }.phone")).isEqualTo("+12125550142");
    }

    @Test
    void shouldNotMakeALeadOfACallThatBookedAnAppointment() {
        String callId = newCallId();
        long provider = clinic.provider("Booker");
        long room = clinic.room("Op 1", true);
        long patient = clinic.patient("Bea", "212-555-0177");
        var day = clinic.futureWeekday(1);
        clinic.schedule(day, "08:00", "12:00", provider, room);
        long appointment = clinic.api().body(Map.of("functionName", "CreateAppointment", "sessionId", callId,
                "parameters", clinic.booking(patient, provider, day + " 09:00:00", 30)))
                .post("/api/booking").then().statusCode(200).extract().jsonPath().getLong("data.AptNum");

        send(inboundCall("call_ended", callId, agentId, newNumber(), clinicNumber)).statusCode(204);
        inbox.awaitProcessed(callId);

        clinic.api().get("/api/leads").then().body("data.callId", not(hasItem(callId)));
        clinic.api().get("/api/conversations/" + callId).then().statusCode(200)
                .body("data.outcome", equalTo("booked")).body("data.appointmentId", equalTo((int) appointment));
    }

    @Test
    void shouldProcessAnEventStoredBeforeACrashOnTheNextSweep() {
        String callId = newCallId();
        byte[] body = RetellEvents.bytes(inboundCall("call_started", callId, agentId, newNumber(), clinicNumber));
        // As if the service had stored the event and died before processing it: nothing wakes the processor.
        QuarkusTransaction.requiringNew().run(() -> webhookInbox.store(body, "call_started", callId));
        assertThat(new String(body, StandardCharsets.UTF_8)).contains(callId);

        inbox.awaitProcessed(callId);
        assertThat(session(callId)).containsEntry("status", "ongoing");
    }

    @Test
    void shouldRecordACallWhoseTimestampIsOutOfRangeInsteadOfRetryingIt() {
        String callId = newCallId();
        Map<String, Object> event = inboundCall("call_ended", callId, agentId, newNumber(), clinicNumber);
        @SuppressWarnings("unchecked")
        Map<String, Object> call = (Map<String, Object>) event.get("call");
        call.put("start_timestamp", Long.MAX_VALUE);
        call.put("end_timestamp", -62_000_000_000_000L);
        send(event).statusCode(204);
        inbox.awaitProcessed(callId);

        assertThat(session(callId)).containsEntry("status", "ended");
        assertThat(QuarkusTransaction.requiringNew().call(() -> webhookInbox.dead(1, 100)).stream()
                .map(e -> e.callId)).doesNotContain(callId);
    }

    @Test
    void shouldListAnEventThatFailedEveryAttemptForTheOperatorAndProcessItWhenRetried() {
        String callId = newCallId();
        byte[] body = RetellEvents.bytes(inboundCall("call_started", callId, agentId, newNumber(), clinicNumber));
        // As if every attempt had failed: the processor no longer picks it up.
        QuarkusTransaction.requiringNew().run(() -> {
            webhookInbox.store(body, "call_started", callId);
            webhookInbox.update("attempts = 10, lastError = 'java.lang.IllegalStateException' where callId = ?1",
                    callId);
        });

        JsonPath dead = given().header("Authorization", "Bearer " + ClinicFixture.SERVICE_TOKEN)
                .get("/api/retell/dead-letters").then().statusCode(200).extract().jsonPath();
        assertThat(dead.getString("data.find { it.call_id == '" + callId + "' }.last_error"))
                .isEqualTo("java.lang.IllegalStateException");
        long id = dead.getLong("data.find { it.call_id == '" + callId + "' }.id");
        clinic.api().get("/api/retell/dead-letters").then().statusCode(401);

        given().header("Authorization", "Bearer " + ClinicFixture.SERVICE_TOKEN)
                .post("/api/retell/dead-letters/" + id + "/retry").then().statusCode(200)
                .body("data.attempts", equalTo(0));
        inbox.awaitProcessed(callId);
        assertThat(session(callId)).containsEntry("status", "ongoing");
        given().header("Authorization", "Bearer " + ClinicFixture.SERVICE_TOKEN)
                .post("/api/retell/dead-letters/" + id + "/retry").then().statusCode(404);
    }

    private Map<String, Object> session(String callId) {
        Map<String, Object> data = clinic.api().queryParam("call_id", callId).get("/api/retell/call").then()
                .statusCode(200).extract().jsonPath().getMap("data");
        data.remove("retell");
        data.remove("retell_error");
        return data;
    }
}
