package com.dentaldesk.booking.retell;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Retell settings: the REST API, webhook verification and the URLs Retell agents are pointed at. */
@ConfigMapping(prefix = "retell")
public interface RetellConfig {

    /**
     * {@code RETELL_API_KEY}: key for Retell's REST API. Optional: without it the service runs, and only the
     * endpoints that call Retell (outbound and web calls, agent provisioning) answer 503.
     */
    Optional<String> apiKey();

    /** {@code GATEWAY_PUBLIC_WS_URL}: the gateway's custom-LLM socket URL Retell agents dial, without {call_id}. */
    Optional<String> gatewayWsUrl();

    /** {@code BOOKING_API_PUBLIC_URL}: this service's public base URL; agents get {@code <it>/api/retell/webhook}. */
    Optional<String> publicUrl();

    /** The webhook URL Retell agents get, {@code <public url>/api/retell/webhook}; empty without a public URL. */
    default Optional<String> webhookUrl() {
        return publicUrl().map(url -> url.replaceAll("/+$", "") + RetellWebhookResource.PATH);
    }

    /** Language given to agents created through our API. */
    @WithDefault("en-US")
    String agentLanguage();

    Webhook webhook();

    interface Webhook {

        /** {@code RETELL_WEBHOOK_SECRET}, falling back to {@code RETELL_API_KEY} as Retell signs with the API key. */
        Optional<String> secret();

        /**
         * {@code RETELL_WEBHOOK_VERIFICATION}: {@code enabled} (default) or {@code disabled}. Disabled is for a
         * local machine only; without a secret the service refuses to start unless this says disabled.
         */
        @WithDefault("enabled")
        Verification verification();

        /** Accepted distance between the signature's timestamp and our clock, either way (Retell's SDK: 5 min). */
        @WithDefault("5m")
        Duration tolerance();

        /** How often the background processor sweeps the inbox for events not yet processed (crash recovery). */
        @WithDefault("10s")
        Duration sweepEvery();

        /** Processing attempts per event before it is left for an operator. */
        @WithDefault("10")
        int maxAttempts();
    }

    enum Verification {
        enabled,
        disabled
    }
}
