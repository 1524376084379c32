package com.dentaldesk.voice.tools;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dentaldesk.contracts.booking.Appointment;
import com.dentaldesk.contracts.booking.AppointmentStatus;
import com.dentaldesk.contracts.booking.BookingFunction;
import com.dentaldesk.contracts.booking.Patient;
import com.dentaldesk.voice.client.BookingOutcome;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;

/** Lists the identified caller's upcoming appointments as numbered options (for moving or cancelling). */
@ApplicationScoped
public class ListAppointmentsTool implements CallerTool {

    @Override
    public ToolSpecification specification() {
        return ToolSpecification.builder()
                .name("list_my_appointments")
                .description("List the identified caller's upcoming appointments as numbered options. Needed before "
                        + "reschedule_appointment or cancel_appointment. Identify the caller with find_patient first.")
                .parameters(JsonObjectSchema.builder().build())
                .build();
    }

    @Override
    public ToolResult run(ToolContext context, JsonNode args) {
        Patient patient = context.state().patient();
        if (patient == null) {
            return ToolResult.refused(Spoken.status("PATIENT_NOT_IDENTIFIED")
                    .put("instruction", "Identify the caller first with find_patient.").toString());
        }
        LocalDate today = LocalDate.ofInstant(context.now(), context.zone());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("DateStart", today.toString());
        params.put("DateEnd", today.plusYears(1).toString());
        params.put("PatNum", patient.patNum());
        BookingOutcome outcome = context.call(BookingFunction.GetAppointments, params);
        List<Appointment> upcoming = !outcome.success() || outcome.data() == null ? List.of()
                : Spoken.JSON.convertValue(outcome.data(), new TypeReference<List<Appointment>>() {
                }).stream().filter(a -> a.status() == null || a.status() == AppointmentStatus.Scheduled).toList();
        context.state().listedAppointments(upcoming);
        if (upcoming.isEmpty()) {
            return ToolResult.ok(Spoken.status("NONE")
                    .put("instruction", "The caller has no upcoming appointments. Offer to book one.").toString());
        }
        var result = Spoken.status("APPOINTMENTS");
        result.set("options", Spoken.appointmentOptions(upcoming));
        return ToolResult.ok(result.toString());
    }
}
