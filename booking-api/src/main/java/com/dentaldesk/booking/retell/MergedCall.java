package com.dentaldesk.booking.retell;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.dentaldesk.contracts.calls.TranscriptEntry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One call as every event received so far describes it. Events are folded in a fixed order (call_started,
 * call_ended, call_analyzed; arrival order within a kind), later kinds overriding earlier ones field by field,
 * so duplicates and any arrival order give the same result.
 */
public record MergedCall(String callId, String agentId, String callType, String direction, String status,
        String fromNumber, String toNumber, Instant startedAt, Instant endedAt, Long durationMs,
        String disconnectionReason, String recordingUrl, JsonNode metadata, JsonNode analysis,
        String summary, String userSentiment, Boolean callSuccessful, List<TranscriptEntry> transcript,
        String lastEvent) {

    private static final Map<String, Integer> RANK = Map.of("call_started", 1, "call_ended", 2, "call_analyzed", 3);

    /** Event kinds that describe the call; others (transcript_updated, transfer_*) are stored but not folded. */
    public static boolean isCallEvent(String eventType) {
        return RANK.containsKey(eventType);
    }

    public boolean isFinished() {
        return endedAt != null || "ended".equals(status) || "error".equals(status) || "not_connected".equals(status);
    }

    /** A value of Retell's custom analysis (the post-call extraction configured on the agent), or null. */
    public String customValue(String... keys) {
        JsonNode custom = analysis == null ? null : analysis.path("custom_analysis_data");
        if (custom == null || !custom.isObject()) {
            return null;
        }
        for (String key : keys) {
            String value = text(custom, key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static MergedCall fold(String callId, List<RetellWebhookEvent> events, ObjectMapper json) {
        List<RetellWebhookEvent> ordered = events.stream().filter(e -> isCallEvent(e.eventType))
                .sorted(Comparator.<RetellWebhookEvent>comparingInt(e -> RANK.get(e.eventType))
                        .thenComparing(e -> e.id))
                .toList();
        ObjectNode call = json.createObjectNode();
        String lastEvent = null;
        for (RetellWebhookEvent event : ordered) {
            JsonNode eventCall = read(json, event.payload).path("call");
            eventCall.properties().forEach(field -> {
                if (!field.getValue().isNull()) {
                    call.set(field.getKey(), field.getValue());
                }
            });
            lastEvent = event.eventType;
        }
        String status = text(call, "call_status");
        if (lastEvent != null && RANK.get(lastEvent) >= 2 && (status == null || "ongoing".equals(status)
                || "registered".equals(status))) {
            status = "ended";
        }
        JsonNode analysis = call.get("call_analysis");
        return new MergedCall(callId, text(call, "agent_id"), text(call, "call_type"), text(call, "direction"),
                status, text(call, "from_number"), text(call, "to_number"), instant(call, "start_timestamp"),
                instant(call, "end_timestamp"), call.hasNonNull("duration_ms") ? call.get("duration_ms").asLong() : null,
                text(call, "disconnection_reason"), text(call, "recording_url"), call.get("metadata"), analysis,
                analysis == null ? null : text(analysis, "call_summary"),
                analysis == null ? null : text(analysis, "user_sentiment"),
                analysis == null || !analysis.hasNonNull("call_successful") ? null
                        : analysis.get("call_successful").asBoolean(),
                transcript(call.get("transcript_object")), lastEvent);
    }

    private static List<TranscriptEntry> transcript(JsonNode utterances) {
        List<TranscriptEntry> entries = new ArrayList<>();
        if (utterances != null && utterances.isArray()) {
            for (JsonNode utterance : utterances) {
                String role = text(utterance, "role");
                String content = text(utterance, "content");
                if (role != null && content != null) {
                    entries.add(new TranscriptEntry(role, content));
                }
            }
        }
        return entries;
    }

    static JsonNode read(ObjectMapper json, String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored webhook payload is not JSON", e);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    /** Retell's times are Unix ms; one outside these bounds is garbage and left out rather than poison the call. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private static Instant instant(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong()) {
            return null;
        }
        Instant at = Instant.ofEpochMilli(value.asLong());
        return at.isBefore(EARLIEST) || at.isAfter(LATEST) ? null : at;
    }
}
