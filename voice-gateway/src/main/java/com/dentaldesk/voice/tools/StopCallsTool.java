package com.dentaldesk.voice.tools;

import com.dentaldesk.contracts.booking.ConfirmationAnswer;
import com.dentaldesk.voice.agent.CallState;
import com.dentaldesk.voice.agent.ConfirmationVisit;
import com.dentaldesk.voice.client.BookingOutcome;
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
        CallState state = context.state();
        ConfirmationVisit visit = state.confirmation();
        if (visit == null) {
            return ToolResult.refused(Spoken.status("NOT_A_CONFIRMATION_CALL").toString());
        }
        BookingOutcome outcome = context.booking().answerConfirmation(state.clinicSlug(), visit.appointmentId(),
                new ConfirmationAnswer(state.callId(), ConfirmationAnswer.OPTED_OUT));
        if (!outcome.success()) {
            return ToolResult.refused(Spoken.status("NOT_RECORDED").put("instruction", "Apologise and say the clinic "
                    + "will make a note of it.").toString());
        }
        return ToolResult.ok(Spoken.status("WILL_NOT_CALL_AGAIN").toString());
    }
}
