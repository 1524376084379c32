package com.dentaldesk.voice.tools;

import java.util.Map;

import com.dentaldesk.contracts.booking.Appointment;
import com.dentaldesk.contracts.booking.BookingFunction;
import com.dentaldesk.contracts.calls.CallOutcome;
import com.dentaldesk.voice.agent.CallState;
import com.dentaldesk.voice.agent.PendingAction;
import com.dentaldesk.voice.client.BookingOutcome;
import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;

/** Cancels one of the caller's listed appointments, after the caller confirmed exactly that one. */
@ApplicationScoped
public class CancelAppointmentTool implements CallerTool {

    @Override
    public ToolSpecification specification() {
        return ToolSpecification.builder()
                .name("cancel_appointment")
                .description("Cancel an appointment (option from list_my_appointments). The first call returns the "
                        + "confirmation question; call again with the same option after the caller says yes. Only "
                        + "status CANCELLED means it was cancelled.")
                .parameters(JsonObjectSchema.builder()
                        .addIntegerProperty("appointment_option", "Option number from list_my_appointments")
                        .required("appointment_option")
                        .build())
                .build();
    }

    @Override
    public ToolResult run(ToolContext context, JsonNode args) {
        CallState state = context.state();
        Appointment appointment = RescheduleAppointmentTool.appointmentOption(state,
                Args.integer(args, "appointment_option"));
        if (appointment == null) {
            return ToolResult.refused(Spoken.status("UNKNOWN_APPOINTMENT")
                    .put("instruction", "Call list_my_appointments and use one of its option numbers.").toString());
        }
        var gate = ConfirmationGate.check(context, PendingAction.Kind.CANCEL, null, appointment,
                "Shall I cancel your appointment on " + Spoken.appointment(appointment) + "?");
        if (gate.isPresent()) {
            return gate.get();
        }
        BookingOutcome outcome = context.call(BookingFunction.DeleteAppointment, Map.of("AptNum", appointment.aptNum()));
        if (outcome.success()) {
            state.completed(PendingAction.Kind.CANCEL, appointment, CallOutcome.cancelled, context.responseId());
            return ToolResult.ok(Spoken.status("CANCELLED").put("when", Spoken.appointment(appointment)).toString());
        }
        return WriteFailures.explain(state, outcome);
    }
}
