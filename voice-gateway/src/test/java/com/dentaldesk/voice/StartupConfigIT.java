package com.dentaldesk.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.dentaldesk.localstack.ServiceProcess;

/**
 * The packaged gateway, started as operators start it: missing or malformed required settings stop it at once with
 * a message naming the variable (and never echoing a secret); good settings serve health and metrics.
 */
class StartupConfigIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final List<String> OURS = List.of("RETELL_WEBSOCKET_SECRET", "BOOKING_API_SERVICE_TOKEN",
            "BOOKING_API_URL", "NEXTJS_BASE_URL", "OPENAI_API_KEY", "OPENAI_BASE_URL", "RETELL_WEBSOCKET_PORT");

    @Test
    void shouldRefuseToStartWithoutTheSocketSecret() throws Exception {
        Map<String, String> env = good();
        env.remove("RETELL_WEBSOCKET_SECRET");
        assertTrue(failure(env).contains("RETELL_WEBSOCKET_SECRET"));
    }

    @Test
    void shouldRefuseToStartWithAMalformedSocketSecretWithoutEchoingIt() throws Exception {
        Map<String, String> env = good();
        env.put("RETELL_WEBSOCKET_SECRET", "not url safe / secret value");
        String output = failure(env);
        assertTrue(output.contains("RETELL_WEBSOCKET_SECRET"), output);
        assertFalse(output.contains("not url safe / secret value"), output);
    }

    @Test
    void shouldRefuseToStartWithoutTheServiceToken() throws Exception {
        Map<String, String> env = good();
        env.remove("BOOKING_API_SERVICE_TOKEN");
        assertTrue(failure(env).contains("BOOKING_API_SERVICE_TOKEN"));
    }

    @Test
    void shouldRefuseToStartWithAMalformedBookingApiUrl() throws Exception {
        Map<String, String> env = good();
        env.put("BOOKING_API_URL", "booking-api:8081");
        assertTrue(failure(env).contains("BOOKING_API_URL"));
    }

    @Test
    void shouldServeHealthAndMetricsWithGoodSettingsAndTheNextjsAlias() throws Exception {
        Map<String, String> env = good();
        env.put("NEXTJS_BASE_URL", env.remove("BOOKING_API_URL"));
        int port = Integer.parseInt(env.get("RETELL_WEBSOCKET_PORT"));
        try (ServiceProcess gateway = ServiceProcess.start("gateway-it", JAR, port, env, "/health/ready", line -> { })) {
            HttpClient http = HttpClient.newHttpClient();
            String ready = get(http, gateway.baseUrl() + "/health/ready");
            assertTrue(ready.contains("\"booking-api\"") && ready.contains("\"openai\""), ready);
            assertFalse(ready.contains("it-socket-secret") || ready.contains("it-service-token"), ready);
            assertTrue(get(http, gateway.baseUrl() + "/q/metrics").contains("voice_calls_active"));
        }
    }

    private static String get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Map<String, String> good() {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_PROFILE", "prod");
        env.put("RETELL_WEBSOCKET_PORT", String.valueOf(ServiceProcess.freePort()));
        env.put("RETELL_WEBSOCKET_SECRET", "it-socket-secret-0123456789");
        env.put("BOOKING_API_SERVICE_TOKEN", "it-service-token-0123456789abcdef");
        env.put("BOOKING_API_URL", "http://127.0.0.1:9");
        return env;
    }

    /** Starts the jar with exactly these settings of ours; it must stop by itself, non-zero. Returns its output. */
    private static String failure(Map<String, String> env) throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is packaged before integration tests");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", JAR.toString()))
                .redirectErrorStream(true);
        OURS.forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        Process process = builder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread pump = new Thread(() -> {
            try {
                process.getInputStream().transferTo(out);
            } catch (IOException e) {
                // The process is gone; what was read is kept.
            }
        });
        pump.start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        pump.join(5000);
        String output = out.toString(StandardCharsets.UTF_8);
        assertEquals(true, exited, "the gateway stopped by itself; output:\n" + output);
        assertNotEquals(0, process.exitValue(), output);
        return output;
    }
}
