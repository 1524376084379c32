package com.dentaldesk.contracts.calls;

import java.time.Instant;
import java.util.List;

/**
 * What the gateway knows of a call, sent to {@code PUT /api/conversations/{callId}} (an upsert: the latest
 * write wins, so the gateway can send it repeatedly during and after the call).
 */
public record ConversationLog(
        String callId,
        String agentId,
        String fromNumber,
        String toNumber,
        Instant startedAt,
        Instant endedAt,
        List<TranscriptEntry> transcript,
        List<ToolCallRecord> toolCalls,
        CallOutcome outcome,
        Long appointmentId,
        Long leadId) {

    public ConversationLog {
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }
}
