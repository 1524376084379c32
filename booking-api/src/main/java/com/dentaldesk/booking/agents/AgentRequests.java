package com.dentaldesk.booking.agents;

import java.time.Instant;

import com.dentaldesk.booking.input.ControlCharacters;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Bodies and answers of {@code /api/agents}, in snake_case like Retell's own API. */
public final class AgentRequests {

    private AgentRequests() {
    }

    /** provider_type: retell (default), twilio or vapi; voice_id defaults to 11labs-Jenny. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CreateAgent(String name, String description, String providerType, String voiceId,
            String areaCode) {
        /** The console's form is not JSON, so its control characters are dropped here (PostgreSQL refuses NUL). */
        public CreateAgent {
            name = ControlCharacters.clean(name);
            description = ControlCharacters.clean(description);
            providerType = ControlCharacters.clean(providerType);
            voiceId = ControlCharacters.clean(voiceId);
            areaCode = ControlCharacters.clean(areaCode);
        }
    }

    /** Fields to change; absent fields stay. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UpdateAgent(String name, String description, String voiceId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Agent(long id, String name, String description, String providerType, String voiceId,
            String areaCode, String status, String statusMessage, String retellAgentId,
            String retellPhoneNumberId, String phoneNumber, Instant createdAt) {

        static Agent of(AgentEntity a) {
            String message = AgentEntity.NOT_PROVISIONED.equals(a.status)
                    ? a.providerType + " agents are not provisioned automatically; set them up in "
                            + a.providerType + " and point them at the gateway"
                    : null;
            return new Agent(a.id, a.name, a.description, a.providerType, a.voiceId, a.areaCode, a.status, message,
                    a.retellAgentId, a.retellPhoneNumberId, a.phoneNumber, a.createdAt);
        }
    }
}
