package com.dentaldesk.booking.retell;

import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** Fails closed: no webhook secret means no start, unless verification was explicitly switched off. */
public class RetellStartupCheck {

    private static final Logger LOG = Logger.getLogger(RetellStartupCheck.class);

    void check(@Observes StartupEvent event, RetellConfig config) {
        RetellConfig.Webhook webhook = config.webhook();
        if (webhook.verification() == RetellConfig.Verification.disabled) {
            LOG.warn("*** RETELL WEBHOOK SIGNATURES ARE NOT VERIFIED (RETELL_WEBHOOK_VERIFICATION=disabled). Anyone who"
                    + " can reach /api/retell/webhook can write call records. Never run like this in production. ***");
        } else if (webhook.secret().isEmpty()) {
            throw new IllegalStateException("Retell webhooks cannot be verified: set RETELL_WEBHOOK_SECRET (or"
                    + " RETELL_API_KEY, which Retell signs with). For local development only, start with"
                    + " RETELL_WEBHOOK_VERIFICATION=disabled.");
        }
        if (config.apiKey().isEmpty()) {
            LOG.info("RETELL_API_KEY is not set: outbound and web calls and agent provisioning will answer 503");
        }
    }
}
