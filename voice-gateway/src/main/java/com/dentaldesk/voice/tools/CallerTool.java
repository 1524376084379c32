package com.dentaldesk.voice.tools;

import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.agent.tool.ToolSpecification;

/**
 * One thing the agent can do for a caller. Its specification is written for the model; its parameters never
 * include tenant ids or resource ids (those come from the call state). Runs on a worker thread, may block.
 */
public interface CallerTool {

    ToolSpecification specification();

    default String name() {
        return specification().name();
    }

    ToolResult run(ToolContext context, JsonNode arguments);

    /** Offered to the model only on a confirmation call (the clinic called about one visit). */
    default boolean confirmationCallsOnly() {
        return false;
    }
}
