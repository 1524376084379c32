package com.dentaldesk.booking.retell;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.observability.BookingMetrics;
import com.dentaldesk.contracts.booking.ApiError;
import com.dentaldesk.contracts.booking.ApiResponse;
import com.dentaldesk.contracts.booking.ErrorCode;
import com.dentaldesk.contracts.booking.NextAction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Retell's webhooks. Public path: the signature is the credential, checked on the raw bytes before anything is
 * parsed or written. A verified event is stored, answered with 204, and processed in the background; a verified
 * event that describes no call is answered with 204 and dropped.
 */
@Path(RetellWebhookResource.PATH)
public class RetellWebhookResource {

    public static final String PATH = "/api/retell/webhook";

    private static final Logger LOG = Logger.getLogger(RetellWebhookResource.class);

    private final RetellConfig config;
    private final WebhookInbox inbox;
    private final WebhookProcessor processor;
    private final ObjectMapper json;
    private final Clock clock;

    public RetellWebhookResource(RetellConfig config, WebhookInbox inbox, WebhookProcessor processor,
            ObjectMapper json, Clock clock) {
        this.config = config;
        this.inbox = inbox;
        this.processor = processor;
        this.json = json;
        this.clock = clock;
    }

    @GET
    public ApiResponse<Map<String, String>> health() {
        return ApiResponse.ok(Map.of("status", "ok"));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public RestResponse<Object> receive(byte[] body, @HeaderParam("x-retell-signature") String signature) {
        if (config.webhook().verification() == RetellConfig.Verification.enabled) {
            WebhookSignature.Verdict verdict = WebhookSignature.verify(body, signature,
                    config.webhook().secret().orElseThrow(), clock.instant(), config.webhook().tolerance());
            if (verdict != WebhookSignature.Verdict.VALID) {
                LOG.warnf("Rejected a Retell webhook: signature %s", verdict);
                BookingMetrics.webhook("unknown", "rejected");
                throw BookingException.unauthorized("Invalid webhook signature");
            }
        }
        JsonNode event = parse(body);
        String eventType = MergedCall.text(event, "event");
        if (!event.path("call").isObject()) {
            // Not a call event (e.g. a chat event on the same webhook URL). Nothing here is ours to store, and an
            // error answer would only make Retell deliver it again and again.
            String kind = eventType == null ? "other" : knownEvent(eventType);
            LOG.infof("Ignored a Retell webhook without a call (event %s)", kind);
            BookingMetrics.webhook(kind, "ignored");
            return RestResponse.noContent();
        }
        String callId = MergedCall.text(event.path("call"), "call_id");
        if (eventType == null || callId == null) {
            throw BookingException.invalid("event", "A Retell webhook needs event and call.call_id");
        }
        boolean stored = QuarkusTransaction.requiringNew().call(() -> inbox.store(body, eventType, callId));
        LOG.infof("Retell webhook %s for call %s %s", eventType, callId, stored ? "stored" : "already stored");
        BookingMetrics.webhook(knownEvent(eventType), stored ? "stored" : "duplicate");
        processor.wake();
        return RestResponse.noContent();
    }

    /** A closed set of tag values, whatever a sender puts in {@code event}. */
    private static String knownEvent(String eventType) {
        return switch (eventType) {
            case "call_started", "call_ended", "call_analyzed" -> eventType;
            default -> "other";
        };
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (java.io.IOException e) {
            // Falls through to the same answer as a JSON value that is not an object.
        }
        throw new BookingException(new ApiError(ErrorCode.VALIDATION_FAILED, "The webhook body is not a JSON object",
                NextAction.CHECK_CONFIGURATION, List.of(), List.of()));
    }
}
