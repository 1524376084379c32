package com.dentaldesk.localstack;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code benchmarks/run.sh}: the whole benchmark on this machine, everything on 127.0.0.1, stopping by itself.
 * Starts an embedded PostgreSQL, booking-api (demo clinics), the call-simulator's {@code stub-llm} and the voice
 * gateway pointed at both; warms up; runs {@code call-simulator load} at each concurrency level in its own JVM while
 * sampling the gateway's RSS and heap; stops the stack; runs {@link BookingLoad}; writes
 * {@code benchmarks/results.md} and {@code benchmarks/latency.svg}.
 *
 * <p>Options (system properties): {@code bench.levels} (default {@code 50,200,1000}), {@code bench.hold} (seconds
 * per level, default {@code 30,40,60}), {@code bench.ttft} (stub time to first token, default 300 ms),
 * {@code bench.tps} (stub tokens per second, default 40), {@code bench.bookingLoad} ({@code true}), {@code
 * bench.gatewayJvm} / {@code bench.bookingJvm} (extra JVM options, space separated, e.g. a JFR recording),
 * {@code bench.out} (default {@code benchmarks}), {@code bench.warmup} (calls,seconds; default {@code 50,15}); the
 * real-time profile's options are in {@link LoadShape} and {@code benchmarks/realtime.sh}. The gateway inherits the environment, so
 * {@code GATEWAY_AGENT_WORKER_THREADS} etc. can be set for an experiment.
 */
