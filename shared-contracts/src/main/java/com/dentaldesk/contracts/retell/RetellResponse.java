package com.dentaldesk.contracts.retell;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A frame the server sends to Retell, keyed by {@code response_type}. Optional fields are omitted when null
 * because Retell silently ignores frames with fields of the wrong type.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "response_type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RetellResponse.Config.class, name = "config"),
        @JsonSubTypes.Type(value = RetellResponse.PingPong.class, name = "ping_pong"),
        @JsonSubTypes.Type(value = RetellResponse.Response.class, name = "response"),
        @JsonSubTypes.Type(value = RetellResponse.ToolCallInvocation.class, name = "tool_call_invocation"),
        @JsonSubTypes.Type(value = RetellResponse.ToolCallResult.class, name = "tool_call_result"),
        @JsonSubTypes.Type(value = RetellResponse.AgentInterrupt.class, name = "agent_interrupt"),
        @JsonSubTypes.Type(value = RetellResponse.Metadata.class, name = "metadata")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface RetellResponse {

    /** The first frame of every connection. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Config(@JsonProperty("config") Settings config) implements RetellResponse {

        /** The settings the gateway always asks for: reconnects, the call object, tool calls in the transcript. */
        public static Config standard() {
            return new Config(new Settings(true, true, true));
        }
    }

    /** The settings of a {@link Config} frame. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Settings(
            @JsonProperty("auto_reconnect") boolean autoReconnect,
            @JsonProperty("call_details") boolean callDetails,
            @JsonProperty("transcript_with_tool_calls") boolean transcriptWithToolCalls) {
    }

    /** The keepalive echo. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PingPong(@JsonProperty("timestamp") long timestamp) implements RetellResponse {
    }

    /**
     * Spoken content for one {@code response_id}, streamed in pieces. {@code endCall}, {@code transferNumber} and
     * {@code digitToPress} run only after the content is spoken and are mutually exclusive; Retell drops them if
     * the caller interrupts first, which is why every factory that sets one also forbids interruption.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Response(
            @JsonProperty("response_id") long responseId,
            @JsonProperty("content") String content,
            @JsonProperty("content_complete") boolean contentComplete,
            @JsonProperty("no_interruption_allowed") Boolean noInterruptionAllowed,
            @JsonProperty("end_call") Boolean endCall,
            @JsonProperty("transfer_number") String transferNumber,
            @JsonProperty("digit_to_press") String digitToPress) implements RetellResponse {

        public Response {
            requireAtMostOneAction(endCall, transferNumber, digitToPress);
            if (digitToPress != null && !digitToPress.matches("[0-9*#]")) {
                // One key of the keypad. Retell ignores a frame with a bad field silently: refuse it here, where the bug is.
                throw new IllegalArgumentException("digit_to_press is one of 0-9, * or #");
            }
        }

        public static Response chunk(long responseId, String content) {
            return new Response(responseId, content, false, null, null, null, null);
        }

        public static Response complete(long responseId, String content) {
            return new Response(responseId, content, true, null, null, null, null);
        }

        /** A complete response the caller cannot talk over (e.g. staff text read out verbatim). */
        public static Response uninterruptible(long responseId, String content) {
            return new Response(responseId, content, true, true, null, null, null);
        }

        public static Response hangUp(long responseId, String content) {
            return new Response(responseId, content, true, true, true, null, null);
        }

        public static Response transfer(long responseId, String content, String number) {
            return new Response(responseId, content, true, true, null, number, null);
        }

        /** Says {@code content}, then presses one keypad key (an outbound call meeting a phone menu). */
        public static Response pressDigit(long responseId, String content, String digit) {
            return new Response(responseId, content, true, true, null, null, digit);
        }
    }

    /** Annotates Retell's transcript with a tool the agent started. {@code arguments} is a JSON string. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ToolCallInvocation(
            @JsonProperty("tool_call_id") String toolCallId,
            @JsonProperty("name") String name,
            @JsonProperty("arguments") String arguments) implements RetellResponse {
    }

    /** Annotates Retell's transcript with a tool's result. {@code content} is a JSON string. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ToolCallResult(
            @JsonProperty("tool_call_id") String toolCallId,
            @JsonProperty("content") String content,
            @JsonProperty("successful") boolean successful) implements RetellResponse {
    }

    /**
     * The agent speaks without being asked (not used by the gateway today; part of the protocol). Like a
     * {@link Response}, it may close with one action, run after the content is spoken.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AgentInterrupt(
            @JsonProperty("interrupt_id") long interruptId,
            @JsonProperty("content") String content,
            @JsonProperty("content_complete") boolean contentComplete,
            @JsonProperty("no_interruption_allowed") Boolean noInterruptionAllowed,
            @JsonProperty("end_call") Boolean endCall,
            @JsonProperty("transfer_number") String transferNumber) implements RetellResponse {

        public AgentInterrupt {
            requireAtMostOneAction(endCall, transferNumber, null);
        }

        public static AgentInterrupt complete(long interruptId, String content) {
            return new AgentInterrupt(interruptId, content, true, null, null, null);
        }

        /** Text the caller must hear whole, e.g. a message typed by the front desk during the call. */
        public static AgentInterrupt uninterruptible(long interruptId, String content) {
            return new AgentInterrupt(interruptId, content, true, true, null, null);
        }

        public static AgentInterrupt hangUp(long interruptId, String content) {
            return new AgentInterrupt(interruptId, content, true, true, true, null);
        }

        public static AgentInterrupt transfer(long interruptId, String content, String number) {
            return new AgentInterrupt(interruptId, content, true, true, null, number);
        }
    }

    /** Free-form metadata forwarded to Retell's call record. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Metadata(@JsonProperty("metadata") Map<String, Object> metadata) implements RetellResponse {
    }

    /** Retell runs at most one closing action; a frame with two would do something nobody chose. */
    private static void requireAtMostOneAction(Boolean endCall, String transferNumber, String digitToPress) {
        int actions = (Boolean.TRUE.equals(endCall) ? 1 : 0) + (transferNumber != null ? 1 : 0)
                + (digitToPress != null ? 1 : 0);
        if (actions > 1) {
            throw new IllegalArgumentException("end_call, transfer_number and digit_to_press are mutually exclusive");
        }
    }
}
