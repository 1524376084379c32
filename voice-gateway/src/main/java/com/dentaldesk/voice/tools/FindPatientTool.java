package com.dentaldesk.voice.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.dentaldesk.contracts.booking.BookingFunction;
import com.dentaldesk.contracts.booking.Patient;
import com.dentaldesk.voice.client.BookingOutcome;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;

/** Finds the caller's patient record: by the number they call from first, then by name and birthdate. */
@ApplicationScoped
public class FindPatientTool implements CallerTool {

    static final String NAME = "find_patient";

    @Override
    public ToolSpecification specification() {
        return ToolSpecification.builder()
                .name(NAME)
                .description("Find the caller's patient record. Call it first WITHOUT arguments: it searches by the "
                        + "phone number the caller is calling from. If that finds nobody, ask for first name, last "
                        + "name and date of birth and call it again with all three. If several people share the "
                        + "number, ask which one and call again with first_name.")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("first_name", "Caller's first name, if known")
                        .addStringProperty("last_name", "Caller's last name, if known")
                        .addStringProperty("birthdate", "Date of birth as YYYY-MM-DD, if known")
                        .build())
                .build();
    }

    @Override
    public ToolResult run(ToolContext context, JsonNode args) {
        String first = Args.text(args, "first_name");
        String last = Args.text(args, "last_name");
        String birthdate = Args.text(args, "birthdate");
        if (birthdate != null && !birthdate.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return ToolResult.refused(Spoken.status("ASK_USER")
                    .put("instruction", "Ask for the date of birth again (month, day and year).").toString());
        }
        String phone = context.state().patientNumber();
        if (last == null && phone != null) {
            List<Patient> byPhone = search(context, Map.of("Phone", phone));
            if (first != null) {
                byPhone = byPhone.stream().filter(p -> same(p.firstName(), first)).toList();
            }
            if (byPhone.size() == 1) {
                return found(context, byPhone.get(0));
            }
            if (byPhone.size() > 1) {
                context.state().patientCandidates(byPhone);
                var result = Spoken.status("SEVERAL_PATIENTS_ON_THIS_NUMBER");
                var names = result.putArray("first_names");
                byPhone.forEach(p -> names.add(p.firstName()));
                return ToolResult.ok(result.put("instruction", "Ask which of them the call is about, then call "
                        + NAME + " with that first_name.").toString());
            }
            return ToolResult.ok(Spoken.status("NOT_FOUND_BY_PHONE")
                    .put("instruction", "Ask for first name, last name and date of birth, then call " + NAME
                            + " with them.").toString());
        }
        if (first == null || last == null || birthdate == null) {
            return ToolResult.refused(Spoken.status("ASK_USER")
                    .put("instruction", "Ask for first name, last name and date of birth.").toString());
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("LName", last);
        params.put("FName", first);
        params.put("Birthdate", birthdate);
        List<Patient> matches = search(context, params).stream()
                .filter(p -> same(p.lastName(), last) && birthdate.equals(p.birthdate())).toList();
        if (matches.size() == 1) {
            return found(context, matches.get(0));
        }
        return ToolResult.ok(Spoken.status("NOT_FOUND")
                .put("instruction", "No record with that name and birthdate. Check the spelling with the caller, "
                        + "or offer to register them as a new patient (register_patient).").toString());
    }

    private List<Patient> search(ToolContext context, Map<String, Object> params) {
        BookingOutcome outcome = context.call(BookingFunction.GetMultiplePatients, params);
        if (!outcome.success() || outcome.data() == null || !outcome.data().isArray()) {
            return List.of();
        }
        return Spoken.JSON.convertValue(outcome.data(), new TypeReference<List<Patient>>() {
        });
    }

    private ToolResult found(ToolContext context, Patient patient) {
        context.state().patient(patient);
        return ToolResult.ok(Spoken.status("FOUND")
                .put("first_name", patient.firstName())
                .put("last_name", patient.lastName()).toString());
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
    }
}
