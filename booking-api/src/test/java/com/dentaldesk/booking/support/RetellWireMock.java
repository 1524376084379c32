package com.dentaldesk.booking.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * WireMock standing in for Retell's REST API for the whole test run; tests reach it through {@link #server()}.
 * Every request it receives is kept for the contract check against the official SDK ({@link RetellContractCapture}).
 */
public class RetellWireMock implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort());
            RetellContractCapture.reset();
            server.addMockServiceRequestListener((request, response) -> RetellContractCapture.record(request));
            server.start();
        }
        return Map.of("quarkus.rest-client.retell.url", server.baseUrl());
    }

    @Override
    public void stop() {
        // Shared by every test class of the run, like the database.
    }
}
