package com.dentaldesk.voice.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.dentaldesk.voice.agent.CallSessions;
import com.dentaldesk.voice.agent.ChatModels;
import com.dentaldesk.voice.config.GatewayConfig;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Readiness with the state of the dependencies. It stays UP when booking-api or the model is missing, because
 * the gateway still serves calls then (it takes messages); taking it out of rotation would drop those calls.
 */
@Readiness
@Blocking
@ApplicationScoped
public class DependenciesCheck implements HealthCheck {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final GatewayConfig config;
    private final ChatModels models;
    private final CallSessions calls;

    public DependenciesCheck(GatewayConfig config, ChatModels models, CallSessions calls) {
        this.config = config;
        this.models = models;
        this.calls = calls;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("voice-gateway")
                .up()
                .withData("mode", models.model().isPresent() ? "agent" : "message-taking (no OPENAI_API_KEY)")
                .withData("booking-api", reachable(config.bookingApi().url()) ? "reachable" : "unreachable (calls take messages)")
                .withData("openai", models.model().isEmpty() ? "not configured"
                        : reachable(config.openai().baseUrl()) ? "reachable" : "unreachable (calls take messages)")
                .withData("active-calls", calls.active())
                .build();
    }

    /** Any HTTP answer counts: this checks the network path, and sends no credential anywhere. */
    private boolean reachable(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(1)).GET().build();
            http.send(request, HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
