package com.dentaldesk.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Load on booking-api over real HTTP and a real PostgreSQL, all on 127.0.0.1: GetAvailableSlots over 14 days
 * for the demo clinic with 10 more providers (12 in all), then CreateAppointment from racing writers who aim at
 * the same slots. Prints throughput and p50/p95/p99 and checks the book for overlaps afterwards. Bounded by
 * request count. A plain Java client rather than JMH or wrk: the measure is end-to-end HTTP latency under
 * concurrency (not a micro-benchmark), it needs setup through the API (providers, schedules, patients) and a
 * SQL overlap check afterwards, and it runs anywhere a JDK does with the embedded PostgreSQL. Exit code 1 on
 * errors or overlaps.
 *
 * <p>Usage: {@code java -cp local-stack/target/local-stack.jar com.dentaldesk.localstack.BookingLoad
 * [slotRequests=400] [bookings=400] [concurrency=8]}
 */
public final class BookingLoad {

    private static final String SERVICE_TOKEN = "booking-load-service-token-0123456789";
    private static final String CLINIC = "demo-dental";
    private static final int PROVIDERS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;
    private int providers;

    private BookingLoad(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static void main(String[] args) throws Exception {
        int slotRequests = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int bookings = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Path root = Path.of(System.getProperty("dentaldesk.root", ".")).toAbsolutePath().normalize();
        Report report = run(root, slotRequests, bookings, concurrency);
        System.exit(report.errors() == 0 && report.overlaps() == 0 ? 0 : 1);
    }

    /** What a run measured; {@code overlaps} must be 0. */
    public record Report(int providers, int concurrency, Result slots, Result create, int booked, int taken,
            long overlaps) {
        public int errors() {
            return slots.errors() + create.errors();
        }
    }

    /** Starts a fresh PostgreSQL and booking-api (local profile), runs both phases, prints and returns the numbers. */
    public static Report run(Path root, int slotRequests, int bookings, int concurrency) throws Exception {
        if (slotRequests < 1 || bookings < 1 || concurrency < 1 || slotRequests > 100_000 || bookings > 100_000
                || concurrency > 256) {
            throw new IllegalArgumentException("requests 1..100000, concurrency 1..256");
        }
        try (LocalPostgres postgres = LocalPostgres.start()) {
            postgres.createDatabase("booking");
            int port = ServiceProcess.freePort();
            try (ServiceProcess api = ServiceProcess.start("booking-api", ServiceProcess.jvmOptions("bench.bookingJvm"),
                    root.resolve("booking-api/target/quarkus-app/quarkus-run.jar"), List.of(), port,
                    Map.of("QUARKUS_PROFILE", "local", "DATABASE_URL", postgres.jdbcUrl("booking"),
                            "BOOKING_API_PORT", String.valueOf(port), "BOOKING_API_SERVICE_TOKEN", SERVICE_TOKEN,
                            "QUARKUS_LOG_LEVEL", "WARN"),
                    "/q/health/ready", line -> { })) {
                BookingLoad load = new BookingLoad(api.baseUrl());
                LocalDate firstDay = load.prepareClinic();
                LocalDate lastDay = firstDay.plusDays(13);
                System.out.printf("booking-api load on 127.0.0.1, %d providers, %d concurrent clients%n",
                        load.providers, concurrency);

                String slotsBody = JSON.writeValueAsString(Map.of("functionName", "GetAvailableSlots", "parameters",
                        Map.of("dateStart", firstDay.toString(), "dateEnd", lastDay.toString())));
                load.run("warm-up", 50, concurrency, i -> load.post(slotsBody, null));
                Result slots = load.run("GetAvailableSlots (14 days)", slotRequests, concurrency,
                        i -> load.post(slotsBody, null));
                slots.print();

                List<JsonNode> targets = load.slotTargets(firstDay, lastDay);
                Random random = new Random(42);
                List<Long> patients = load.patients(concurrency * 4);
                AtomicInteger booked = new AtomicInteger();
                AtomicInteger taken = new AtomicInteger();
                Result create = load.run("CreateAppointment (racing)", bookings, concurrency, i -> {
                    // Writers aim at a small pool of slots, so many of them race for the same time.
                    JsonNode slot = targets.get(random.nextInt(Math.min(targets.size(), bookings / 2 + 1)));
                    String body = JSON.writeValueAsString(Map.of("functionName", "CreateAppointment", "parameters",
                            Map.of("PatNum", patients.get(i % patients.size()), "ProvNum", slot.get("ProvNum").asLong(),
                                    "AptDateTime", slot.get("DateTimeStart").asText(), "lengthMinutes", 30)));
                    int status = load.post(body, "load-" + i);
                    (status == 200 ? booked : taken).incrementAndGet();
                    return status;
                });
                create.print();
                long overlaps = overlaps(postgres);
                System.out.printf("  booked %d, refused as taken %d (409), overlapping pairs in the book: %d%n",
                        booked.get(), taken.get(), overlaps);
                return new Report(load.providers, concurrency, slots, create, booked.get(), taken.get(), overlaps);
            }
        }
    }

    private LocalDate prepareClinic() throws Exception {
        for (int i = 0; i < PROVIDERS; i++) {
            post(JSON.writeValueAsString(Map.of("functionName", "CreateProvider", "parameters",
                    Map.of("FName", "Load", "LName", "Provider" + i))), null);
            post(JSON.writeValueAsString(Map.of("functionName", "CreateOperatory", "parameters",
                    Map.of("OpName", "Load room " + i))), null);
        }
        JsonNode all = JSON.readTree(send(JSON.writeValueAsString(Map.of("functionName", "GetProviders",
                "parameters", Map.of()))).body()).get("data");
        providers = all == null ? PROVIDERS : all.size();
        LocalDate monday = LocalDate.now(ZoneId.of("America/New_York")).plusWeeks(1).with(DayOfWeek.MONDAY);
        post(JSON.writeValueAsString(Map.of("functionName", "CreateDefaultSchedules", "parameters",
                Map.of("DateStart", monday.toString(), "DateEnd", monday.plusDays(13).toString()))), null);
        return monday;
    }

    private List<JsonNode> slotTargets(LocalDate from, LocalDate to) throws Exception {
        JsonNode slots = JSON.readTree(send(JSON.writeValueAsString(Map.of("functionName", "GetAvailableSlots",
                "parameters", Map.of("dateStart", from.toString(), "dateEnd", to.toString())))).body()).get("data");
        List<JsonNode> list = new ArrayList<>();
        slots.forEach(list::add);
        Collections.shuffle(list, new Random(7));
        return list;
    }

    private List<Long> patients(int count) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = JSON.writeValueAsString(Map.of("functionName", "CreatePatient", "parameters",
                    Map.of("FName", "Load", "LName", "Patient" + i, "Birthdate", "1990-01-01",
                            "WirelessPhone", String.format("+1202555%04d", i))));
            ids.add(JSON.readTree(send(body).body()).at("/data/PatNum").asLong());
        }
        return ids;
    }

    private int post(String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = request(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<String> send(String body) throws Exception {
        return http.send(request(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String body) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api/booking"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + SERVICE_TOKEN)
                .header("X-Clinic-Slug", CLINIC)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    interface Call {
        int run(int index) throws Exception;
    }

    /** One phase: latencies of every request, throughput, and requests that were neither 200 nor 409. */
    public record Result(String name, int requests, long wallNanos, List<Long> latenciesNanos, int errors) {

        void print() {
            System.out.printf("%-30s %5d requests  %7.1f req/s  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  errors %d%n",
                    name, requests, throughput(), percentile(50), percentile(95), percentile(99), errors);
        }

        public double throughput() {
            return requests / (wallNanos / 1e9);
        }

        /** Milliseconds. */
        public double percentile(int p) {
            List<Long> sorted = new ArrayList<>(latenciesNanos);
            Collections.sort(sorted);
            return pct(sorted, p);
        }

        private static double pct(List<Long> sorted, int percentile) {
            int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, index)) / 1e6;
        }
    }

    private Result run(String name, int requests, int concurrency, Call call) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int worker = 0; worker < concurrency; worker++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    long t0 = System.nanoTime();
                    try {
                        int status = call.run(i);
                        if (status != 200 && status != 409) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - t0);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            pool.shutdownNow();
        }
        return new Result(name, requests, System.nanoTime() - start, new ArrayList<>(latencies), errors.get());
    }

    private static long overlaps(LocalPostgres postgres) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("booking"), postgres.username(), "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from appointments a join appointments b"
                     + " on a.id < b.id and (a.provider_id = b.provider_id or a.operatory_id = b.operatory_id"
                     + " or a.patient_id = b.patient_id)"
                     + " and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)"
                     + " where a.status in ('Scheduled', 'Complete') and b.status in ('Scheduled', 'Complete')")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
