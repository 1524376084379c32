package com.dentaldesk.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A clean stop of the gateway under load, as a deploy does it (issue 13: nothing is lost on SIGTERM): the whole
 * stack on 127.0.0.1, {@code calls} live calls of the mixed profile, then SIGTERM to the gateway {@code seconds}
 * after the ramp. The gateway refuses new sockets, waits {@code GATEWAY_SOCKET_STOP_WAIT} (5 s here, 4 min by
 * default) for calls to end, hands the rest back to Retell (1001) and drains their records to booking-api. Reports
 * how long that took, how many calls booking-api has a record of, how many of the callers' words reached them, and
 * what was left in the outbox (delivered on the next start). Stops by itself (about two minutes).
 *
 * <pre>java -Ddentaldesk.root=. -cp local-stack/target/local-stack.jar com.dentaldesk.localstack.StopUnderLoad 1000 20</pre>
 */
public final class StopUnderLoad {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StopUnderLoad() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        if (calls < 1 || calls > 2000 || seconds < 1 || seconds > 300) {
            throw new IllegalArgumentException("usage: StopUnderLoad <calls 1..2000> <seconds after the ramp 1..300>");
        }
        Path root = Path.of(System.getProperty("dentaldesk.root", ".")).toAbsolutePath().normalize();
        Path logs = Files.createDirectories(root.resolve("local-stack/target/stop-under-load"));
        Path outbox = Files.createTempDirectory("dentaldesk-outbox");
        Path simulator = root.resolve("call-simulator/target/call-simulator.jar");
        Path loadJson = logs.resolve("load.json");
        Files.deleteIfExists(loadJson);

        try (LocalPostgres postgres = LocalPostgres.start();
             Benchmarks.Log bookingLog = new Benchmarks.Log(logs.resolve("booking-api.log"));
             Benchmarks.Log stubLog = new Benchmarks.Log(logs.resolve("stub-llm.log"));
             Benchmarks.Log gatewayLog = new Benchmarks.Log(logs.resolve("voice-gateway.log"))) {
            postgres.createDatabase("booking");
            int bookingPort = ServiceProcess.freePort();
            try (ServiceProcess booking = ServiceProcess.start("booking-api", List.of(),
                    root.resolve("booking-api/target/quarkus-app/quarkus-run.jar"), List.of(), bookingPort,
                    Benchmarks.bookingEnvironment(postgres, bookingPort), "/q/health/ready", bookingLog)) {
                int stubPort = ServiceProcess.freePort();
                try (ServiceProcess stub = ServiceProcess.start("stub-llm", List.of("-Xmx256m"), simulator,
                        List.of("stub-llm", "--port", String.valueOf(stubPort), "--ttft-ms", "300",
                                "--tokens-per-second", "40", "--tool-call", "auto", "--answer-shape", "sentence",
                                "--max-seconds", "900"),
                        stubPort, Map.of(), "/health", stubLog)) {
                    int gatewayPort = ServiceProcess.freePort();
                    Map<String, String> env = Benchmarks.gatewayEnvironment(stubPort, booking.baseUrl(), gatewayPort);
                    env.put("GATEWAY_OUTBOX_DIR", outbox.toString());
                    env.put("GATEWAY_SOCKET_STOP_WAIT", "PT5S");
                    try (ServiceProcess gateway = ServiceProcess.start("voice-gateway", Benchmarks.gatewayJvm(),
                            root.resolve("voice-gateway/target/quarkus-app/quarkus-run.jar"), List.of(), gatewayPort,
                            env, "/health/ready", gatewayLog)) {
                        String url = "ws://127.0.0.1:" + gatewayPort + "/llm-websocket/" + Benchmarks.SOCKET_SECRET;
                        // As in the benchmarks: a running server is warm, and a cold one under 1,000 new calls
                        // measures the JIT, not the stop.
                        System.out.println("warm-up: 300 calls, 30 s (not reported)");
                        load(simulator, url, 300, 30, logs.resolve("warmup.json")).waitFor(120, TimeUnit.SECONDS);
                        int hold = seconds + 60;
                        Process load = load(simulator, url, calls, hold, loadJson);
                        long rampMillis = (long) (calls / Benchmarks.rampPerSecond(calls) * 1000);
                        Thread.sleep(rampMillis + TimeUnit.SECONDS.toMillis(seconds));

                        ProcessHandle process = ProcessHandle.of(gateway.pid()).orElseThrow();
                        long stopAt = System.nanoTime();
                        System.out.printf("%nSIGTERM to the gateway, %d s after the ramp%n", seconds);
                        process.destroy();
                        process.onExit().get(120, TimeUnit.SECONDS);
                        double stopSeconds = (System.nanoTime() - stopAt) / 1e9;
                        if (!load.waitFor(hold + 60L, TimeUnit.SECONDS)) {
                            load.destroyForcibly();
                        }
                        report(postgres, loadJson, outbox, calls, stopSeconds);
                    }
                }
            }
        }
    }

    private static Process load(Path simulator, String url, int calls, int holdSeconds, Path json) throws Exception {
        return new ProcessBuilder(Benchmarks.loadCommand(simulator, url, calls, holdSeconds, json)).inheritIO().start();
    }

    private static void report(LocalPostgres postgres, Path loadJson, Path outbox, int calls, double stopSeconds)
            throws Exception {
        JsonNode load = JSON.readTree(loadJson.toFile());
        long opened = load.path("callsOpened").asLong();
        long turns = load.path("turnsCompleted").asLong();
        long left;
        try (Stream<Path> files = Files.walk(outbox)) {
            left = files.filter(Files::isRegularFile).count();
        }
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("booking"), postgres.username(), "");
             Statement statement = connection.createStatement();
             // The calls live at the stop are the ones not ended (handed back); the warm-up's calls ended.
             ResultSet row = statement.executeQuery("select count(*),"
                     + " coalesce(sum((select count(*) from jsonb_array_elements(transcript) line"
                     + " where line->>'role' = 'user')), 0)"
                     + " from conversations where call_id like 'load-%' and ended_at is null")) {
            row.next();
            System.out.println();
            System.out.printf("calls opened by the load client     %d of %d%n", opened, calls);
            System.out.printf("turns the load client had answered  %d%n", turns);
            System.out.printf("SIGTERM to the gateway's exit       %.1f s (stop wait 5 s, then hand-back and drain)%n",
                    stopSeconds);
            System.out.printf("records of calls handed back        %d (live at the stop; Retell reconnects them)%n",
                    row.getLong(1));
            System.out.printf("caller lines in those records       %d%n", row.getLong(2));
            System.out.printf("files left in the outbox           %d%n", left);
        }
    }
}
