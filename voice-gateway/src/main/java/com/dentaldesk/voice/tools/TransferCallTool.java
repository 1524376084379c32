package com.dentaldesk.voice.tools;

import com.dentaldesk.contracts.calls.CallOutcome;
import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;

/** Hands the call to a person at the clinic, if the clinic has a transfer number. */
@ApplicationScoped
public class TransferCallTool implements CallerTool {

    @Override
    public ToolSpecification specification() {
        return ToolSpecification.builder()
                .name("transfer_call")
                .description("Transfer the caller to a person at the clinic, when they ask for a human or it is an "
                        + "emergency. If no transfer is possible, offer to take a message instead.")
                .parameters(JsonObjectSchema.builder().build())
                .build();
    }

    @Override
    public ToolResult run(ToolContext context, JsonNode args) {
        String number = context.state().clinic() == null ? null : context.state().clinic().transferNumber();
        if (number == null || number.isBlank()) {
            return ToolResult.refused(Spoken.status("NO_TRANSFER")
                    .put("instruction", "Nobody can take the call right now. Offer to take a message (take_message).")
                    .toString());
        }
        context.state().outcome(CallOutcome.transferred);
        return ToolResult.closing(Spoken.status("TRANSFERRING").toString(),
                new ToolResult.Closing("Of course. I'm transferring you to our front desk now, please hold.", false,
                        number));
    }
}
