package com.dentaldesk.booking;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.dentaldesk.localstack.LocalPostgres;
import com.dentaldesk.localstack.ServiceProcess;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * A deploy stops booking-api (SIGINT/SIGTERM) while requests are in flight: they finish and are answered before the
 * process exits, instead of the connection being cut with the work done but unreported (a caller told "that didn't
 * work" about a booking that was made). Here the request in flight is a web call that waits on Retell (a stub that
 * answers after 1.5 s), started on the packaged jar with the demo clinic.
 */
class GracefulStopIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final String DEMO_KEY = "it-demo-dental-key-0123456789";
    private static final String CREATE_WEB_CALL = "/v3/create-web-call";

    @Test
    void shouldAnswerARequestInFlightBeforeStopping() throws Exception {
        assertThat(Files.isRegularFile(JAR)).as(JAR + " (packaged before integration tests)").isTrue();
        WireMockServer retell = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        retell.start();
        retell.stubFor(post(urlPathEqualTo(CREATE_WEB_CALL)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withFixedDelay(1500)
                .withBody("{\"call_id\":\"call_web_during_deploy\",\"access_token\":\"tok_1\"}")));
        try (LocalPostgres postgres = LocalPostgres.start()) {
            postgres.createDatabase("stop");
            int port = ServiceProcess.freePort();
            Map<String, String> env = Map.of("QUARKUS_PROFILE", "local", "DATABASE_URL", postgres.jdbcUrl("stop"),
                    "DATABASE_USERNAME", postgres.username(), "BOOKING_API_PORT", String.valueOf(port),
                    "BOOKING_API_SERVICE_TOKEN", "it-service-token-0123456789abcdef", "DEMO_DENTAL_API_KEY", DEMO_KEY,
                    "DEMO_OWNER_PASSWORD", "it-demo-owner-password", "RETELL_API_KEY", "it-retell-key",
                    "RETELL_BASE_URL", retell.baseUrl());
            try (ServiceProcess bookingApi = ServiceProcess.start("booking-api", JAR, port, env, "/q/health/ready",
                    line -> { })) {
                HttpRequest webCall = HttpRequest.newBuilder(URI.create(bookingApi.baseUrl()
                        + "/api/retell/create-web-call")).timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + DEMO_KEY).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"agent_id\":\"agent_demo_dental\"}")).build();
                CompletableFuture<HttpResponse<String>> answer = HttpClient.newHttpClient()
                        .sendAsync(webCall, HttpResponse.BodyHandlers.ofString());
                awaitRequestAtRetell(retell);

                ProcessHandle process = ProcessHandle.of(bookingApi.pid()).orElseThrow();
                assertThat(process.destroy()).as("SIGTERM sent").isTrue();

                HttpResponse<String> response = answer.get(20, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(response.body()).contains("call_web_during_deploy");
                process.onExit().get(30, TimeUnit.SECONDS);
            }
        } finally {
            retell.stop();
        }
    }

    private static void awaitRequestAtRetell(WireMockServer retell) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (retell.findAll(postRequestedFor(urlPathEqualTo(CREATE_WEB_CALL))).isEmpty()) {
            assertThat(System.nanoTime()).as("the web call reached Retell's stub").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
