package com.dentaldesk.booking.retell;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Bodies and answers of the Retell call endpoints, in Retell's snake_case. */
public final class CallRequests {

    private CallRequests() {
    }

    /** {@code POST /api/retell/call}: agent_id may be omitted to use the number's own outbound agent. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OutboundCall(String agentId, String fromNumber, String toNumber, Map<String, Object> metadata) {
    }

    /** {@code POST /api/retell/create-web-call}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record WebCall(String agentId, Map<String, Object> metadata) {
    }

    /**
     * A web call as the browser's client needs it: the access token, when it expires (Unix ms), the ICE servers
     * to configure before creating the peer connection, and the transport; all four as Retell sent them.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebCallStarted(String callId, String agentId, String accessToken, Long expiresAt,
            List<RetellShapes.IceServer> iceServers, String transport) {
    }

    /** Our record of a call; {@code retell} holds Retell's get-call answer when asked for and available. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CallView(String callId, String agentId, String callType, String direction, String status,
            String fromNumber, String toNumber, Instant startedAt, Instant endedAt, Long durationMs,
            String disconnectionReason, String recordingUrl, JsonNode metadata, String summary,
            String userSentiment, Boolean callSuccessful, String lastEvent, JsonNode retell, String retellError) {

        CallView withRetell(JsonNode call, String error) {
            return new CallView(callId, agentId, callType, direction, status, fromNumber, toNumber, startedAt,
                    endedAt, durationMs, disconnectionReason, recordingUrl, metadata, summary, userSentiment,
                    callSuccessful, lastEvent, call, error);
        }
    }

    /** A webhook event that failed every attempt: left for an operator, who may send it round again. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DeadLetter(long id, String eventType, String callId, int attempts, String lastError,
            Instant receivedAt) {
        static DeadLetter of(RetellWebhookEvent event) {
            return new DeadLetter(event.id, event.eventType, event.callId, event.attempts, event.lastError,
                    event.receivedAt);
        }
    }

    /** A call no clinic owns, for an operator. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UnassignedCall(String callId, String agentId, String direction, String status, String fromNumber,
            String toNumber, String lastEvent, Instant firstSeenAt, Instant lastSeenAt) {
    }
}
