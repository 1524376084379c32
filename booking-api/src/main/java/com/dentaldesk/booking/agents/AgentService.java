package com.dentaldesk.booking.agents;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.dentaldesk.booking.agents.AgentRequests.Agent;
import com.dentaldesk.booking.agents.AgentRequests.CreateAgent;
import com.dentaldesk.booking.agents.AgentRequests.UpdateAgent;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.retell.RetellClient;
import com.dentaldesk.booking.retell.RetellConfig;
import com.dentaldesk.booking.retell.RetellException;
import com.dentaldesk.booking.retell.RetellShapes;
import com.dentaldesk.booking.tenancy.OrganizationChannel;
import com.dentaldesk.booking.tenancy.TenantContext;
import com.dentaldesk.contracts.booking.ErrorCode;
import com.dentaldesk.contracts.booking.NextAction;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The clinic's voice agents. A Retell agent is created at Retell first (custom-LLM engine pointing at our
 * gateway, webhook pointing at us), then its number is bought, then both are stored with the channel rows that
 * route their calls to this clinic. If a later step fails, what Retell already created is deleted again. No
 * database transaction is held while Retell is called.
 */
@ApplicationScoped
public class AgentService {

    private static final Logger LOG = Logger.getLogger(AgentService.class);
    private static final Set<String> PROVIDERS = Set.of("retell", "twilio", "vapi");
    private static final String DEFAULT_VOICE = "11labs-Jenny";
    private static final Pattern AREA_CODE = Pattern.compile("\\d{3}");

    private final AgentRepository agents;
    private final RetellClient retell;
    private final RetellConfig config;
    private final TenantContext tenant;

    public AgentService(AgentRepository agents, RetellClient retell, RetellConfig config, TenantContext tenant) {
        this.agents = agents;
        this.retell = retell;
        this.config = config;
        this.tenant = tenant;
    }

    public List<Agent> list() {
        tenant.organizationId();
        return QuarkusTransaction.requiringNew().call(() -> agents.find("order by id").list().stream()
                .map(Agent::of).toList());
    }

    public Agent get(long id) {
        tenant.organizationId();
        return QuarkusTransaction.requiringNew().call(() -> Agent.of(agents.require(id)));
    }

