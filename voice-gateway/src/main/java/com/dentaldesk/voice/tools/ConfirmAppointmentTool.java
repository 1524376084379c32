package com.dentaldesk.voice.tools;

import java.util.Optional;

import com.dentaldesk.contracts.booking.ConfirmationAnswer;
import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records that the patient will come to the visit this confirmation call is about. The visit is the job's (from the
 * call's metadata), never one the model names, and only a recorded answer lets the agent say it is confirmed.
 */
@ApplicationScoped
public class ConfirmAppointmentTool implements CallerTool {

    @Override
    public ToolSpecification specification() {
        return ToolSpecification.builder()
                .name("confirm_appointment")
                .description("Record that the patient confirmed they will come to the appointment this call is "
                        + "about. Call it only after they clearly said yes. Only status CONFIRMED means it was recorded.")
                .parameters(JsonObjectSchema.builder().build())
                .build();
    }

    @Override
    public boolean confirmationCallsOnly() {
        return true;
    }

    @Override
    public ToolResult run(ToolContext context, JsonNode args) {
        Optional<ToolResult> refused = PatientAnswer.report(context, ConfirmationAnswer.CONFIRMED,
                "Tell the patient the clinic will note it, without saying it is confirmed.");
        if (refused.isPresent()) {
            return refused.get();
        }
        context.state().visitConfirmed(context.responseId());
        return ToolResult.ok(Spoken.status("CONFIRMED").put("when", context.state().confirmation().spokenTime())
                .toString());
    }
}
