package com.dentaldesk.voice.tools;

import com.dentaldesk.contracts.calls.CallOutcome;
import com.dentaldesk.voice.agent.Phrases;
import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;

/** Hangs up after a goodbye. */
@ApplicationScoped
public class EndCallTool implements CallerTool {

    @Override
    public ToolSpecification specification() {
        return ToolSpecification.builder()
                .name("end_call")
                .description("End the call after the caller has said goodbye or has nothing else. The goodbye line "
                        + "is spoken for you; do not say anything after calling it.")
                .parameters(JsonObjectSchema.builder().build())
                .build();
    }

    @Override
    public ToolResult run(ToolContext context, JsonNode args) {
        if (context.state().outcome() == null) {
            context.state().outcome(CallOutcome.answered);
        }
        return ToolResult.closing(Spoken.status("ENDING").toString(),
                new ToolResult.Closing(Phrases.goodbye(context.state()), true, null));
    }
}
