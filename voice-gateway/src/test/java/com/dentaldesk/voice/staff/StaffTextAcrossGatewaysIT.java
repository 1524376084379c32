package com.dentaldesk.voice.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dentaldesk.localstack.LocalPostgres;
import com.dentaldesk.localstack.ServiceProcess;

/**
 * Staff text reaches a live call wherever it runs: booking-api and two packaged gateway instances, a call held by the
 * second one, and text sent through booking-api's API is spoken in that call (an agent_interrupt on its socket).
 * Another clinic's key cannot reach the call.
 */
class StaffTextAcrossGatewaysIT {

    private static final Path GATEWAY_JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Path BOOKING_JAR = Path.of("../booking-api/target/quarkus-app/quarkus-run.jar");
    private static final String SERVICE_TOKEN = "it-service-token-0123456789abcdef";
    private static final String SOCKET_SECRET = "it-socket-secret-0123456789";
    private static final String DENTAL_KEY = "it-demo-dental-key-0123456789";
    private static final String ORTHO_KEY = "it-demo-ortho-key-0123456789";

    @TempDir
    Path work;

    @Test
    void shouldSpeakStaffTextInACallHeldByTheSecondGatewayAndRefuseAnotherClinic() throws Exception {
        assertTrue(Files.isRegularFile(GATEWAY_JAR) && Files.isRegularFile(BOOKING_JAR), "both services packaged");
        int gatewayA = ServiceProcess.freePort();
        int gatewayB = ServiceProcess.freePort();
        int bookingPort = ServiceProcess.freePort();
        try (LocalPostgres postgres = LocalPostgres.start()) {
            postgres.createDatabase("booking");
            Map<String, String> booking = new HashMap<>();
            booking.put("QUARKUS_PROFILE", "local");
            booking.put("DATABASE_URL", postgres.jdbcUrl("booking"));
            booking.put("DATABASE_USERNAME", postgres.username());
            booking.put("BOOKING_API_PORT", String.valueOf(bookingPort));
            booking.put("BOOKING_API_SERVICE_TOKEN", SERVICE_TOKEN);
            booking.put("DEMO_DENTAL_API_KEY", DENTAL_KEY);
            booking.put("DEMO_ORTHO_API_KEY", ORTHO_KEY);
            booking.put("DEMO_OWNER_PASSWORD", "it-demo-owner-password");
            booking.put("RETELL_WEBHOOK_SECRET", "it-webhook-secret");
            booking.put("BOOKING_GATEWAY_URLS", "http://127.0.0.1:" + gatewayA + ",http://127.0.0.1:" + gatewayB);
            try (ServiceProcess bookingApi = ServiceProcess.start("booking-api", BOOKING_JAR, bookingPort, booking,
                    "/q/health/ready", line -> { });
                    ServiceProcess first = gateway("gateway-a", gatewayA, bookingApi.baseUrl());
                    ServiceProcess second = gateway("gateway-b", gatewayB, bookingApi.baseUrl())) {
                String callId = "it-" + UUID.randomUUID();
                BlockingQueue<String> frames = new LinkedBlockingQueue<>();
                WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                        .buildAsync(URI.create("ws://127.0.0.1:" + gatewayB + "/llm-websocket/" + SOCKET_SECRET + "/"
                                + callId + "?clinic=demo-dental"), new Collecting(frames))
                        .get(10, TimeUnit.SECONDS);
                assertTrue(await(frames, "\"response_id\":0", 10).contains("content"), "greeted by gateway B");

                assertEquals(404, say(bookingApi, ORTHO_KEY, callId, "Not your call", "speak"),
                        "another clinic's key");
                assertEquals(202, say(bookingApi, DENTAL_KEY, callId, "Your 3 pm is confirmed", "speak"));
                String interrupt = await(frames, "agent_interrupt", 10);
                assertTrue(interrupt.contains("Your 3 pm is confirmed"), interrupt);
                // "Transfer to me": said, then the call goes to the clinic's transfer number.
                assertEquals(202, say(bookingApi, DENTAL_KEY, callId, "Putting you through now", "transfer"));
                String transfer = await(frames, "transfer_number", 10);
                assertTrue(transfer.contains("Putting you through now"), transfer);
                assertTrue(first.isAlive() && second.isAlive());
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
            }
        }
    }

    private ServiceProcess gateway(String name, int port, String bookingUrl) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_PROFILE", "prod");
        env.put("LOG_JSON", "false");
        env.put("RETELL_WEBSOCKET_PORT", String.valueOf(port));
        env.put("RETELL_WEBSOCKET_SECRET", SOCKET_SECRET);
        env.put("BOOKING_API_SERVICE_TOKEN", SERVICE_TOKEN);
        env.put("BOOKING_API_URL", bookingUrl);
        env.put("OPENAI_API_KEY", "");
        env.put("GATEWAY_OUTBOX_DIR", Files.createDirectories(work.resolve(name)).toString());
        return ServiceProcess.start(name, GATEWAY_JAR, port, env, "/health/ready", line -> { });
    }

    private static int say(ServiceProcess bookingApi, String key, String callId, String text, String mode)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(bookingApi.baseUrl() + "/api/calls/" + callId + "/say"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\",\"mode\":\"" + mode + "\"}"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The first frame containing the marker, waiting up to the given seconds. */
    private static String await(BlockingQueue<String> frames, String marker, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String frame = frames.poll(200, TimeUnit.MILLISECONDS);
            if (frame != null && frame.contains(marker)) {
                return frame;
            }
        }
        throw new AssertionError("no frame with " + marker + " within " + seconds + " s");
    }

    /** Collects the socket's text frames (Retell's side answers nothing here but what the test sends). */
    private record Collecting(BlockingQueue<String> frames) implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            frames.add(data.toString());
            socket.request(1);
            return null;
        }
    }
}
