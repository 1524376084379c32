package com.dentaldesk.booking;

import static org.assertj.core.api.Assertions.assertThat;

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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.dentaldesk.localstack.LocalPostgres;
import com.dentaldesk.localstack.ServiceProcess;

/**
 * The packaged booking-api, started as operators start it: bad configuration stops it at once with a message naming
 * the variable; good configuration serves readiness (with the database) and Prometheus metrics.
 */
class StartupConfigIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final String TOKEN = "it-service-token-0123456789abcdef";

    private static LocalPostgres postgres;

    @BeforeAll
    static void database() {
        postgres = LocalPostgres.start();
        postgres.createDatabase("startup");
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void shouldRefuseToStartWithoutTheServiceTokenNamingIt() throws Exception {
        Map<String, String> env = environment();
        env.remove("BOOKING_API_SERVICE_TOKEN");
        Failure failure = bootExpectingFailure(env);
        assertThat(failure.output()).contains("BOOKING_API_SERVICE_TOKEN");
    }

    @Test
    void shouldRefuseToStartWithAShortServiceTokenNamingIt() throws Exception {
        Map<String, String> env = environment();
        env.put("BOOKING_API_SERVICE_TOKEN", "too-short");
        Failure failure = bootExpectingFailure(env);
        assertThat(failure.output()).contains("BOOKING_API_SERVICE_TOKEN must be at least 24 characters")
                .doesNotContain("too-short");
    }

    @Test
    void shouldRefuseToMailLinksWithoutAPublicUrlNamingIt() throws Exception {
        Map<String, String> env = environment();
        env.put("BOOKING_MAIL_FROM", "DentalDesk <desk@example.com>");
        Failure failure = bootExpectingFailure(env);
        assertThat(failure.output()).contains("BOOKING_MAIL_FROM needs BOOKING_API_PUBLIC_URL");
    }

    @Test
    void shouldServeReadinessAndMetricsWithGoodConfiguration() throws Exception {
        Map<String, String> env = environment();
        try (ServiceProcess service = ServiceProcess.start("booking-api-it", JAR, Integer.parseInt(env.get(
                "BOOKING_API_PORT")), env, "/q/health/ready", line -> { })) {
            HttpClient http = HttpClient.newHttpClient();
            String ready = get(http, service.baseUrl() + "/q/health/ready");
            assertThat(ready).contains("\"UP\"").contains("Database connections health check")
                    .doesNotContain(TOKEN).doesNotContain("it-webhook-secret");
            get(http, service.baseUrl() + "/api/patients");
            String metrics = get(http, service.baseUrl() + "/q/metrics");
            assertThat(metrics).contains("booking_errors_total{code=\"UNAUTHORIZED\"}").contains("jvm_memory_used_bytes");
        }
    }

    private static String get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_PROFILE", "prod");
        env.put("DATABASE_URL", postgres.jdbcUrl("startup"));
        env.put("DATABASE_USERNAME", postgres.username());
        env.put("BOOKING_API_PORT", String.valueOf(ServiceProcess.freePort()));
        env.put("BOOKING_API_SERVICE_TOKEN", TOKEN);
        env.put("RETELL_WEBHOOK_SECRET", "it-webhook-secret");
        return env;
    }

    private record Failure(int exitCode, String output) {
    }

    private static Failure bootExpectingFailure(Map<String, String> env) throws Exception {
        assertThat(Files.isRegularFile(JAR)).as(JAR + " (packaged before integration tests)").isTrue();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", JAR.toString()))
                .redirectErrorStream(true);
        builder.environment().remove("BOOKING_API_SERVICE_TOKEN");
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
        boolean exited = process.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        pump.join(5000);
        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(exited).as("the service stopped by itself; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as(output).isNotZero();
        return new Failure(process.exitValue(), output);
    }
}
