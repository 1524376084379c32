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
     * Spoken content for one {@code response_id}, streamed in pieces. {@code endCall} and {@code transferNumber}
     * run after the content is spoken and are mutually exclusive.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Response(
            @JsonProperty("response_id") long responseId,
            @JsonProperty("content") String content,
            @JsonProperty("content_complete") boolean contentComplete,
            @JsonProperty("no_interruption_allowed") Boolean noInterruptionAllowed,
            @JsonProperty("end_call") Boolean endCall,
            @JsonProperty("transfer_number") String transferNumber) implements RetellResponse {

        public static Response chunk(long responseId, String content) {
            return new Response(responseId, content, false, null, null, null);
        }

        public static Response complete(long responseId, String content) {
            return new Response(responseId, content, true, null, null, null);
        }

        public static Response hangUp(long responseId, String content) {
            return new Response(responseId, content, true, true, true, null);
        }

        public static Response transfer(long responseId, String content, String number) {
            return new Response(responseId, content, true, true, null, number);
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

    /** The agent speaks without being asked (not used by the gateway today; part of the protocol). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AgentInterrupt(
            @JsonProperty("interrupt_id") long interruptId,
            @JsonProperty("content") String content,
            @JsonProperty("content_complete") boolean contentComplete) implements RetellResponse {
    }

    /** Free-form metadata forwarded to Retell's call record. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Metadata(@JsonProperty("metadata") Map<String, Object> metadata) implements RetellResponse {
    }
}
