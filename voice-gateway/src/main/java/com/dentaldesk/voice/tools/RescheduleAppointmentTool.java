package com.dentaldesk.voice.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dentaldesk.contracts.booking.Appointment;
import com.dentaldesk.contracts.booking.BookingFunction;
import com.dentaldesk.contracts.booking.Slot;
import com.dentaldesk.contracts.calls.CallOutcome;
import com.dentaldesk.voice.agent.CallState;
import com.dentaldesk.voice.agent.PendingAction;
import com.dentaldesk.voice.client.BookingOutcome;
import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;

/** Moves one of the caller's listed appointments to one offered slot, after the caller confirmed exactly that. */
@ApplicationScoped
public class RescheduleAppointmentTool implements CallerTool {

    @Override
    public ToolSpecification specification() {
        return ToolSpecification.builder()
                .name("reschedule_appointment")
                .description("Move an appointment: appointment_option from list_my_appointments, slot_option from the "
                        + "latest find_slots. The first call returns the confirmation question; call again with the "
                        + "same options after the caller says yes. Only status MOVED means it was moved.")
                .parameters(JsonObjectSchema.builder()
                        .addIntegerProperty("appointment_option", "Option number from list_my_appointments")
                        .addIntegerProperty("slot_option", "Option number from find_slots")
                        .required("appointment_option", "slot_option")
                        .build())
                .build();
    }

    @Override
    public ToolResult run(ToolContext context, JsonNode args) {
        CallState state = context.state();
        Appointment appointment = appointmentOption(state, Args.integer(args, "appointment_option"));
        if (appointment == null) {
            return ToolResult.refused(Spoken.status("UNKNOWN_APPOINTMENT")
                    .put("instruction", "Call list_my_appointments and use one of its option numbers.").toString());
        }
        Slot slot = BookAppointmentTool.optionSlot(state, Args.integer(args, "slot_option"));
        if (slot == null) {
            return ToolResult.refused(Spoken.status("UNKNOWN_OPTION")
                    .put("instruction", "Search new times with find_slots first and use one of its options.")
                    .toString());
        }
        var gate = ConfirmationGate.check(context, PendingAction.Kind.RESCHEDULE, slot, appointment,
                "Shall I move your appointment on " + Spoken.appointment(appointment) + " to " + Spoken.slot(slot) + "?");
        if (gate.isPresent()) {
            return gate.get();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("AptNum", appointment.aptNum());
        params.put("AptDateTime", slot.dateTimeStart());
        params.put("ProvNum", slot.provNum());
        if (slot.opNum() > 0) {
            params.put("Op", slot.opNum());
        }
        params.put("lengthMinutes", slot.lengthMinutes());
        BookingOutcome outcome = context.call(BookingFunction.UpdateAppointment, params);
        if (outcome.success()) {
            Appointment moved = Spoken.JSON.convertValue(outcome.data(), Appointment.class);
            state.completed(PendingAction.Kind.RESCHEDULE, moved, CallOutcome.rescheduled, context.responseId());
            return ToolResult.ok(Spoken.status("MOVED").put("when", Spoken.appointment(moved)).toString());
        }
        return WriteFailures.explain(state, outcome);
    }

    static Appointment appointmentOption(CallState state, Integer option) {
        List<Appointment> listed = state.listedAppointments();
        if (option == null || option < 1 || option > listed.size()) {
            return null;
        }
        return listed.get(option - 1);
    }
}