public final class Benchmarks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE_TOKEN = "benchmark-service-token-0123456789";
    static final String SOCKET_SECRET = "benchmark-socket-secret-0123456789";

    private Benchmarks() {
    }

    /** One level's numbers: the load report (JSON from {@code call-simulator load}) and the gateway's memory. */
    record Level(int calls, int holdSeconds, JsonNode report, long peakRssKb, long peakThreads, String heapAtPeak,
            int exitCode,
            Map<String, Double> coresUsed, HistogramScrape beforeModel, HistogramScrape gatewayGreeting) {
    }

    /** The gateway's own time per turn (caller's words in to model request out), recorded by the gateway itself. */
    static final String BEFORE_MODEL = "voice_turn_before_model_seconds";

    /** The gateway's own greeting time (call known to greeting sent), recorded by the gateway itself. */
    static final String GREETING = "voice_greeting_seconds";

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("dentaldesk.root", ".")).toAbsolutePath().normalize();
        Path out = root.resolve(System.getProperty("bench.out", "benchmarks"));
        Path logs = root.resolve("local-stack/target/benchmark-logs");
        Files.createDirectories(out);
        Files.createDirectories(logs);
        int[] levels = ints(System.getProperty("bench.levels", "50,200,1000"));
        int[] holds = ints(System.getProperty("bench.hold", "30,40,60"));
        long ttft = Long.parseLong(System.getProperty("bench.ttft", "300"));
        int tps = Integer.parseInt(System.getProperty("bench.tps", "40"));
        LoadShape shape = LoadShape.fromSystemProperties();
        Path simulator = root.resolve("call-simulator/target/call-simulator.jar");
        String startedAt = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String loadBefore = loadAverage();
        List<Level> results = new ArrayList<>();
        long started = System.nanoTime();

        try (LocalPostgres postgres = LocalPostgres.start();
             Log bookingLog = new Log(logs.resolve("booking-api.log"));
             Log stubLog = new Log(logs.resolve("stub-llm.log"));
             Log gatewayLog = new Log(logs.resolve("voice-gateway.log"))) {
            postgres.createDatabase("booking");
            int bookingPort = ServiceProcess.freePort();
            System.out.println("starting booking-api (local profile, demo clinics)...");
            try (ServiceProcess booking = ServiceProcess.start("booking-api",
                    ServiceProcess.jvmOptions("bench.bookingJvm"),
                    root.resolve("booking-api/target/quarkus-app/quarkus-run.jar"), List.of(), bookingPort,
                    bookingEnvironment(postgres, bookingPort), "/q/health/ready", bookingLog)) {
                int stubPort = shape.stubPort() > 0 ? shape.stubPort() : ServiceProcess.freePort();
                System.out.printf("starting stub-llm (ttft %d ms, %d tokens/s)...%n", ttft, tps);
                try (ServiceProcess stub = ServiceProcess.start("stub-llm", List.of("-Xmx256m"), simulator,
                        List.of("stub-llm", "--port", String.valueOf(stubPort), "--ttft-ms", String.valueOf(ttft),
                                "--tokens-per-second", String.valueOf(tps), "--tool-call", "auto",
                                "--answer-shape", shape.answerShape(), "--max-seconds", "1800"),
                        stubPort, Map.of(), "/health", stubLog)) {
                    if (shape.peerUrl() != null) {
                        // A peer server (e.g. Retell's node demo, started by hand against this stub) takes the same load.
                        System.out.printf("peer at %s (pid %d), stub-llm at %s%n", shape.peerUrl(), shape.peerPid(),
                                stub.baseUrl());
                        Map<String, ServiceProcess> servers = new java.util.LinkedHashMap<>();
                        servers.put("stub-llm", stub);
                        runLevels(simulator, shape.peerUrl(), levels, holds, ttft, shape, logs, null, shape.peerPid(),
                                servers, results);
                    } else {
                        int gatewayPort = ServiceProcess.freePort();
                        System.out.println("starting voice-gateway...");
                        try (ServiceProcess gateway = ServiceProcess.start("voice-gateway",
                                gatewayJvm(), gatewayJar(root), List.of(), gatewayPort,
                                gatewayEnvironment(stubPort, booking.baseUrl(), gatewayPort), "/health/ready",
                                gatewayLog)) {
                            String url = "ws://127.0.0.1:" + gatewayPort + "/llm-websocket/" + SOCKET_SECRET;
                            Map<String, ServiceProcess> servers = new java.util.LinkedHashMap<>();
                            servers.put("gateway", gateway);
                            servers.put("booking-api", booking);
                            servers.put("stub-llm", stub);
                            runLevels(simulator, url, levels, holds, ttft, shape, logs, gateway.baseUrl(), gateway.pid(),
                                    servers, results);
                        }
                    }
                }
            }
        }
        String loadAfterGateway = loadAverage();

        BookingLoad.Report bookingBefore = null;
        BookingLoad.Report bookingReport = null;
        if (Boolean.parseBoolean(System.getProperty("bench.bookingLoad", "true"))) {
            String beforeJar = System.getProperty("bench.bookingBeforeJar");
            if (beforeJar != null) {
                System.out.println();
                System.out.println("booking-api before: " + beforeJar);
                bookingBefore = BookingLoad.run(Path.of(beforeJar), BOOKING_SEARCHES, BOOKING_WRITES);
            }
            System.out.println();
            bookingReport = BookingLoad.run(BookingLoad.thisBuild(root), BOOKING_SEARCHES, BOOKING_WRITES);
        }
        double minutes = (System.nanoTime() - started) / 60e9;
        writeMarkdown(out.resolve("results.md"), results, bookingBefore, bookingReport, ttft, tps, shape, startedAt, loadBefore,
                loadAfterGateway, loadAverage(), minutes);
        LatencyChart.write(out.resolve("latency.svg"), results, ttft);
        System.out.printf("%nwrote %s and %s (%.1f min)%n", root.relativize(out.resolve("results.md")),
                root.relativize(out.resolve("latency.svg")), minutes);
    }

    /** booking-api for a benchmark: the local profile (its demo clinics) on {@code postgres}, on 127.0.0.1. */
    static Map<String, String> bookingEnvironment(LocalPostgres postgres, int port) {
        return Map.of("QUARKUS_PROFILE", "local", "DATABASE_URL", postgres.jdbcUrl("booking"),
                "DATABASE_USERNAME", postgres.username(), "BOOKING_API_PORT", String.valueOf(port),
                "BOOKING_API_SERVICE_TOKEN", SERVICE_TOKEN, "QUARKUS_HTTP_HOST", "127.0.0.1");
    }

    /**
     * The gateway's JVM as its Dockerfile starts it (collector and heap), then {@code bench.gatewayJvm} (later options
     * win; one that names a collector replaces G1, since the JVM refuses two).
     */
    static List<String> gatewayJvm() {
        List<String> extra = ServiceProcess.jvmOptions("bench.gatewayJvm");
        List<String> options = new ArrayList<>();
        if (extra.stream().noneMatch(option -> option.matches("-XX:\\+Use\\w+GC"))) {
            options.add("-XX:+UseG1GC");
        }
        options.addAll(List.of("-Xmx768m", "-Xms192m", "-XX:-ClassUnloadingWithConcurrentMark"));
        options.addAll(extra);
        return options;
    }

    /** The gateway for a benchmark: the stub model, that booking-api, the benchmark's socket secret; modifiable. */
    static Map<String, String> gatewayEnvironment(int stubPort, String bookingUrl, int port) {
        Map<String, String> env = new HashMap<>();
        env.put("OPENAI_BASE_URL", "http://127.0.0.1:" + stubPort + "/v1");
        env.put("OPENAI_API_KEY", "benchmark-stub-key");
        env.put("BOOKING_API_URL", bookingUrl);
        env.put("BOOKING_API_SERVICE_TOKEN", SERVICE_TOKEN);
        env.put("RETELL_WEBSOCKET_SECRET", SOCKET_SECRET);
        env.put("RETELL_WEBSOCKET_PORT", String.valueOf(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        return env;
    }

    /** New calls per second for a level: a 20 s ramp, at least 25 calls a second. */
    static double rampPerSecond(int calls) {
        return Math.max(25, calls / 20.0);
    }

    /** The load client: {@code calls} calls held {@code holdSeconds} after the ramp; more options may be added. */
    static List<String> loadCommand(Path simulator, String url, int calls, int holdSeconds, Path json) {
        return new ArrayList<>(List.of(ServiceProcess.javaBinary(), "-Xmx1g", "-XX:+UseZGC", "-jar",
                simulator.toString(), "load", "--url", url, "--calls", String.valueOf(calls), "--duration-s",
                String.valueOf(holdSeconds), "--ramp-per-second", String.valueOf(rampPerSecond(calls)), "--json",
                json.toString()));
    }

    /** Warm-up, then each level; {@code metricsUrl} is null for a peer that has no gateway histograms. */
    private static void runLevels(Path simulator, String url, int[] levels, int[] holds, long ttft, LoadShape shape,
            Path logs, String metricsUrl, long serverPid, Map<String, ServiceProcess> servers, List<Level> results)
            throws Exception {
        // The JIT is still compiling after a short warm-up (C2 took a quarter of the gateway's CPU in the first
        // measured minute), so the real-time profile warms up longer: a server runs for days, not a minute.
        int[] warmup = ints(System.getProperty("bench.warmup", "50,15"));
        System.out.printf("warm-up: %d calls, %d s (not reported)%n", warmup[0], warmup[1]);
        runLoad(simulator, url, warmup[0], warmup[1], ttft, shape, logs.resolve("warmup.json"), metricsUrl, serverPid,
                servers);
        for (int i = 0; i < levels.length; i++) {
            int hold = holds[Math.min(i, holds.length - 1)];
            System.out.printf("%nlevel: %d concurrent calls, hold %d s%n", levels[i], hold);
            results.add(runLoad(simulator, url, levels[i], hold, ttft, shape,
                    logs.resolve("load-" + levels[i] + ".json"), metricsUrl, serverPid, servers));
        }
    }

    private static Level runLoad(Path simulator, String url, int calls, int holdSeconds, long ttft, LoadShape shape,
            Path json, String metricsUrl, long serverPid, Map<String, ServiceProcess> servers) throws Exception {
        Map<String, Long> cpuBefore = new java.util.LinkedHashMap<>();
        servers.forEach((name, server) -> cpuBefore.put(name, cpuTicks(server.pid())));
        long serverTicksBefore = cpuTicks(serverPid);
        long wallBefore = System.nanoTime();
        HistogramScrape beforeModelAtStart = HistogramScrape.of(metricsUrl, BEFORE_MODEL);
        HistogramScrape greetingAtStart = HistogramScrape.of(metricsUrl, GREETING);
        Files.deleteIfExists(json);
        double ramp = rampPerSecond(calls);
        List<String> command = loadCommand(simulator, url, calls, holdSeconds, json);
        command.addAll(List.of("--stub-ttft-ms", String.valueOf(ttft)));
        command.addAll(shape.loadArguments());
        Process load = new ProcessBuilder(command).inheritIO().start();
        // Sample the gateway's RSS every second; take one heap reading once every call is held.
        AtomicLong peakRss = new AtomicLong();
        AtomicLong peakThreads = new AtomicLong();
        String[] heap = {"n/a"};
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        long[] loadClientTicks = {0};
        sampler.scheduleAtFixedRate(() -> {
            peakRss.accumulateAndGet(rssKb(serverPid), Math::max);
            peakThreads.accumulateAndGet(threads(serverPid), Math::max);
            long ticks = cpuTicks(load.pid());
            if (ticks > 0) {
                loadClientTicks[0] = ticks;
            }
        }, 0, 1, TimeUnit.SECONDS);
        long heapAtMillis = (long) ((calls / ramp + holdSeconds * 0.7) * 1000);
        if (metricsUrl != null) {
            sampler.schedule(() -> heap[0] = heapUsed(serverPid), heapAtMillis, TimeUnit.MILLISECONDS);
        }
        boolean ended = load.waitFor(holdSeconds + calls / (long) ramp + 120, TimeUnit.SECONDS);
        if (!ended) {
            load.destroyForcibly();
        }
        sampler.shutdownNow();
        double wallSeconds = (System.nanoTime() - wallBefore) / 1e9;
        Map<String, Double> cores = new java.util.LinkedHashMap<>();
        servers.forEach((name, server) -> cores.put(name,
                (cpuTicks(server.pid()) - cpuBefore.get(name)) / 100.0 / wallSeconds));
        if (metricsUrl == null) {
            cores.put("peer", (cpuTicks(serverPid) - serverTicksBefore) / 100.0 / wallSeconds);
        }
        cores.put("load client", loadClientTicks[0] / 100.0 / wallSeconds);
        JsonNode report = Files.isRegularFile(json) ? JSON.readTree(json.toFile()) : JSON.createObjectNode();
        HistogramScrape beforeModel = HistogramScrape.of(metricsUrl, BEFORE_MODEL).since(beforeModelAtStart);
        HistogramScrape greeting = HistogramScrape.of(metricsUrl, GREETING).since(greetingAtStart);
        return new Level(calls, holdSeconds, report, peakRss.get(), peakThreads.get(), heap[0],
                ended ? load.exitValue() : -1, cores, beforeModel, greeting);
    }

    /** The gateway to measure: this tree's build, or another one's ({@code bench.gatewayJar}, e.g. the "before"). */
    private static Path gatewayJar(Path root) {
        String other = System.getProperty("bench.gatewayJar");
        return other != null ? Path.of(other) : root.resolve("voice-gateway/target/quarkus-app/quarkus-run.jar");
    }

    /** utime + stime of a process in clock ticks (100 per second on Linux), 0 when gone. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The process's thread count ({@code Threads:} in /proc), 0 when gone. */
    static long threads(long pid) {
        return statusField(pid, "Threads:");
    }

    static long rssKb(long pid) {
        return statusField(pid, "VmRSS:");
    }

    private static long statusField(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process is gone.
        }
        return 0;
    }

    /** Heap in use per {@code jcmd GC.heap_info} (first line with "used"), e.g. "total 262144K, used 91234K". */
    static String heapUsed(long pid) {
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.heap_info").redirectErrorStream(true)
                    .start();
            String text = new String(p.getInputStream().readAllBytes());
            p.waitFor(20, TimeUnit.SECONDS);
            for (String line : text.split("\n")) {
                if (line.contains("used") && line.contains("total")) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(line);
                    java.util.regex.Matcher t = java.util.regex.Pattern.compile("total (\\d+)K").matcher(line);
                    if (m.find() && t.find()) {
                        return String.format(Locale.ROOT, "%d MiB of %d MiB", Long.parseLong(m.group(1)) / 1024,
                                Long.parseLong(t.group(1)) / 1024);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return "n/a";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "n/a";
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static String machine() {
        long memKb = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException ignored) {
            // Not Linux: leave it out.
        }
        return String.format(Locale.ROOT, "%d CPUs, %.0f GiB RAM, %s %s, Java %s", Runtime.getRuntime().availableProcessors(),
                memKb / 1024.0 / 1024.0, System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"));
    }

    private static void writeMarkdown(Path file, List<Level> levels, BookingLoad.Report bookingBefore,
            BookingLoad.Report booking, long ttft, int tps,
            LoadShape shape, String startedAt, String loadBefore, String loadAfterGateway, String loadAfter, double minutes)
            throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("# Benchmark results");
            w.println();
            w.println("Written by `benchmarks/run.sh` (`com.dentaldesk.localstack.Benchmarks`); do not edit by hand.");
            w.println();
            w.printf("- run: %s, %.1f min; machine: %s; client and all servers on this machine, 127.0.0.1%n",
                    startedAt, minutes, machine());
            w.printf("- load average (1/5/15 min): %s before, %s after the gateway levels, %s at the end%n", loadBefore,
                    loadAfterGateway, loadAfter);
            w.printf(Locale.ROOT, "- stub model: first token after %d ms, %d tokens/s, answers shaped `%s`; a caller turn "
                    + "every 4-8 s per call%s; %.0f%% barge-ins; %.0f%% of turns ask for a day or the dentists (one "
                    + "booking-api tool call)%n", ttft, tps, shape.answerShape(),
                    shape.turns() == null ? "" : ", " + shape.turns() + " turns per call",
                    100 * (shape.bargeInRate() == null ? 0.1 : shape.bargeInRate()),
                    100 * (shape.toolTurnRate() == null ? 0.35 : shape.toolTurnRate()));
            w.println();
            w.println("## voice-gateway under concurrent calls");
            w.println();
            w.println("Milliseconds, p50 / p90 / p99 / max. Overhead = first response chunk minus the stub's time to "
                    + "first token (text turns). Full turn = request to `content_complete` for turns with one "
                    + "booking-api tool call (includes 2 x " + ttft + " ms of stub model time and ~"
                    + "the streaming of the answer). Gateway's own share = the gateway's histogram "
                    + "`" + BEFORE_MODEL + "` (caller's words in to model request out, every model turn), "
                    + "p50 / p99 as bucket bounds (\"at most\"): the client-side overhead also holds the stub's and "
                    + "the load client's scheduling delays on the same 2 cores. Gateway greeting = the gateway's "
                    + "histogram `" + GREETING + "` (call details in to greeting out: clinic lookup and reconnect "
                    + "check), same bucket bounds; the client-side greeting also holds the load client's own start "
                    + "(a fresh JVM per level) and its reply with call details.");
            w.println();
            w.println("| calls | held (peak) | turns | turns/s | errors | late pings | greeting | gateway greeting | "
                    + "overhead | gateway's own share | full turn with tool | ping echo | gateway RSS peak | "
                    + "gateway heap used | CPU cores used |");
            w.println("|---:|---:|---:|---:|---:|---:|---|---|---|---|---|---|---:|---|---|");
            for (Level level : levels) {
                JsonNode r = level.report();
                StringBuilder cores = new StringBuilder();
                level.coresUsed().forEach((name, used) -> cores.append(cores.length() == 0 ? "" : ", ")
                        .append(name).append(' ').append(String.format(Locale.ROOT, "%.2f", used)));
                w.printf(Locale.ROOT,
                        "| %d | %d | %d | %.1f | %d%s | %d | %s | %s | %s | %s | %s | %s | %d MiB | %s | %s |%n",
                        level.calls(), r.path("peakCallsHeld").asInt(), r.path("turnsCompleted").asLong(),
                        r.path("turnsPerSecond").asDouble(), r.path("errors").asLong(),
                        r.path("errorsByKind").isEmpty() ? "" : " " + r.path("errorsByKind").toString().replace("|", "/"),
                        r.path("latePings").asLong(), stats(r.path("greeting")), ownShare(level.gatewayGreeting()),
                        stats(r.path("overhead")), ownShare(level.beforeModel()), stats(r.path("toolTurn")),
                        stats(r.path("ping")), level.peakRssKb() / 1024, level.heapAtPeak(),
                        cores);
            }
            w.println();
            w.printf("### Real-time figures (%s)%n", System.getProperty("bench.label", "voice-gateway"));
            w.println();
            w.println("Added latency = first response chunk minus the stub's time to first token; lost pings = no echo "
                    + "within Retell's 5 s; message-taking turns = answers that are not the model's. RSS, threads and "
                    + "CPU are the server's (the gateway, or the peer).");
            w.println();
            w.println("| calls | turns | added latency p50 / p95 / p99 ms | ping echo p99 ms | lost pings | "
                    + "greeting p50 / p99 ms | message-taking turns | peak RSS | peak threads | server CPU cores |");
            w.println("|---:|---:|---|---:|---:|---|---:|---:|---:|---:|");
            for (Level level : levels) {
                JsonNode r = level.report();
                JsonNode overhead = r.path("overhead");
                JsonNode greeting = r.path("greeting");
                double serverCores = level.coresUsed().getOrDefault("gateway",
                        level.coresUsed().getOrDefault("peer", Double.NaN));
                w.printf(Locale.ROOT, "| %d | %d | %.1f / %.1f / %.1f | %.1f | %d | %.1f / %.1f | %d | %d MiB | %d | %.2f |%n",
                        level.calls(), r.path("turnsCompleted").asLong(), overhead.path("p50").asDouble(),
                        overhead.path("p95").asDouble(), overhead.path("p99").asDouble(),
                        r.path("ping").path("p99").asDouble(), r.path("lostPings").asLong(),
                        greeting.path("p50").asDouble(), greeting.path("p99").asDouble(),
                        r.path("errorsByKind").path("answer not from the model (degraded)").asLong(),
                        level.peakRssKb() / 1024, level.peakThreads(), serverCores);
            }
            w.println();
            w.println("![latency](latency.svg)");
            w.println();
            if (booking != null) {
                w.println("## booking-api");
                w.println();
                w.printf("`BookingLoad` on a fresh PostgreSQL and booking-api: %d providers, 14 days of schedules, "
                        + "%d appointments seeded (half the book); GetAvailableSlots over the 14 days as a client asks "
                        + "by default, and for every slot; then CreateAppointment from 8 racing writers.%n",
                        booking.providers(), booking.seeded());
                if (bookingBefore != null) {
                    bookingTable(w, "Before (" + System.getProperty("bench.bookingBeforeLabel", "another build") + ")",
                            bookingBefore);
                }
                bookingTable(w, bookingBefore != null ? "After (this build)" : "This build", booking);
            }
        }
    }

    private static void bookingTable(PrintWriter w, String title, BookingLoad.Report booking) {
        w.println();
        w.println("### " + title);
        w.println();
        w.println("| phase | requests | req/s | p50 ms | p95 ms | p99 ms | errors |");
        w.println("|---|---:|---:|---:|---:|---:|---:|");
        List<BookingLoad.Result> phases = new ArrayList<>(booking.searches());
        phases.add(booking.create());
        for (BookingLoad.Result result : phases) {
            w.printf(Locale.ROOT, "| %s | %d | %.1f | %.2f | %.2f | %.2f | %d |%n", result.name(), result.requests(),
                    result.throughput(), result.percentile(50), result.percentile(95), result.percentile(99),
                    result.errors());
        }
        w.println();
        w.printf("Booked %d, refused as taken (409) %d, overlapping appointments in the book afterwards: %d.%n",
                booking.booked(), booking.taken(), booking.overlaps());
    }

    private static final int BOOKING_SEARCHES = 3000;
    private static final int BOOKING_WRITES = 400;

    private static String ownShare(HistogramScrape h) {
        if (h.count() == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "≤ %s / ≤ %s (n=%d)", millis(h.atMostMillis(50)), millis(h.atMostMillis(99)),
                h.count());
    }

    private static String millis(double ms) {
        return Double.isInfinite(ms) ? "> 1000" : ms < 1 ? String.format(Locale.ROOT, "%.2f", ms)
                : String.format(Locale.ROOT, "%.1f", ms);
    }

    private static String stats(JsonNode s) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f", s.path("p50").asDouble(), s.path("p90").asDouble(),
                s.path("p99").asDouble(), s.path("max").asDouble());
    }

    private static int[] ints(String csv) {
        String[] parts = csv.split(",");
        int[] values = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Integer.parseInt(parts[i].trim());
        }
        return values;
    }

    /** A child's output, to a log file (the gateway logs every call; the console shows only the load). */
    static final class Log implements java.util.function.Consumer<String>, AutoCloseable {
        private final BufferedWriter writer;
        private boolean closed;

        Log(Path file) throws IOException {
            this.writer = Files.newBufferedWriter(file);
        }

        @Override
        public synchronized void accept(String line) {
            if (closed) {
                return;
            }
            try {
                writer.write(line);
                writer.newLine();
            } catch (IOException e) {
                closed = true;
            }
        }

        @Override
        public synchronized void close() throws IOException {
            closed = true;
            writer.close();
        }
    }
}
