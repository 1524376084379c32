package com.dentaldesk.contracts.retell;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The call object Retell sends in {@code call_details}; numbers are E.164. {@code start_timestamp} (epoch ms) tells
 * a reconnect of a call that began long ago from a new call, without asking anyone.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RetellCall(
        @JsonProperty("call_id") String callId,
        @JsonProperty("agent_id") String agentId,
        @JsonProperty("from_number") String fromNumber,
        @JsonProperty("to_number") String toNumber,
        @JsonProperty("direction") String direction,
        @JsonProperty("metadata") Map<String, Object> metadata,
        @JsonProperty("retell_llm_dynamic_variables") Map<String, String> dynamicVariables,
        @JsonProperty("start_timestamp") Long startTimestamp) {
}
