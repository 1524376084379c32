package com.dentaldesk.booking.config;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.enterprise.event.Observes;

import com.dentaldesk.booking.retell.RetellConfig;

import io.quarkus.runtime.StartupEvent;

/** Refuses to start with configuration that would only fail later, mid-call. */
public class StartupChecks {

    static final int MIN_SERVICE_TOKEN_LENGTH = 24;

    void check(@Observes StartupEvent event, BookingConfig config, RetellConfig retell) {
        if (config.serviceToken().length() < MIN_SERVICE_TOKEN_LENGTH) {
            throw new IllegalStateException("BOOKING_API_SERVICE_TOKEN must be at least " + MIN_SERVICE_TOKEN_LENGTH
                    + " characters (generate one with: openssl rand -hex 32)");
        }
        if (config.mail().from().filter(from -> !from.isBlank()).isPresent()
                && retell.publicUrl().filter(url -> !url.isBlank()).isEmpty()) {
            throw new IllegalStateException("BOOKING_MAIL_FROM needs BOOKING_API_PUBLIC_URL: mailed links are built"
                    + " on it, never on the address a request names");
        }
        for (String url : config.gatewayUrls().orElse(java.util.List.of())) {
            URI gateway;
            try {
                gateway = new URI(url.strip());
            } catch (URISyntaxException e) {
                gateway = null;
            }
            // Requests go to each resolved address, so only plain http on a private network can work.
            if (gateway == null || !"http".equals(gateway.getScheme()) || gateway.getHost() == null) {
                throw new IllegalStateException("BOOKING_GATEWAY_URLS holds \"" + url.strip() + "\": use the"
                        + " gateway's private http://host:port, e.g. http://dentaldesk-gateway.internal:8080");
            }
        }
        config.operatorToken().filter(token -> !token.isEmpty()).ifPresent(token -> {
            if (token.length() < MIN_SERVICE_TOKEN_LENGTH) {
                throw new IllegalStateException("BOOKING_OPERATOR_TOKEN must be at least " + MIN_SERVICE_TOKEN_LENGTH
                        + " characters (generate one with: openssl rand -hex 32), or left unset");
            }
            if (token.equals(config.serviceToken())) {
                throw new IllegalStateException("BOOKING_OPERATOR_TOKEN must differ from BOOKING_API_SERVICE_TOKEN");
            }
        });
    }
}