    public Agent create(CreateAgent request) {
        long clinic = tenant.organizationId();
        if (request == null || request.name() == null || request.name().isBlank()) {
            throw BookingException.missing(List.of("name"));
        }
        String provider = request.providerType() == null || request.providerType().isBlank() ? "retell"
                : request.providerType().trim().toLowerCase();
        if (!PROVIDERS.contains(provider)) {
            throw BookingException.invalid("provider_type", "provider_type is retell, twilio or vapi");
        }
        String areaCode = request.areaCode() == null || request.areaCode().isBlank() ? null : request.areaCode().trim();
        if (areaCode != null && !AREA_CODE.matcher(areaCode).matches()) {
            throw BookingException.invalid("area_code", "area_code is three digits, e.g. 415");
        }
        AgentEntity agent = new AgentEntity();
        agent.name = request.name().trim();
        agent.description = request.description();
        agent.providerType = provider;
        agent.voiceId = request.voiceId() == null || request.voiceId().isBlank() ? DEFAULT_VOICE : request.voiceId().trim();
        agent.areaCode = areaCode;
        agent.status = "retell".equals(provider) ? AgentEntity.ACTIVE : AgentEntity.NOT_PROVISIONED;
        if ("retell".equals(provider)) {
            provisionAtRetell(agent);
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                agent.updatedAt = Instant.now();
                agents.persist(agent);
                if (agent.retellAgentId != null) {
                    agents.addChannel(clinic, OrganizationChannel.RETELL_AGENT, agent.retellAgentId);
                }
                if (agent.phoneNumber != null) {
                    agents.addChannel(clinic, OrganizationChannel.PHONE_NUMBER, agent.phoneNumber);
                }
                return Agent.of(agent);
            });
        } catch (RuntimeException e) {
            if (agent.retellAgentId != null) {
                LOG.errorf("Storing Retell agent %s failed (%s); removing it at Retell", agent.retellAgentId,
                        e.getClass().getName());
                undo(agent.retellAgentId, agent.phoneNumber);
            }
            throw e;
        }
    }

    public Agent update(long id, UpdateAgent request) {
        tenant.organizationId();
        if (request == null) {
            throw BookingException.missing(List.of("name", "description", "voice_id"));
        }
        AgentEntity current = QuarkusTransaction.requiringNew().call(() -> agents.require(id));
        if (current.retellAgentId != null && (request.name() != null || request.voiceId() != null)) {
            Map<String, Object> changes = new HashMap<>();
            if (request.name() != null) {
                changes.put("agent_name", request.name().trim());
            }
            if (request.voiceId() != null) {
                changes.put("voice_id", request.voiceId().trim());
            }
            retell.updateAgent(current.retellAgentId, changes);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            AgentEntity agent = agents.require(id);
            if (request.name() != null && !request.name().isBlank()) {
                agent.name = request.name().trim();
            }
            if (request.description() != null) {
                agent.description = request.description();
            }
            if (request.voiceId() != null && !request.voiceId().isBlank()) {
                agent.voiceId = request.voiceId().trim();
            }
            agent.updatedAt = Instant.now();
            return Agent.of(agent);
        });
    }

    /** Releases the number and deletes the agent at Retell first; our record goes only when that worked. */
    public void delete(long id) {
        long clinic = tenant.organizationId();
        AgentEntity current = QuarkusTransaction.requiringNew().call(() -> agents.require(id));
        if (current.phoneNumber != null && current.retellPhoneNumberId != null) {
            retell.deletePhoneNumber(current.retellPhoneNumberId);
        }
        if (current.retellAgentId != null) {
            retell.deleteAgent(current.retellAgentId);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            AgentEntity agent = agents.require(id);
            if (agent.retellAgentId != null) {
                agents.removeChannel(clinic, OrganizationChannel.RETELL_AGENT, agent.retellAgentId);
            }
            if (agent.phoneNumber != null) {
                agents.removeChannel(clinic, OrganizationChannel.PHONE_NUMBER, agent.phoneNumber);
            }
            agents.delete(agent);
        });
    }

    private void provisionAtRetell(AgentEntity agent) {
        if (!retell.isConfigured()) {
            throw RetellException.notConfigured();
        }
        String socketUrl = config.gatewayWsUrl().orElseThrow(() -> new RetellException(ErrorCode.UPSTREAM_UNAVAILABLE,
                NextAction.CHECK_CONFIGURATION, "GATEWAY_PUBLIC_WS_URL is not set, so a Retell agent cannot be"
                        + " pointed at the gateway"));
        Map<String, Object> body = new HashMap<>();
        // A custom-LLM agent has no Retell LLM object: this response engine is its LLM configuration.
        body.put("response_engine", Map.of("type", "custom-llm", "llm_websocket_url", socketUrl));
        body.put("agent_name", agent.name);
        body.put("voice_id", agent.voiceId);
        body.put("language", config.agentLanguage());
        config.webhookUrl().ifPresent(url -> body.put("webhook_url", url));
        body.put("reminder_trigger_ms", 10000);
        body.put("reminder_max_count", 1);
        body.put("end_call_after_silence_ms", 600000);
        body.put("max_call_duration_ms", 3600000);
        RetellShapes.AgentCreated created = retell.createAgent(body);
        String agentId = created == null || created.agentId() == null || created.agentId().isBlank() ? null
                : created.agentId();
        if (agentId == null) {
            throw new RetellException(ErrorCode.UPSTREAM_FAILED, NextAction.TAKE_MESSAGE,
                    "Retell's answer to create-agent had no agent_id");
        }
        agent.retellAgentId = agentId;
        if (agent.areaCode == null) {
            return;
        }
        try {
            RetellShapes.PhoneNumberBought number = retell.createPhoneNumber(
                    RetellShapes.BuyPhoneNumber.forAgent(Integer.parseInt(agent.areaCode), agentId));
            String phoneNumber = number == null || number.phoneNumber() == null || number.phoneNumber().isBlank()
                    ? null : number.phoneNumber();
            if (phoneNumber == null) {
                throw new RetellException(ErrorCode.UPSTREAM_FAILED, NextAction.TAKE_MESSAGE,
                        "Retell's answer to create-phone-number had no phone_number");
            }
            agent.phoneNumber = phoneNumber;
            agent.retellPhoneNumberId = phoneNumber;
        } catch (RetellException e) {
            undo(agentId, null);
            throw new RetellException(e.error().code(), e.error().action(),
                    "Could not buy a number in area code " + agent.areaCode + ", so the agent was not created: "
                            + e.getMessage());
        }
    }

    /** Best-effort removal of what Retell created; what cannot be removed is logged for manual cleanup. */
    private void undo(String retellAgentId, String phoneNumber) {
        if (phoneNumber != null) {
            try {
                retell.deletePhoneNumber(phoneNumber);
            } catch (RetellException e) {
                LOG.errorf("CLEANUP NEEDED: could not release Retell number of agent %s (%s); release it in the"
                        + " Retell dashboard", retellAgentId, e.getMessage());
            }
        }
        try {
            retell.deleteAgent(retellAgentId);
        } catch (RetellException e) {
            LOG.errorf("CLEANUP NEEDED: could not delete Retell agent %s (%s); delete it in the Retell dashboard",
                    retellAgentId, e.getMessage());
        }
    }
}
