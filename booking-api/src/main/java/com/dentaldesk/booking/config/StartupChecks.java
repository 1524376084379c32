package com.dentaldesk.booking.config;

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
