package com.dentaldesk.simulator;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A scripted call: who calls whom, what the greeting must say, then caller steps with expectations on the
 * agent's answer. Read from YAML or JSON (see the module README for the format).
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Scenario(
        String name,
        CallSetup call,
        Expect greeting,
        List<Step> steps,
        Integer maxLatePings,
        Integer maxStaleFrames,
        List<ModelRule> model) {

    public Scenario {
        call = call == null ? new CallSetup(null, null, null, null, null) : call;
        steps = steps == null ? List.of() : List.copyOf(steps);
        model = model == null ? List.of() : List.copyOf(model);
        maxLatePings = maxLatePings == null ? 0 : maxLatePings;
        maxStaleFrames = maxStaleFrames == null ? 0 : maxStaleFrames;
    }

    /** The call object sent in {@code call_details}, plus an optional clinic slug for the URL. */
    public record CallSetup(String callId, String agentId, String fromNumber, String toNumber, String clinic) {
    }

    /**
     * One caller action. Exactly one of {@code say}, {@code reminder}, {@code raw}, {@code pauseMs},
     * {@code reconnect}. {@code await:false} sends without waiting, so the next step barges in.
     */
    public record Step(
            String say,
            Boolean reminder,
            String raw,
            Long pauseMs,
            Boolean reconnect,
            Boolean await,
            Long timeoutMs,
            Expect expect) {

        String describe() {
            if (say != null) {
                return "say \"" + say + "\"";
            }
            if (Boolean.TRUE.equals(reminder)) {
                return "reminder";
            }
            if (raw != null) {
                return "raw frame";
            }
            if (Boolean.TRUE.equals(reconnect)) {
                return "reconnect";
            }
            if (pauseMs != null) {
                return "pause " + pauseMs + " ms";
            }
            return "empty step";
        }
    }

    /**
     * How a scripted model answers in this scenario, so the file runs without a real model (stub-llm {@code --script},
     * the gateway's tests). A rule matches a request whose last message is the caller saying something containing
     * {@code whenCallerSays} (as written, case included), or the result of the tool call {@code whenToolReturns} (the
     * id of a {@code toolCall} before). It answers with {@code say} (streamed over {@code streamMs}, default at
     * once), one {@code toolCall}, or an HTTP error {@code fail} (e.g. 500).
     */
    public record ModelRule(String whenCallerSays, String whenToolReturns, String say, ToolCall toolCall,
            Integer fail, Long streamMs) {
    }

    /** A tool call the scripted model makes: {@code arguments} as a JSON object. */
    public record ToolCall(String id, String name, com.fasterxml.jackson.databind.JsonNode arguments) {
    }

    /**
     * What the agent's answer must (not) contain; substrings are case-insensitive. {@code anyOf}: at least one.
     * {@code tools}: tool names invoked during the answer, in any order. {@code endCall}/{@code transfer}: the
     * closing action expected (false means it must be absent). {@code maxFirstChunkMs}: time to first content.
     */
    public record Expect(
            List<String> contains,
            List<String> notContains,
            List<String> anyOf,
            List<String> tools,
            List<String> noTools,
            Boolean endCall,
            Boolean transfer,
            String transferNumber,
            Long maxFirstChunkMs,
            Boolean empty) {
    }
}
