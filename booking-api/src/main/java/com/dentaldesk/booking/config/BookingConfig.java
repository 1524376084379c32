package com.dentaldesk.booking.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** All booking-api settings; each maps to an environment variable documented in the README. */
@ConfigMapping(prefix = "booking")
public interface BookingConfig {

    /** {@code BOOKING_API_SERVICE_TOKEN}: the gateway's credential; it may act for the clinic named in {@code X-Clinic-Slug}. */
    String serviceToken();

    /** {@code BOOKING_DEFAULT_PHONE_REGION}: region for phone numbers written without a country code. */
    @WithDefault("US")
    String defaultPhoneRegion();

    /**
     * {@code BOOKING_OPERATOR_TOKEN}: the platform operator's credential for {@code /api/operator} (creating clinics).
     * Unset: those routes refuse everyone.
     */
    Optional<String> operatorToken();

    /**
     * {@code BOOKING_GATEWAY_URLS}: the gateway's internal base URLs (comma-separated), each host resolved to all its
     * addresses, for staff text into live calls, e.g. {@code http://dentaldesk-gateway.internal:8080} on Fly.
     */
    Optional<List<String>> gatewayUrls();

    Demo demo();

    Mail mail();

    interface Mail {
        /**
         * {@code BOOKING_MAIL_FROM}: the sender of one-time links (setup, invitation, password). Unset: nothing is
         * mailed and links are only shown to whoever made them. SMTP itself is Quarkus' {@code QUARKUS_MAILER_*}.
         */
        Optional<String> from();
    }

    Console console();

    interface Console {
        SignIn signIn();

        /** Failed console sign-ins allowed a minute, refilled evenly (see {@code SignInThrottle}). */
        interface SignIn {
            @WithDefault("10")
            int failuresPerAddress();

            @WithDefault("20")
            int failuresPerAccount();
        }
    }

    interface Demo {
        /** Seeds the two demo clinics at startup. Only the local run profile turns this on. */
        @WithDefault("false")
        boolean enabled();

        /** {@code DEMO_DENTAL_API_KEY}: API key of demo-dental; generated and printed when absent. */
        Optional<String> dentalApiKey();

        /** {@code DEMO_ORTHO_API_KEY}: API key of demo-ortho; generated and printed when absent. */
        Optional<String> orthoApiKey();

        /** {@code DEMO_OWNER_PASSWORD}: console password of the demo clinics' owners; generated and printed when absent. */
        Optional<String> ownerPassword();
    }
}
