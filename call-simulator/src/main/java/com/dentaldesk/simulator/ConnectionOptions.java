package com.dentaldesk.simulator;

import java.time.Duration;

import picocli.CommandLine.Option;

/** Options every command shares: where the gateway is and how Retell behaves. */
public final class ConnectionOptions {

    @Option(names = "--url", defaultValue = "${env:SIMULATOR_URL:-ws://localhost:8080/llm-websocket/dev-secret-change-me-0123456789}",
            description = "Custom-LLM URL as configured in Retell; the call id is appended "
                    + "(or replaces {call_id}). Default: ${DEFAULT-VALUE}")
    String url;

    @Option(names = "--ping-interval-ms", defaultValue = "2000", description = "Ping period like Retell (${DEFAULT-VALUE} ms).")
    long pingIntervalMs;

    @Option(names = "--late-ping-ms", defaultValue = "1000", description = "Report echoes slower than this (${DEFAULT-VALUE} ms).")
    long latePingMs;

    RetellCallClient.Options options() {
        return new RetellCallClient.Options(Duration.ofMillis(pingIntervalMs), latePingMs, 300);
    }
}
