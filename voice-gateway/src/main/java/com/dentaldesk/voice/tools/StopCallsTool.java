package com.dentaldesk.voice.tools;

import com.dentaldesk.contracts.booking.ConfirmationAnswer;
import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;

/** "Don't call me": the patient is never called by the clinic's receptionist again. */
@ApplicationScoped
public class StopCallsTool implements CallerTool {

    @Override
    public ToolSpecification specification() {
        return ToolSpecification.builder()
                .name("stop_calls")
                .description("The patient asked not to be called like this again: record it. Their appointment "
                        + "stays as it is unless they also ask to cancel or move it.")
                .parameters(JsonObjectSchema.builder().build())
                .build();
    }

    @Override
    public boolean confirmationCallsOnly() {
        return true;
    }

    @Override
    public ToolResult run(ToolContext context, JsonNode args) {
        return PatientAnswer.report(context, ConfirmationAnswer.OPTED_OUT,
                "Apologise and say the clinic will make a note of it.")
                .orElseGet(() -> ToolResult.ok(Spoken.status("WILL_NOT_CALL_AGAIN").toString()));
    }
}
