package com.dentaldesk.contracts.retell;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of Retell's transcript. Plain entries have {@code role} {@code agent} or {@code user} and
 * {@code content}; entries of {@code transcript_with_tool_calls} may instead have {@code role}
 * {@code tool_call_invocation} / {@code tool_call_result} with the tool fields set.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Utterance(
        @JsonProperty("role") String role,
        @JsonProperty("content") String content,
        @JsonProperty("tool_call_id") String toolCallId,
        @JsonProperty("name") String name,
        @JsonProperty("arguments") String arguments,
        @JsonProperty("successful") Boolean successful) {

    public static final String AGENT = "agent";
    public static final String USER = "user";

    public static Utterance agent(String content) {
        return new Utterance(AGENT, content, null, null, null, null);
    }

    public static Utterance user(String content) {
        return new Utterance(USER, content, null, null, null, null);
    }

    @JsonIgnore
    public boolean isUser() {
        return USER.equals(role);
    }

    @JsonIgnore
    public boolean isAgent() {
        return AGENT.equals(role);
    }
}
