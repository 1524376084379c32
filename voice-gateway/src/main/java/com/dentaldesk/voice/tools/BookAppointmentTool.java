package com.dentaldesk.voice.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dentaldesk.contracts.booking.Appointment;
import com.dentaldesk.contracts.booking.BookingFunction;
import com.dentaldesk.contracts.booking.Patient;
import com.dentaldesk.contracts.booking.Slot;
import com.dentaldesk.contracts.calls.CallOutcome;
import com.dentaldesk.voice.agent.CallState;
import com.dentaldesk.voice.agent.PendingAction;
import com.dentaldesk.voice.client.BookingOutcome;
import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;

/** Books an offered slot for the identified patient, after the caller confirmed exactly that slot. */
@ApplicationScoped
public class BookAppointmentTool implements CallerTool {

    static final String NAME = "book_appointment";

    @Override
    public ToolSpecification specification() {
        return ToolSpecification.builder()
                .name(NAME)
                .description("Book one of the options from the last find_slots result for the identified patient. "
                        + "Call it as soon as the caller picks an option: the first call returns the confirmation "
                        + "question to ask. Call it again with the same option after the caller says yes. Only a "
                        + "result with status BOOKED means the appointment exists.")
                .parameters(JsonObjectSchema.builder()
                        .addIntegerProperty("option", "Option number from find_slots (1, 2, 3...)")
                        .addStringProperty("reason", "Short reason for the visit, e.g. 'cleaning'")
                        .required("option")
                        .build())
                .build();
    }

    @Override
    public ToolResult run(ToolContext context, JsonNode args) {
        CallState state = context.state();
        Patient patient = state.patient();
        if (patient == null) {
            return ToolResult.refused(Spoken.status("PATIENT_NOT_IDENTIFIED")
                    .put("instruction", "Identify the caller first with find_patient (or register_patient).")
                    .toString());
        }
        Slot slot = optionSlot(state, Args.integer(args, "option"));
        if (slot == null) {
            return ToolResult.refused(Spoken.status("UNKNOWN_OPTION")
                    .put("instruction", "Only options from the latest find_slots result can be booked. Search again "
                            + "with find_slots.").toString());
        }
        Appointment done = state.lastWrite();
        if (state.hasCompleted(PendingAction.Kind.BOOK) && done != null
                && slot.dateTimeStart().equals(done.aptDateTime())) {
            return booked(done);
        }
        var gate = ConfirmationGate.check(context, PendingAction.Kind.BOOK, slot, null,
                "Shall I book " + Spoken.slot(slot) + " for " + patient.firstName() + "?");
        if (gate.isPresent()) {
            return gate.get();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("PatNum", patient.patNum());
        params.put("AptDateTime", slot.dateTimeStart());
        params.put("ProvNum", slot.provNum());
        if (slot.opNum() > 0) {
            params.put("Op", slot.opNum());
        }
        params.put("lengthMinutes", slot.lengthMinutes());
        if (Args.text(args, "reason") != null) {
            params.put("Note", Args.text(args, "reason"));
        }
        BookingOutcome outcome = context.call(BookingFunction.CreateAppointment, params);
        if (outcome.success()) {
            Appointment appointment = Spoken.JSON.convertValue(outcome.data(), Appointment.class);
            state.completed(PendingAction.Kind.BOOK, appointment, CallOutcome.booked, context.responseId());
            return booked(appointment);
        }
        return WriteFailures.explain(state, outcome);
    }

    private static ToolResult booked(Appointment appointment) {
        return ToolResult.ok(Spoken.status("BOOKED").put("when", Spoken.appointment(appointment))
                .put("instruction", "Tell the caller it is booked, with day, date, time and provider.").toString());
    }

    static Slot optionSlot(CallState state, Integer option) {
        List<Slot> offered = state.offeredSlots();
        if (option == null || option < 1 || option > offered.size()) {
            return null;
        }
        return offered.get(option - 1);
    }
}
