package com.dentaldesk.voice.config;

import java.net.URI;

import org.jboss.logging.Logger;

import com.dentaldesk.voice.ws.SourceAllowlist;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Fails the start-up on a bad setting, naming the variable, so no call ever discovers it. */
@ApplicationScoped
public class ConfigValidator {

    private static final Logger LOG = Logger.getLogger(ConfigValidator.class);

    private final GatewayConfig config;

    public ConfigValidator(GatewayConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        validate(config);
        if (config.openai().apiKey().isEmpty()) {
            LOG.warn("OPENAI_API_KEY is not set: the gateway runs in message-taking mode "
                    + "(every call takes name, callback number and reason as a lead)");
        } else {
            LOG.infof("Agent model %s at %s", config.openai().model(), config.openai().baseUrl());
        }
        LOG.infof("booking-api at %s; socket secret in %s", config.bookingApi().url(),
                config.socket().secretLocation());
    }

    static void validate(GatewayConfig config) {
        String secret = config.socket().secret();
        if (secret == null || secret.isBlank() || secret.length() < 16) {
            throw new IllegalStateException(
                    "RETELL_WEBSOCKET_SECRET (gateway.socket.secret) must be set to at least 16 characters");
        }
        if (!secret.matches("[A-Za-z0-9._~-]+")) {
            throw new IllegalStateException(
                    "RETELL_WEBSOCKET_SECRET (gateway.socket.secret) may only use URL-safe characters A-Z a-z 0-9 . _ ~ -");
        }
        if (config.bookingApi().serviceToken().isBlank()) {
            throw new IllegalStateException("BOOKING_API_SERVICE_TOKEN (gateway.booking-api.service-token) is empty");
        }
        requireHttpUrl(config.bookingApi().url(), "BOOKING_API_URL (gateway.booking-api.url)");
        requireHttpUrl(config.openai().baseUrl(), "OPENAI_BASE_URL (gateway.openai.base-url)");
        config.socket().allowedSources().ifPresent(list -> {
            try {
                SourceAllowlist.parse(list);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "RETELL_ALLOWED_SOURCES (gateway.socket.allowed-sources): " + e.getMessage());
            }
        });
        if (config.agent().fillerAfter().compareTo(config.agent().toolTimeout()) >= 0) {
            throw new IllegalStateException("gateway.agent.filler-after must be shorter than TOOL_TIMEOUT (gateway.agent.tool-timeout)");
        }
        if (config.agent().maxToolSteps() < 1 || config.agent().maxIdenticalToolCalls() < 1) {
            throw new IllegalStateException("gateway.agent.max-tool-steps and max-identical-tool-calls must be >= 1");
        }
    }

    private static void requireHttpUrl(String value, String name) {
        try {
            URI uri = URI.create(value);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " must be an http(s) URL, got '" + value + "'");
        }
    }
}
