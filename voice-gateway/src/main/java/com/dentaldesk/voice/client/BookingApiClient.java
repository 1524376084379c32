package com.dentaldesk.voice.client;

import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.dentaldesk.contracts.booking.ApiError;
import com.dentaldesk.contracts.booking.ApiResponse;
import com.dentaldesk.contracts.booking.BookingFunction;
import com.dentaldesk.contracts.booking.ClinicProfile;
import com.dentaldesk.contracts.booking.ConfirmationAnswer;
import com.dentaldesk.contracts.booking.FunctionCall;
import com.dentaldesk.contracts.calls.ConversationLog;
import com.dentaldesk.contracts.calls.Lead;
import com.dentaldesk.contracts.calls.LeadRequest;
import com.dentaldesk.voice.config.GatewayConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * The gateway's only door to booking-api: adds the service credential and the clinic, turns business failures
 * into {@link BookingOutcome}s and everything else into {@link BookingUnavailableException}. The circuit breaker
 * makes a dead booking-api cost calls nothing after a few failures. Blocking: call from worker threads only.
 */
@ApplicationScoped
public class BookingApiClient {

    private static final Logger LOG = Logger.getLogger(BookingApiClient.class);

    private final BookingApi api;
    private final String authorization;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public BookingApiClient(@RestClient BookingApi api, GatewayConfig config) {
        this.api = api;
        this.authorization = "Bearer " + config.bookingApi().serviceToken();
    }

    /** The clinic for an agent id, called number or slug; empty when booking-api says it does not exist. */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5000, failOn = BookingUnavailableException.class)
    public Optional<ClinicProfile> resolveClinic(String agentId, String toNumber, String slug) {
        Response response = invoke("resolve", () -> api.resolve(authorization, agentId, toNumber, slug));
        if (response.getStatus() == 404) {
            return Optional.empty();
        }
        ApiResponse<JsonNode> body = envelope("resolve", response);
        if (!body.success()) {
            throw new BookingUnavailableException("resolve answered " + response.getStatus());
        }
        return Optional.of(json.convertValue(body.data(), ClinicProfile.class));
    }

    /** One function of {@code POST /api/booking}; writes carry the idempotency key. */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5000, failOn = BookingUnavailableException.class)
    public BookingOutcome call(String clinic, String callId, String idempotencyKey, BookingFunction function,
            Map<String, Object> parameters) {
        FunctionCall body = new FunctionCall(function.name(), parameters, callId);
        String key = function.isWrite() ? idempotencyKey : null;
        Response response = invoke(function.name(), () -> api.call(authorization, clinic, key, body));
        return outcome(function.name(), response);
    }

    /** Reports the patient's answer in a confirmation call (confirmed, opted out, voicemail). */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5000, failOn = BookingUnavailableException.class)
    public BookingOutcome answerConfirmation(String clinic, long appointmentId, ConfirmationAnswer answer) {
        return outcome("confirmation", invoke("confirmation",
                () -> api.answerConfirmation(authorization, clinic, appointmentId, answer)));
    }

    /** Saves a callback request (booking-api keeps one per call id). */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5000, failOn = BookingUnavailableException.class)
    public Optional<Lead> saveLead(String clinic, LeadRequest lead) {
        Response response = invoke("lead", () -> api.lead(authorization, clinic, "lead:" + lead.callId(), lead));
        BookingOutcome outcome = outcome("lead", response);
        return outcome.success() ? Optional.of(json.convertValue(outcome.data(), Lead.class)) : Optional.empty();
    }

    /**
     * Upserts the call record: true when saved, false when booking-api refuses it for good (a 4xx other than 408
     * and 429); throws {@link BookingUnavailableException} when trying again may help.
     */
    public boolean putConversation(String clinic, ConversationLog log) {
        Response response = invoke("conversation", () -> api.putConversation(authorization, clinic, log.callId(), log));
        int status = response.getStatus();
        response.close();
        if (status < 300) {
            return true;
        }
        if (status >= 500 || status == 401 || status == 403 || status == 408 || status == 429) {
            throw new BookingUnavailableException("conversation upload answered " + status);
        }
        LOG.errorf("booking-api refused the record of call %s (%d)", log.callId(), status);
        return false;
    }

    /** The record of a call this or another instance served; empty for a call never seen. */
    public Optional<ConversationLog> findConversation(String clinic, String callId) {
        Response response = invoke("conversation", () -> api.getConversation(authorization, clinic, callId));
        if (response.getStatus() == 404) {
            return Optional.empty();
        }
        ApiResponse<JsonNode> body = envelope("conversation", response);
        if (!body.success() || body.data() == null || body.data().isNull()) {
            return Optional.empty();
        }
        return Optional.of(json.convertValue(body.data(), ConversationLog.class));
    }

    public ObjectMapper json() {
        return json;
    }

    private BookingOutcome outcome(String what, Response response) {
        int status = response.getStatus();
        if (status == 401 || status == 403) {
            LOG.errorf("booking-api refused the service credential (%d) on %s: check BOOKING_API_SERVICE_TOKEN",
                    status, what);
            throw new BookingUnavailableException(what + " unauthorized");
        }
        ApiResponse<JsonNode> body = envelope(what, response);
        if (body.success()) {
            return new BookingOutcome(true, body.data(), null);
        }
        ApiError error = body.error();
        if (status >= 500 || error == null) {
            throw new BookingUnavailableException(what + " answered " + status);
        }
        return new BookingOutcome(false, null, error);
    }

    @SuppressWarnings("unchecked")
    private ApiResponse<JsonNode> envelope(String what, Response response) {
        try {
            if (response.getStatus() >= 500) {
                throw new BookingUnavailableException(what + " answered " + response.getStatus());
            }
            String text = response.readEntity(String.class);
            JsonNode node = json.readTree(text == null ? "" : text);
            if (node == null || !node.has("success")) {
                throw new BookingUnavailableException(what + " answered " + response.getStatus() + " without an envelope");
            }
            return new ApiResponse<>(node.path("success").asBoolean(), node.get("data"),
                    node.hasNonNull("error") ? json.convertValue(node.get("error"), ApiError.class) : null,
                    node.path("next").asText(null));
        } catch (BookingUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new BookingUnavailableException(what + " answered unreadable content", e);
        } finally {
            response.close();
        }
    }

    private Response invoke(String what, java.util.function.Supplier<Response> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            // Business answers (404, 409, 422) are data, whether or not the default exception mapper ran.
            if (e.getResponse() != null && e.getResponse().getStatus() < 500) {
                return e.getResponse();
            }
            throw new BookingUnavailableException(what + " failed: " + e.getClass().getSimpleName(), e);
        } catch (ProcessingException e) {
            throw new BookingUnavailableException(what + " failed: " + e.getClass().getSimpleName(), e);
        } catch (RuntimeException e) {
            throw new BookingUnavailableException(what + " failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
