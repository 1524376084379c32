package com.dentaldesk.voice.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.util.List;
import java.util.Map;

import com.dentaldesk.contracts.booking.ApiError;
import com.dentaldesk.contracts.booking.ApiResponse;
import com.dentaldesk.contracts.booking.Appointment;
import com.dentaldesk.contracts.booking.AppointmentStatus;
import com.dentaldesk.contracts.booking.ClinicProfile;
import com.dentaldesk.contracts.booking.ErrorCode;
import com.dentaldesk.contracts.booking.NextAction;
import com.dentaldesk.contracts.booking.Patient;
import com.dentaldesk.contracts.booking.Slot;
import com.dentaldesk.contracts.calls.ConversationLog;
import com.dentaldesk.contracts.calls.Lead;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

/** booking-api as WireMock, speaking the envelope of the real contract. */
public final class BookingStubs {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    public static final Patient JANE = new Patient(42, "Jane", "Doe", "1985-03-03", Clinics.CALLER, null);
    public static final Slot NINE = new Slot("2030-06-04 09:00:00", "2030-06-04 09:30:00", 1, 3, 30, "Dr. Maya Patel");
    public static final Slot TEN_THIRTY = new Slot("2030-06-04 10:30:00", "2030-06-04 11:00:00", 1, 3, 30, "Dr. Maya Patel");
    public static final Slot ELEVEN = new Slot("2030-06-04 11:00:00", "2030-06-04 11:30:00", 1, 4, 30, "Dr. Maya Patel");

    private final WireMockServer server;
    private StubMapping outage;

    public BookingStubs(WireMockServer server) {
        this.server = server;
    }

    /** A healthy booking-api knowing the demo clinic, Jane, and two free slots. */
    public BookingStubs defaults() {
        server.resetAll();
        clinic(Clinics.demo());
        server.stubFor(get(urlPathEqualTo("/api/organizations/resolve")).atPriority(10)
                .willReturn(json(404, ApiResponse.failure(new ApiError(ErrorCode.NOT_FOUND, "unknown clinic",
                        NextAction.INFORM_USER, null, null)))));
        server.stubFor(put(urlPathMatching("/api/conversations/.*")).willReturn(json(200, ApiResponse.ok(null))));
        server.stubFor(get(urlPathMatching("/api/conversations/.*")).willReturn(json(404, ApiResponse.failure(
                new ApiError(ErrorCode.NOT_FOUND, "no such conversation", NextAction.INFORM_USER, null, null)))));
        server.stubFor(post(urlPathEqualTo("/api/leads")).willReturn(json(200,
                ApiResponse.ok(new Lead(7, "x", "y", "z", "w", "new", null)))));
        function("GetMultiplePatients", json(200, ApiResponse.ok(List.of(JANE))));
        function("GetAvailableSlots", json(200, ApiResponse.ok(List.of(NINE, TEN_THIRTY))));
        function("CreateAppointment", json(200, ApiResponse.ok(appointment(NINE))));
        return this;
    }

    /** One more agent id that resolves to this clinic. */
    public BookingStubs agent(String agentId, ClinicProfile clinic) {
        server.stubFor(get(urlPathEqualTo("/api/organizations/resolve")).withQueryParam("agent_id", equalTo(agentId))
                .atPriority(1).willReturn(json(200, ApiResponse.ok(clinic))));
        return this;
    }

    public void clinic(ClinicProfile clinic) {
        server.stubFor(get(urlPathEqualTo("/api/organizations/resolve")).withQueryParam("agent_id", equalTo(Clinics.AGENT_ID))
                .atPriority(1).willReturn(json(200, ApiResponse.ok(clinic))));
        server.stubFor(get(urlPathEqualTo("/api/organizations/resolve")).withQueryParam("slug", equalTo(clinic.slug()))
                .atPriority(1).willReturn(json(200, ApiResponse.ok(clinic))));
    }

    public void function(String name, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        server.stubFor(bookingCall(name).willReturn(answer));
    }

    public static MappingBuilder bookingCall(String name) {
        return post(urlPathEqualTo("/api/booking")).withRequestBody(matchingJsonPath("$.functionName", equalTo(name)));
    }

    public void slotTaken(List<Slot> alternatives) {
        function("CreateAppointment", json(409, ApiResponse.failure(new ApiError(ErrorCode.SLOT_TAKEN,
                "slot taken", NextAction.OFFER_ALTERNATIVES, null, alternatives))));
    }

    public void conversation(ConversationLog log) {
        server.stubFor(get(urlPathEqualTo("/api/conversations/" + log.callId())).atPriority(1)
                .willReturn(json(200, ApiResponse.ok(log))));
    }

    /** Every booking-api route drops the connection. */
    public void down() {
        outage = server.stubFor(any(urlPathMatching("/api/.*")).atPriority(0)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /**
     * Ends {@link #down()} in one step. (Re-stubbing with {@link #defaults()} would leave a moment with no stubs,
     * where a retry in flight meets a 404 and is taken for a refusal.)
     */
    public void up() {
        server.removeStub(outage);
    }

    public void functionDown(String name) {
        server.stubFor(bookingCall(name).atPriority(0).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    public static Appointment appointment(Slot slot) {
        return new Appointment(900, JANE.patNum(), slot.provNum(), slot.opNum(), slot.dateTimeStart(),
                slot.dateTimeEnd(), slot.lengthMinutes(), AppointmentStatus.Scheduled, "Cleaning", null,
                slot.providerName());
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, Object body) {
        try {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody(JSON.writeValueAsString(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> body(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = JSON.readValue(json, Map.class);
            return map;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
