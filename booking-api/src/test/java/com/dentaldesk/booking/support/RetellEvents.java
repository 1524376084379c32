package com.dentaldesk.booking.support;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.dentaldesk.booking.retell.WebhookSignature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.ValidatableResponse;

/** Builds Retell webhook bodies and posts them signed the way Retell signs them. */
public final class RetellEvents {

    public static final String SECRET = "test-webhook-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RetellEvents() {
    }

    public static String newCallId() {
        return "call_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A US number nobody else in the run uses. */
    public static String newNumber() {
        return "+1415" + (2_000_000 + ThreadLocalRandom.current().nextInt(7_000_000));
    }

    /** An inbound phone call as Retell describes it in its webhooks, at the stage the event names. */
    public static Map<String, Object> inboundCall(String event, String callId, String agentId, String from, String to) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("call_id", callId);
        call.put("agent_id", agentId);
        call.put("call_type", "phone_call");
        call.put("direction", "inbound");
        call.put("from_number", from);
        call.put("to_number", to);
        call.put("metadata", Map.of());
        call.put("start_timestamp", 1_767_000_000_000L);
        switch (event) {
            case "call_started" -> call.put("call_status", "ongoing");
            case "call_ended", "call_analyzed" -> {
                call.put("call_status", "ended");
                call.put("end_timestamp", 1_767_000_090_000L);
                call.put("duration_ms", 90_000);
                call.put("disconnection_reason", "user_hangup");
                call.put("recording_url", "https://recordings.test/" + callId + ".wav");
                call.put("transcript_object", List.of(
                        Map.of("role", "agent", "content", "Thanks for calling, how can I help?"),
                        Map.of("role", "user", "content", "I would like a cleaning.")));
            }
            default -> {
            }
        }
        if ("call_analyzed".equals(event)) {
            call.put("call_analysis", Map.of("call_summary", "Caller asked about a cleaning.",
                    "user_sentiment", "Neutral", "call_successful", false,
                    "custom_analysis_data", Map.of("caller_name", "Pat Caller")));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("event", event);
        body.put("call", call);
        return body;
    }

    public static byte[] bytes(Map<String, Object> body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String signature(byte[] body, Instant at) {
        return WebhookSignature.sign(body, SECRET, at);
    }

    public static ValidatableResponse post(byte[] body, String signature) {
        var request = given().contentType("application/json").body(body);
        if (signature != null) {
            request = request.header("x-retell-signature", signature);
        }
        return request.post("/api/retell/webhook").then();
    }

    /** Posts the event signed with the test secret, now. */
    public static ValidatableResponse send(Map<String, Object> body) {
        byte[] bytes = bytes(body);
        return post(bytes, signature(bytes, Instant.now()));
    }
}
