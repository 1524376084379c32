package com.dentaldesk.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local}: the whole stack on one machine with nothing installed but a JDK. Starts an embedded
 * PostgreSQL, booking-api with the demo clinics (profile {@code local}) and, when it has been built, the voice
 * gateway pointed at it. Ctrl-C stops everything.
 */
public final class LocalStack {

    private static final int BOOKING_PORT = 8081;
    private static final int GATEWAY_PORT = 8080;

    private LocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(System.getProperty("dentaldesk.root", ".")).toAbsolutePath().normalize();
        String serviceToken = env("BOOKING_API_SERVICE_TOKEN", randomHex(24));
        String socketSecret = env("RETELL_WEBSOCKET_SECRET", "local-dev-socket-secret");

        System.out.println("Starting embedded PostgreSQL...");
        LocalPostgres postgres = LocalPostgres.start();
        postgres.createDatabase("booking");

        Map<String, String> booking = new HashMap<>();
        booking.put("QUARKUS_PROFILE", "local");
        booking.put("DATABASE_URL", postgres.jdbcUrl("booking"));
        booking.put("DATABASE_USERNAME", postgres.username());
        booking.put("BOOKING_API_PORT", String.valueOf(BOOKING_PORT));
        booking.put("BOOKING_API_SERVICE_TOKEN", serviceToken);
        ServiceProcess bookingApi = ServiceProcess.start("booking-api",
                root.resolve("booking-api/target/quarkus-app/quarkus-run.jar"), BOOKING_PORT, booking,
                "/q/health/ready", System.out::println);

        Path gatewayJar = root.resolve("voice-gateway/target/quarkus-app/quarkus-run.jar");
        if (Files.isRegularFile(gatewayJar)) {
            Map<String, String> gateway = new HashMap<>();
            gateway.put("BOOKING_API_URL", bookingApi.baseUrl());
            gateway.put("BOOKING_API_SERVICE_TOKEN", serviceToken);
            gateway.put("RETELL_WEBSOCKET_PORT", String.valueOf(GATEWAY_PORT));
            gateway.put("RETELL_WEBSOCKET_SECRET", socketSecret);
            gateway.put("GATEWAY_OUTBOX_DIR", root.resolve("data/gateway-outbox").toString());
            ServiceProcess.start("voice-gateway", gatewayJar, GATEWAY_PORT, gateway, "/health", System.out::println);
        }

        System.out.printf("%nDentalDesk is running:%n"
                + "  booking-api   http://localhost:%d  (Swagger UI: http://localhost:%d/q/swagger-ui)%n"
                + "  voice-gateway ws://localhost:%d/llm-websocket/%s/{call_id}?clinic=demo-dental%n"
                + "Press Ctrl-C to stop.%n%n", BOOKING_PORT, BOOKING_PORT, GATEWAY_PORT, socketSecret);
        // Child processes and PostgreSQL are stopped by their shutdown hooks on Ctrl-C.
        new CountDownLatch(1).await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
