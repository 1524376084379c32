package com.dentaldesk.contracts.retell;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A frame Retell sends to the custom-LLM socket, keyed by {@code interaction_type}. An unknown type fails to
 * decode; the receiver logs and ignores it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "interaction_type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RetellRequest.PingPong.class, name = "ping_pong"),
        @JsonSubTypes.Type(value = RetellRequest.CallDetails.class, name = "call_details"),
        @JsonSubTypes.Type(value = RetellRequest.UpdateOnly.class, name = "update_only"),
        @JsonSubTypes.Type(value = RetellRequest.ResponseRequired.class, name = "response_required"),
        @JsonSubTypes.Type(value = RetellRequest.ReminderRequired.class, name = "reminder_required")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface RetellRequest {

    /** Keepalive; the server echoes the timestamp at once. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PingPong(@JsonProperty("timestamp") long timestamp) implements RetellRequest {
    }

    /** The call object, sent once after the server's {@code config} asked for it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CallDetails(@JsonProperty("call") RetellCall call) implements RetellRequest {
    }

    /** Transcript update; {@code turntaking} is {@code agent_turn} or {@code user_turn} when present. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UpdateOnly(
            @JsonProperty("transcript") List<Utterance> transcript,
            @JsonProperty("transcript_with_tool_calls") List<Utterance> transcriptWithToolCalls,
            @JsonProperty("turntaking") String turntaking) implements RetellRequest {
    }

    /** The caller finished a turn: answer with {@code response} frames carrying this id. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ResponseRequired(
            @JsonProperty("response_id") long responseId,
            @JsonProperty("transcript") List<Utterance> transcript,
            @JsonProperty("transcript_with_tool_calls") List<Utterance> transcriptWithToolCalls)
            implements RetellRequest, TurnRequest {

        /** Decoding only: a frame without {@code response_id} is refused rather than read as 0, the greeting's id. */
        @JsonCreator
        static ResponseRequired decode(@JsonProperty("response_id") Long responseId,
                @JsonProperty("transcript") List<Utterance> transcript,
                @JsonProperty("transcript_with_tool_calls") List<Utterance> transcriptWithToolCalls) {
            return new ResponseRequired(requireResponseId(responseId), transcript, transcriptWithToolCalls);
        }
    }

    /** The caller has been silent: a short check-in with this id. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReminderRequired(
            @JsonProperty("response_id") long responseId,
            @JsonProperty("transcript") List<Utterance> transcript,
            @JsonProperty("transcript_with_tool_calls") List<Utterance> transcriptWithToolCalls)
            implements RetellRequest, TurnRequest {

        /** Decoding only: a frame without {@code response_id} is refused rather than read as 0, the greeting's id. */
        @JsonCreator
        static ReminderRequired decode(@JsonProperty("response_id") Long responseId,
                @JsonProperty("transcript") List<Utterance> transcript,
                @JsonProperty("transcript_with_tool_calls") List<Utterance> transcriptWithToolCalls) {
            return new ReminderRequired(requireResponseId(responseId), transcript, transcriptWithToolCalls);
        }
    }

    /** What both turn-starting frames share. */
    interface TurnRequest {
        long responseId();

        List<Utterance> transcript();
    }

    /** Negative ids do not exist either: Retell counts up from 0 (the greeting). */
    private static long requireResponseId(Long responseId) {
        if (responseId == null || responseId < 0) {
            throw new IllegalArgumentException("response_id is required and not negative");
        }
        return responseId;
    }
}
