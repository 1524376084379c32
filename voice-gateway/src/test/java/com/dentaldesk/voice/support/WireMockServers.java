package com.dentaldesk.voice.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts WireMock for booking-api and for OpenAI once per test run and points the gateway at them. */
public class WireMockServers implements QuarkusTestResourceLifecycleManager {

    public static WireMockServer booking;
    public static WireMockServer openai;

    @Override
    public Map<String, String> start() {
        booking = new WireMockServer(options().dynamicPort().containerThreads(40));
        openai = new WireMockServer(options().dynamicPort().containerThreads(40));
        booking.start();
        openai.start();
        return Map.of(
                "gateway.booking-api.url", booking.baseUrl(),
                "quarkus.rest-client.booking-api.url", booking.baseUrl(),
                "gateway.openai.base-url", openai.baseUrl() + "/v1");
    }

    @Override
    public void stop() {
        if (booking != null) {
            booking.stop();
        }
        if (openai != null) {
            openai.stop();
        }
    }
}
