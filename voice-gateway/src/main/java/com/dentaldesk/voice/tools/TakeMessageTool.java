package com.dentaldesk.voice.tools;

import java.time.Duration;

import com.dentaldesk.contracts.calls.CallOutcome;
import com.dentaldesk.contracts.calls.LeadRequest;
import com.dentaldesk.voice.agent.CallState;
import com.dentaldesk.voice.agent.Callbacks;
import com.dentaldesk.voice.config.GatewayConfig;
import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;

/** Leaves a callback request for the front desk (one per call). */
@ApplicationScoped
public class TakeMessageTool implements CallerTool {

    private final Callbacks callbacks;
    // Half the tool's deadline for booking-api; the outbox write needs the rest.
    private final Duration wait;

    public TakeMessageTool(Callbacks callbacks, GatewayConfig config) {
        this.callbacks = callbacks;
        this.wait = config.agent().toolTimeout().dividedBy(2);
    }

    @Override
    public ToolSpecification specification() {
        return ToolSpecification.builder()
                .name("take_message")
                .description("Leave a message for the front desk to call the caller back: when you cannot help "
                        + "(questions about billing, insurance, treatment, emergencies), when nothing suits them, or "
                        + "when they ask for a callback. Ask for their name and the reason first.")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("name", "Caller's name")
                        .addStringProperty("reason", "Short reason for the callback")
                        .addStringProperty("callback_number", "Only if different from the number they call from")
                        .required("name", "reason")
                        .build())
                .build();
    }

    @Override
    public ToolResult run(ToolContext context, JsonNode args) {
        CallState state = context.state();
        String name = Args.text(args, "name");
        String reason = Args.text(args, "reason");
        String phone = Args.text(args, "callback_number") != null ? Args.text(args, "callback_number")
                : state.patientNumber();
        if (name == null || reason == null || phone == null) {
            return ToolResult.refused(Spoken.status("ASK_USER")
                    .put("instruction", "Ask for the caller's name, the reason" + (phone == null
                            ? " and a callback number." : ".")).toString());
        }
        Callbacks.Saved saved = callbacks.save(state, new LeadRequest(state.callId(), name, phone, reason), wait);
        if (saved == Callbacks.Saved.REFUSED) {
            return ToolResult.refused(Spoken.status("NOT_SAVED")
                    .put("instruction", "The message could not be saved: ask for the callback number again.")
                    .toString());
        }
        if (saved == Callbacks.Saved.LOST) {
            return ToolResult.unavailable("MESSAGE_NOT_SAVED");
        }
        if (state.outcome() == null) {
            state.outcome(CallOutcome.message);
        }
        return ToolResult.ok(Spoken.status("MESSAGE_TAKEN")
                .put("instruction", "Tell the caller the team will call them back.").toString());
    }
}
