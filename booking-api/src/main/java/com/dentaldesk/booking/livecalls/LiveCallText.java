package com.dentaldesk.booking.livecalls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.dentaldesk.booking.config.BookingConfig;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.input.ControlCharacters;
import com.dentaldesk.booking.tenancy.TenantContext;
import com.dentaldesk.contracts.booking.ApiError;
import com.dentaldesk.contracts.booking.ErrorCode;
import com.dentaldesk.contracts.booking.NextAction;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Text the clinic's staff send into one of its live calls, spoken at once or given to the receptionist as an
 * instruction. booking-api does not know which gateway instance holds a call, and does not need to: it asks every
 * instance behind {@code BOOKING_GATEWAY_URLS} (each URL's host name is resolved to all its addresses, so on Fly
 * {@code http://<gateway-app>.internal:8080} reaches every machine over the private network) and the one serving the
 * call answers 202. Staff text is rare, so the fan-out costs nothing that matters, and no routing state can go stale.
 * The request names the clinic, and a gateway delivers only into a call of that clinic: a call id of another
 * clinic's call is "not found", wherever it runs.
 */
@ApplicationScoped
public class LiveCallText {

    public static final int MAX_TEXT = 500;
    private static final Logger LOG = Logger.getLogger(LiveCallText.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the text reaches the caller. */
    public enum Mode {
        /** Spoken at once, whole. */
        SPEAK,
        /** An instruction the receptionist follows from the next turn ("offer the 3 pm cancellation"). */
        INSTRUCT,
        /** The text is spoken, then the call is put through to the clinic's transfer number. */
        TRANSFER;

        static Mode parse(String value) {
            if (value == null || value.isBlank()) {
                return SPEAK;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw BookingException.invalid("mode", "mode is speak, instruct or transfer");
            }
        }
    }

    private final BookingConfig config;
    private final TenantContext tenant;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public LiveCallText(BookingConfig config, TenantContext tenant) {
        this.config = config;
        this.tenant = tenant;
    }

    /** Delivers the text to the clinic's live call; a 404 when it is not this clinic's or not live, 503 without gateways. */
    public void send(String callId, String rawText, String rawMode) {
        tenant.organizationId();
        String text = ControlCharacters.field(rawText);
        if (text.isEmpty()) {
            throw BookingException.missing(List.of("text"));
        }
        if (text.length() > MAX_TEXT) {
            throw BookingException.invalid("text", "Use at most " + MAX_TEXT + " characters");
        }
        Mode mode = Mode.parse(rawMode);
        if (callId == null || !callId.matches("[A-Za-z0-9_-]{1,128}")) {
            throw BookingException.notFound("Live call " + callId);
        }
        List<URI> instances = instances();
        if (instances.isEmpty()) {
            throw new BookingException(new ApiError(ErrorCode.UPSTREAM_UNAVAILABLE, "No gateway is configured to"
                    + " reach live calls (BOOKING_GATEWAY_URLS is not set)", NextAction.CHECK_CONFIGURATION,
                    List.of(), List.of()));
        }
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("clinic", tenant.slug(), "text", text, "mode",
                    mode.name().toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (URI instance : instances) {
            HttpRequest request = HttpRequest.newBuilder(instance.resolve("/internal/calls/" + callId + "/staff-text"))
                    .timeout(TIMEOUT).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + config.serviceToken())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(HttpResponse::statusCode).exceptionally(failure -> -1));
        }
        List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();
        if (statuses.contains(202)) {
            LOG.infof("Staff text delivered to call %s (%s)", callId, mode);
            return;
        }
        if (statuses.contains(409)) {
            throw BookingException.invalid("mode", "The clinic has no transfer number: the owner sets it in Settings");
        }
        if (statuses.stream().allMatch(status -> status == 404)) {
            throw BookingException.notFound("Live call " + callId);
        }
        LOG.warnf("Staff text for call %s not delivered: gateway answers %s", callId, statuses);
        throw new BookingException(new ApiError(ErrorCode.UPSTREAM_UNAVAILABLE, "The call's gateway did not answer;"
                + " try again", NextAction.INFORM_USER, List.of(), List.of()));
    }

    /** Every address of every configured gateway URL. */
    private List<URI> instances() {
        List<URI> instances = new ArrayList<>();
        for (String url : config.gatewayUrls().orElse(List.of())) {
            URI base = URI.create(url.strip());
            try {
                for (InetAddress address : InetAddress.getAllByName(base.getHost())) {
                    String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]"
                            : address.getHostAddress();
                    instances.add(new URI(base.getScheme(), null, host, base.getPort(), "/", null, null));
                }
            } catch (UnknownHostException | URISyntaxException e) {
                LOG.warnf("Gateway %s cannot be resolved (%s)", base.getHost(), e.getClass().getSimpleName());
            }
        }
        return instances;
    }
}
