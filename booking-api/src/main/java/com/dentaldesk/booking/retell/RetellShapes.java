package com.dentaldesk.booking.retell;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The parts of Retell's answers that booking-api reads, and the typed bodies it sends, in Retell's snake_case.
 * A field read from Retell is a record component here, so the contract test can check each one against the
 * official SDK's response types; an answer read field by field from a {@code JsonNode} would escape that check.
 */
public final class RetellShapes {

    private RetellShapes() {
    }

    /** {@code POST /create-agent} answers an {@code AgentResponse}; only its id is kept. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgentCreated(String agentId) {
    }

    /** {@code POST /create-phone-number} body. Agents are weighted lists; the single-agent fields are gone. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BuyPhoneNumber(Integer areaCode, List<WeightedAgent> inboundAgents,
            List<WeightedAgent> outboundAgents) {

        /** One agent answers and places every call of the number. */
        public static BuyPhoneNumber forAgent(int areaCode, String agentId) {
            List<WeightedAgent> only = List.of(new WeightedAgent(agentId, 1));
            return new BuyPhoneNumber(areaCode, only, only);
        }
    }

    /** An agent of a number; the weights of one list add up to 1. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record WeightedAgent(String agentId, double weight) {
    }

    /** {@code POST /create-phone-number} answers a {@code PhoneNumberResponse}; the number is also its id. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PhoneNumberBought(String phoneNumber) {
    }

    /** {@code POST /v2/create-phone-call} answers a {@code PhoneCallResponse}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PhoneCallCreated(String callId, String agentId, String callStatus) {
    }

    /**
     * {@code POST /v3/create-web-call} answers a {@code CreateWebCallResponse}: the browser's client needs the
     * token, when it expires, the ICE servers to set before creating its peer connection, and the transport.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WebCallCreated(String callId, String accessToken, Long expiresAt, List<IceServer> iceServers,
            String transport) {
    }

    /** Passed to the browser as Retell sent it; {@code urls} is a string or a list of strings. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IceServer(JsonNode urls, String username, String credential) {
    }
}
