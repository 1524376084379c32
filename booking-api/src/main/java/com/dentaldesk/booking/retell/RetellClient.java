package com.dentaldesk.booking.retell;

import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.dentaldesk.contracts.booking.ErrorCode;
import com.dentaldesk.contracts.booking.NextAction;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one way into Retell's REST API. Timeouts and retries live on {@link RetellApi}; here every failure
 * becomes a {@link RetellException} that says what happened without internals.
 */
@ApplicationScoped
public class RetellClient {

    private static final Logger LOG = Logger.getLogger(RetellClient.class);

    private final RetellApi api;
    private final RetellConfig config;

    public RetellClient(@RestClient RetellApi api, RetellConfig config) {
        this.api = api;
        this.config = config;
    }

    public boolean isConfigured() {
        return config.apiKey().isPresent();
    }

    public RetellShapes.PhoneCallCreated createPhoneCall(Map<String, Object> body) {
        return call("place the call", auth -> api.createPhoneCall(auth, body));
    }

    public RetellShapes.WebCallCreated createWebCall(Map<String, Object> body) {
        return call("create the web call", auth -> api.createWebCall(auth, body));
    }

    public JsonNode getCall(String callId) {
        return call("read the call", auth -> api.getCall(auth, callId));
    }

    public RetellShapes.AgentCreated createAgent(Map<String, Object> body) {
        return call("create the agent", auth -> api.createAgent(auth, body));
    }

    public JsonNode updateAgent(String agentId, Map<String, Object> body) {
        return call("update the agent", auth -> api.updateAgent(auth, agentId, body));
    }

    /** Deletes the agent; an agent Retell no longer knows counts as deleted. */
    public void deleteAgent(String agentId) {
        call("delete the agent", auth -> {
            try {
                api.deleteAgent(auth, agentId);
            } catch (RetellHttpException.Rejected e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
            return null;
        });
    }

    public RetellShapes.PhoneNumberBought createPhoneNumber(RetellShapes.BuyPhoneNumber body) {
        return call("buy the phone number", auth -> api.createPhoneNumber(auth, body));
    }

    /** Releases the number; a number Retell no longer knows counts as released. */
    public void deletePhoneNumber(String phoneNumber) {
        call("release the phone number", auth -> {
            try {
                api.deletePhoneNumber(auth, phoneNumber);
            } catch (RetellHttpException.Rejected e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
            return null;
        });
    }

    private <T> T call(String action, Function<String, T> request) {
        String authorization = "Bearer " + config.apiKey().orElseThrow(RetellException::notConfigured);
        try {
            return request.apply(authorization);
        } catch (RetellHttpException.Rejected e) {
            LOG.warnf("Retell refused to %s: HTTP %d", action, e.status());
            throw rejected(action, e);
        } catch (RetellHttpException.ServerError e) {
            LOG.warnf("Retell failed to %s: HTTP %d after retries", action, e.status());
            throw new RetellException(ErrorCode.UPSTREAM_FAILED, NextAction.TAKE_MESSAGE,
                    "Retell's API is failing (HTTP " + e.status() + "); could not " + action + ". Try again later.");
        } catch (ProcessingException e) {
            LOG.warnf("Retell did not answer to %s: %s", action, rootCause(e).getClass().getName());
            throw new RetellException(ErrorCode.UPSTREAM_TIMEOUT, NextAction.TAKE_MESSAGE,
                    "Retell did not answer in time; could not confirm that we could " + action + ".");
        }
    }

    private static RetellException rejected(String action, RetellHttpException.Rejected e) {
        String detail = e.getMessage() == null ? "" : ": " + e.getMessage();
        return switch (e.status()) {
            case 401, 403 -> new RetellException(ErrorCode.UPSTREAM_FAILED, NextAction.CHECK_CONFIGURATION,
                    "Retell refused our API key (HTTP " + e.status() + "); check RETELL_API_KEY");
            case 404 -> new RetellException(ErrorCode.NOT_FOUND, NextAction.INFORM_USER,
                    "Retell does not know this resource; could not " + action);
            case 429 -> new RetellException(ErrorCode.UPSTREAM_UNAVAILABLE, NextAction.TAKE_MESSAGE,
                    "Retell is rate limiting our requests; could not " + action + ". Try again shortly.");
            default -> new RetellException(ErrorCode.VALIDATION_FAILED, NextAction.ASK_USER,
                    "Retell rejected the request to " + action + " (HTTP " + e.status() + ")" + detail);
        };
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
