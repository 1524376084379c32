package com.dentaldesk.contracts.calls;

import java.time.Instant;

/** One tool the agent ran during a call, with the JSON arguments and the JSON result it got. */
public record ToolCallRecord(String toolCallId, String name, String arguments, String result, boolean successful,
        Instant at) {
}
