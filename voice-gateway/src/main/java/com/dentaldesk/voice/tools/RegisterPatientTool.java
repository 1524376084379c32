package com.dentaldesk.voice.tools;

import java.util.LinkedHashMap;
import java.util.Map;

import com.dentaldesk.contracts.booking.BookingFunction;
import com.dentaldesk.contracts.booking.Patient;
import com.dentaldesk.voice.client.BookingOutcome;
import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;

/** Registers a new patient; the phone defaults to the number the caller is calling from. */
@ApplicationScoped
public class RegisterPatientTool implements CallerTool {

    @Override
    public ToolSpecification specification() {
        return ToolSpecification.builder()
                .name("register_patient")
                .description("Register the caller as a new patient when find_patient found no record. Needs first "
                        + "name, last name and date of birth (ask for each; never guess). The phone number defaults to "
                        + "the number they are calling from.")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("first_name", "First name")
                        .addStringProperty("last_name", "Last name")
                        .addStringProperty("birthdate", "Date of birth as YYYY-MM-DD")
                        .addStringProperty("phone", "Callback number, only if different from the calling number")
                        .addStringProperty("email", "Email, only if the caller offers it")
                        .required("first_name", "last_name", "birthdate")
                        .build())
                .build();
    }

    @Override
    public ToolResult run(ToolContext context, JsonNode args) {
        String first = Args.text(args, "first_name");
        String last = Args.text(args, "last_name");
        String birthdate = Args.text(args, "birthdate");
        String phone = Args.text(args, "phone") != null ? Args.text(args, "phone") : context.state().patientNumber();
        if (first == null || last == null || birthdate == null || !birthdate.matches("\\d{4}-\\d{2}-\\d{2}")
                || phone == null) {
            return ToolResult.refused(Spoken.status("ASK_USER")
                    .put("instruction", "Ask for the missing details: first name, last name, date of birth"
                            + (phone == null ? ", phone number" : "") + ".").toString());
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("FName", first);
        params.put("LName", last);
        params.put("Birthdate", birthdate);
        params.put("WirelessPhone", phone);
        if (Args.text(args, "email") != null) {
            params.put("Email", Args.text(args, "email"));
        }
        BookingOutcome outcome = context.call(BookingFunction.CreatePatient, params);
        if (!outcome.success()) {
            var result = Spoken.status("ASK_USER");
            var missing = result.putArray("missing");
            outcome.error().missing().forEach(missing::add);
            return ToolResult.refused(result.put("instruction", "Ask the caller for the missing or corrected "
                    + "details.").toString());
        }
        Patient patient = Spoken.JSON.convertValue(outcome.data(), Patient.class);
        context.state().patient(patient);
        return ToolResult.ok(Spoken.status("REGISTERED").put("first_name", patient.firstName()).toString());
    }
}
