package com.dentaldesk.voice.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.dentaldesk.contracts.booking.BookingFunction;
import com.dentaldesk.contracts.booking.ClinicProfile;
import com.dentaldesk.contracts.booking.Patient;
import com.dentaldesk.contracts.booking.Provider;
import com.dentaldesk.contracts.booking.Slot;
import com.dentaldesk.contracts.calls.ConversationLog;
import com.dentaldesk.contracts.calls.ToolCallRecord;
import com.dentaldesk.voice.client.BookingApiClient;
import com.dentaldesk.voice.client.BookingOutcome;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Rebuilds a call this instance never saw (Retell reconnected elsewhere) from booking-api's conversation
 * record: tool history, outcome, the identified patient (looked up again by the calling number) and the last
 * options offered. The chat history itself comes back with Retell's next transcript.
 */
@ApplicationScoped
public class CallStateRebuilder {

    private static final Logger LOG = Logger.getLogger(CallStateRebuilder.class);

    private final BookingApiClient booking;

    public CallStateRebuilder(BookingApiClient booking) {
        this.booking = booking;
    }

    public void apply(CallState state, ConversationLog log) {
        if (state.fromNumber() == null) {
            state.callDetails(log.agentId(), log.fromNumber(), log.toNumber());
        }
        log.toolCalls().forEach(state::recordTool);
        if (log.outcome() != null) {
            state.outcome(log.outcome());
        }
        if (log.leadId() != null) {
            state.leadId(log.leadId());
        }
        String patientFirstName = null;
        List<Slot> offered = List.of();
        for (ToolCallRecord record : log.toolCalls()) {
            JsonNode result = parse(record.result());
            String status = result.path("status").asText("");
            if (("find_patient".equals(record.name()) && "FOUND".equals(status))
                    || ("register_patient".equals(record.name()) && "REGISTERED".equals(status))) {
                patientFirstName = result.path("first_name").asText(null);
            }
            if (result.has("options") && result.path("options").path(0).has("start")) {
                offered = slots(state.clinic(), result.path("options"));
            }
        }
        state.offeredSlots(offered);
        if (patientFirstName != null && state.patientNumber() != null) {
            findPatient(state, patientFirstName).ifPresent(state::patient);
        }
        LOG.infof("call %s: state rebuilt from %d tool calls", state.callId(), log.toolCalls().size());
    }

    private Optional<Patient> findPatient(CallState state, String firstName) {
        try {
            BookingOutcome outcome = booking.call(state.clinicSlug(), state.callId(), null,
                    BookingFunction.GetMultiplePatients, Map.of("Phone", state.patientNumber()));
            if (!outcome.success() || outcome.data() == null) {
                return Optional.empty();
            }
            List<Patient> patients = booking.json().convertValue(outcome.data(), new TypeReference<List<Patient>>() {
            });
            return patients.stream().filter(p -> firstName.equalsIgnoreCase(p.firstName())).findFirst();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<Slot> slots(ClinicProfile clinic, JsonNode options) {
        List<Slot> slots = new ArrayList<>();
        for (JsonNode option : options) {
            String provider = option.path("provider").asText(null);
            long provNum = clinic == null || clinic.providers() == null ? 0 : clinic.providers().stream()
                    .filter(p -> provider != null && provider.contains(p.lastName()))
                    .mapToLong(Provider::provNum).findFirst().orElse(0);
            // No room id in the record: booking-api auto-fills the operatory from the provider's schedule.
            slots.add(new Slot(option.path("start").asText(), null, provNum, 0, option.path("minutes").asInt(30),
                    provider));
        }
        return slots;
    }

    private JsonNode parse(String json) {
        try {
            return booking.json().readTree(json == null ? "{}" : json);
        } catch (Exception e) {
            return booking.json().createObjectNode();
        }
    }
}
