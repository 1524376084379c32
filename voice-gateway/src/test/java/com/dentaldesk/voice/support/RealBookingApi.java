package com.dentaldesk.voice.support;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.dentaldesk.localstack.LocalPostgres;
import com.dentaldesk.localstack.ServiceProcess;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real booking-api (its packaged jar, demo clinics seeded) on an embedded PostgreSQL, with OpenAI still
 * stubbed by WireMock: the gateway's end-to-end tests book into a real appointment book.
 */
public class RealBookingApi implements QuarkusTestResourceLifecycleManager {

    public static final String SERVICE_TOKEN = "e2e-service-token-0123456789abcdef";
    public static final String DEMO_KEY = "e2e-demo-dental-key-0123456789";
    /** The other demo clinic, for the console's isolation checks. */
    public static final String DEMO_ORTHO_KEY = "e2e-demo-ortho-key-0123456789";
    /** The demo clinics' owners (owner@demo-dental.test, owner@demo-ortho.test) sign in to the console with it. */
    public static final String DEMO_OWNER_PASSWORD = "e2e-demo-owner-password";
    public static final String DEMO_AGENT_ID = "agent_demo_dental";
    /** Jordan Rivera, a seeded demo patient, calls from this number. */
    public static final String JORDAN_PHONE = "+12125550143";

    public static String baseUrl;
    /** Retell's REST API as booking-api sees it (outbound calls of the confirmation job). */
    public static WireMockServer retell;

    private final WireMockServers wireMocks = new WireMockServers();
    private LocalPostgres postgres;
    private ServiceProcess bookingApi;

    @Override
    public Map<String, String> start() {
        Map<String, String> properties = new HashMap<>(wireMocks.start());
        retell = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        retell.start();
        postgres = LocalPostgres.start();
        postgres.createDatabase("booking");
        int port = ServiceProcess.freePort();
        Map<String, String> env = new HashMap<>(Map.of("QUARKUS_PROFILE", "local",
                "DATABASE_URL", postgres.jdbcUrl("booking"), "BOOKING_API_PORT", String.valueOf(port),
                "BOOKING_API_SERVICE_TOKEN", SERVICE_TOKEN, "DEMO_DENTAL_API_KEY", DEMO_KEY,
                "DEMO_ORTHO_API_KEY", DEMO_ORTHO_KEY, "DEMO_OWNER_PASSWORD", DEMO_OWNER_PASSWORD,
                "RETELL_WEBHOOK_SECRET", "e2e-webhook-secret",
                // Shown on the console's agents page as the URLs to paste into Retell.
                "GATEWAY_PUBLIC_WS_URL", "wss://gateway.example.com/llm-websocket/e2e-socket-secret",
                "BOOKING_API_PUBLIC_URL", "https://booking.example.com"));
        // Outbound calls (the confirmation job, every second here) go to the Retell stub.
        env.putAll(Map.of("RETELL_API_KEY", "e2e-retell-key", "RETELL_BASE_URL", retell.baseUrl(),
                "CONFIRMATIONS_EVERY", "1s"));
        bookingApi = ServiceProcess.start("booking-api", Path.of("../booking-api/target/quarkus-app/quarkus-run.jar"),
                port, env,
                "/q/health/ready", line -> { });
        baseUrl = bookingApi.baseUrl();
        properties.put("gateway.booking-api.url", baseUrl);
        properties.put("quarkus.rest-client.booking-api.url", baseUrl);
        properties.put("gateway.booking-api.service-token", SERVICE_TOKEN);
        return properties;
    }

    /** Retell places every outbound call asked for (a fresh call id each), as the confirmation job needs. */
    public static void retellPlacesCalls() {
        if (retell.getStubMappings().isEmpty()) {
            retell.stubFor(WireMock.post(WireMock.urlPathEqualTo("/v2/create-phone-call")).willReturn(
                    WireMock.aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                            .withBody("{\"call_id\":\"call_{{randomValue length=24 type='ALPHANUMERIC'}}\","
                                    + "\"call_status\":\"registered\",\"direction\":\"outbound\"}")
                            .withTransformers("response-template")));
        }
    }

    @Override
    public void stop() {
        if (bookingApi != null) {
            bookingApi.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        wireMocks.stop();
        if (retell != null) {
            retell.stop();
        }
    }
}
