package com.dentaldesk.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The deployment files at the top of the repository: the Fly.io apps listen and are health-checked where the
 * services really are, and the Compose file wires the three services together. Real deploys need Fly and a Docker
 * engine, which the build machines do not have; {@code docker compose config} runs when a compose binary exists.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void shouldServeAndCheckBookingApiOnItsPortAndReadinessPath() throws IOException {
        JsonNode fly = toml("fly-booking.toml");
        JsonNode service = fly.path("http_service");
        assertThat(service.path("internal_port").asInt()).isEqualTo(8081);
        assertThat(fly.path("env").path("BOOKING_API_PORT").asText()).isEqualTo("8081");
        assertThat(paths(service.path("checks"))).containsExactly("/q/health/ready");
        assertThat(fly.path("build").path("dockerfile").asText()).isEqualTo("booking-api/src/main/docker/Dockerfile.jvm");
        assertThat(Files.exists(ROOT.resolve(fly.path("build").path("dockerfile").asText()))).isTrue();
    }

    @Test
    void shouldServeTheGatewayOnItsPortWithConnectionLimitsAndTimeForLiveCalls() throws IOException {
        JsonNode fly = toml("fly-websocket.toml");
        JsonNode service = fly.path("http_service");
        assertThat(service.path("internal_port").asInt()).isEqualTo(8080);
        assertThat(fly.path("env").path("RETELL_WEBSOCKET_PORT").asText()).isEqualTo("8080");
        assertThat(paths(service.path("checks"))).containsExactly("/health");
        assertThat(service.path("concurrency").path("type").asText()).isEqualTo("connections");
        assertThat(service.path("auto_stop_machines").asText()).isEqualTo("off");
        assertThat(fly.path("kill_signal").asText()).isEqualTo("SIGINT");
        assertThat(seconds(fly.path("kill_timeout").asText())).as("kill_timeout lets calls finish").isGreaterThanOrEqualTo(60);
        assertThat(Files.exists(ROOT.resolve(fly.path("build").path("dockerfile").asText()))).isTrue();
    }

    @Test
    void shouldRunTheGatewayOnDedicatedCoresAndEveryServiceOnTheCollectorItWasMeasuredWith() throws IOException {
        JsonNode vm = toml("fly-websocket.toml").path("vm").path(0);
        assertThat(vm.path("size").asText()).as("a shared Fly vCPU out of burst balance runs 5 ms in every 80 ms")
                .startsWith("performance-");
        for (String dockerfile : List.of("voice-gateway/src/main/docker/Dockerfile.jvm",
                "booking-api/src/main/docker/Dockerfile.jvm")) {
            assertThat(Files.readString(ROOT.resolve(dockerfile)))
                    .as("%s names its collector: under 1,792 MB of memory the JVM picks Serial by itself", dockerfile)
                    .containsPattern("ENV JAVA_OPTS=\"[^\"]*-XX:\\+UseG1GC");
        }
    }

    @Test
    void shouldComposeDatabaseBookingApiAndGateway() throws IOException {
        JsonNode services = new YAMLMapper().readTree(ROOT.resolve("docker-compose.yml").toFile()).path("services");
        assertThat(fieldNames(services)).containsExactlyInAnyOrder("postgres", "booking-api", "voice-gateway");

        JsonNode booking = services.path("booking-api");
        assertThat(texts(booking.path("ports"))).containsExactly("8081:8081");
        assertThat(booking.path("environment").path("DATABASE_URL").asText()).startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(fieldNames(booking.path("environment"))).contains("DATABASE_USERNAME", "DATABASE_PASSWORD",
                "BOOKING_API_SERVICE_TOKEN");
        assertThat(booking.path("depends_on").path("postgres").path("condition").asText()).isEqualTo("service_healthy");
        assertThat(Files.exists(ROOT.resolve(booking.path("build").path("dockerfile").asText()))).isTrue();

        JsonNode gateway = services.path("voice-gateway");
        assertThat(texts(gateway.path("ports"))).containsExactly("8080:8080");
        assertThat(gateway.path("environment").path("BOOKING_API_URL").asText()).isEqualTo("http://booking-api:8081");
        assertThat(fieldNames(gateway.path("environment"))).contains("OPENAI_API_KEY", "BOOKING_API_SERVICE_TOKEN",
                "RETELL_WEBSOCKET_SECRET");
        assertThat(Files.exists(ROOT.resolve(gateway.path("build").path("dockerfile").asText()))).isTrue();
        // Both services must present the same service token: the same variable, the same default.
        assertThat(gateway.path("environment").path("BOOKING_API_SERVICE_TOKEN").asText())
                .isEqualTo(booking.path("environment").path("BOOKING_API_SERVICE_TOKEN").asText());
    }

    @Test
    void shouldPassDockerComposeConfigWhereComposeExists() throws Exception {
        List<String> command = composeCommand();
        if (command == null) {
            System.out.println("DeploymentFilesTest: `docker compose config -q` skipped: no docker compose binary"
                    + " on this machine (the Compose file was parsed and checked above instead)");
            return;
        }
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("-f", ROOT.resolve("docker-compose.yml").toString(), "config", "-q"));
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().put("OPENAI_API_KEY", "");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    /** {@code docker compose} (plugin) or {@code docker-compose}, if one answers {@code version}; else null. */
    private static List<String> composeCommand() {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            try {
                List<String> version = new ArrayList<>(candidate);
                version.add("version");
                Process process = new ProcessBuilder(version).redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                if (process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException | InterruptedException e) {
                // Not installed: try the next form.
            }
        }
        return null;
    }

    private static JsonNode toml(String file) throws IOException {
        return new TomlMapper().readTree(ROOT.resolve(file).toFile());
    }

    private static List<String> paths(JsonNode checks) {
        List<String> paths = new ArrayList<>();
        checks.forEach(check -> paths.add(check.path("path").asText()));
        return paths;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static long seconds(String duration) {
        assertThat(duration).matches("\\d+s");
        return Long.parseLong(duration.substring(0, duration.length() - 1));
    }
}
