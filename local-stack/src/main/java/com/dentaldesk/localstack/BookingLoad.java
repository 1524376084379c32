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
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
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
 * Load on booking-api over real HTTP and a real PostgreSQL, all on 127.0.0.1 (issue 15's profile): one clinic with
 * 12 providers, 14 days of schedules and a half-full book (every provider booked for the first 30 minutes of every
 * hour), then GetAvailableSlots over the 14 days at 1, 8 and 32 concurrent clients, then CreateAppointment from 8
 * racing writers who aim at the same free half hours. Prints throughput and p50/p95/p99 and checks the book for
 * overlaps afterwards. Bounded by request count. A plain Java client rather than JMH or wrk: the measure is
 * end-to-end HTTP latency under concurrency, it needs setup through the API and a SQL overlap check afterwards, and
 * it runs anywhere a JDK does with the embedded PostgreSQL. Exit code 1 on errors or overlaps.
 *
 * <p>The search asks what any client asks by default ({@code dateStart}, {@code dateEnd}), and once more for every
 * slot ({@code limit} 10,000) to compare like for like with a build that has no pages; the same requests and setup
 * run against another build with {@code -Dbench.bookingJar=...} (the "before"). {@code -Dbench.explain=true} prints
 * EXPLAIN (ANALYZE, BUFFERS) of the hot queries on the book afterwards.
 *
 * <p>Usage: {@code java -cp local-stack/target/local-stack.jar com.dentaldesk.localstack.BookingLoad
 * [slotRequests=3000] [bookings=400]}
 */
public final class BookingLoad {

    static final int WARM_UP_SEARCHES = 15_000;
    private static final int WARM_UP_BOOKINGS = 3_000;

    private static final String SERVICE_TOKEN = "booking-load-service-token-0123456789";
    private static final String CLINIC = "demo-dental";
    private static final int PROVIDERS = 12;
    private static final int DAYS = 14;
    private static final List<Integer> SEARCH_CLIENTS = List.of(1, 8, 32);
    private static final int WRITERS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    // HTTP/1.1 with keep-alive, as the gateway's REST client speaks to booking-api (the JDK's default would
    // upgrade to HTTP/2 over cleartext, which no production client of booking-api does).
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;
    private int providers;

    private BookingLoad(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static void main(String[] args) throws Exception {
        int slotRequests = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int bookings = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        Path root = Path.of(System.getProperty("dentaldesk.root", ".")).toAbsolutePath().normalize();
        String otherJar = System.getProperty("bench.bookingJar");
        Report report = run(otherJar != null ? Path.of(otherJar) : thisBuild(root), slotRequests, bookings);
        System.exit(report.errors() == 0 && report.overlaps() == 0 ? 0 : 1);
    }

    /** What a run measured: one search result per client count; {@code overlaps} must be 0. */
    public record Report(int providers, int seeded, List<Result> searches, Result create, int booked, int taken,
            long overlaps) {
        public int errors() {
            return searches.stream().mapToInt(Result::errors).sum() + create.errors();
        }
    }

    /** This tree's booking-api build. */
    public static Path thisBuild(Path root) {
        return root.resolve("booking-api/target/quarkus-app/quarkus-run.jar");
    }

    /**
     * Starts a fresh PostgreSQL and the given booking-api build (local profile), runs every phase, prints and
     * returns the numbers.
     */
    public static Report run(Path jar, int slotRequests, int bookings) throws Exception {
        if (slotRequests < 1 || bookings < 1 || slotRequests > 100_000 || bookings > 100_000) {
            throw new IllegalArgumentException("requests 1..100000");
        }
        try (LocalPostgres postgres = LocalPostgres.start()) {
            postgres.createDatabase("booking");
            int port = ServiceProcess.freePort();
            try (ServiceProcess api = ServiceProcess.start("booking-api", ServiceProcess.jvmOptions("bench.bookingJvm"),
                    jar, List.of(), port,
                    Map.of("QUARKUS_PROFILE", "local", "DATABASE_URL", postgres.jdbcUrl("booking"),
                            "BOOKING_API_PORT", String.valueOf(port), "BOOKING_API_SERVICE_TOKEN", SERVICE_TOKEN,
                            "QUARKUS_LOG_LEVEL", "WARN"),
                    "/q/health/ready", line -> { })) {
                BookingLoad load = new BookingLoad(api.baseUrl());
                LocalDate firstDay = load.prepareClinic();
                LocalDate lastDay = firstDay.plusDays(DAYS - 1);
                List<Hour> hours = load.scheduledHours(firstDay, lastDay);
                int seeded = load.halfFill(hours);
                System.out.printf("booking-api load on 127.0.0.1: %d providers, %d days, %d appointments seeded%n",
                        load.providers, DAYS, seeded);

                String slotsBody = JSON.writeValueAsString(Map.of("functionName", "GetAvailableSlots", "parameters",
                        Map.of("dateStart", firstDay.toString(), "dateEnd", lastDay.toString())));
                // Long enough for the JIT to settle, as on a server that has run for a while: after 300 searches C2
                // was still compiling (1 min of compile time in JFR); after 3,000 a 1-client search took p50 2.6 ms,
                // after 20,000 more 1.2 ms.
                load.run("warm-up", WARM_UP_SEARCHES, 8, i -> load.post(slotsBody, null));
                List<Result> searches = new ArrayList<>();
                for (int clients : SEARCH_CLIENTS) {
                    Result result = load.run("GetAvailableSlots (14 days), " + clients + " client"
                            + (clients == 1 ? "" : "s"), slotRequests, clients, i -> load.post(slotsBody, null));
                    result.print();
                    searches.add(result);
                }
                // Like for like with a build that answers every slot (no page): the engine and the bigger answer.
                String everySlotBody = JSON.writeValueAsString(Map.of("functionName", "GetAvailableSlots",
                        "parameters", Map.of("dateStart", firstDay.toString(), "dateEnd", lastDay.toString(),
                                "limit", 10_000)));
                Result everySlot = load.run("GetAvailableSlots (14 days, every slot), 8 clients", slotRequests / 3,
                        8, i -> load.post(everySlotBody, null));
                everySlot.print();
                searches.add(everySlot);

                // Writers aim at a small pool of free half hours, so many of them race for the same time.
                List<Hour> targets = new ArrayList<>(hours);
                Collections.shuffle(targets, new Random(7));
                targets = targets.subList(0, Math.min(targets.size(), bookings / 2 + 1));
                Random random = new Random(42);
                List<Long> patients = load.patients("Racer", WRITERS * 4, 0);
                AtomicInteger booked = new AtomicInteger();
                AtomicInteger taken = new AtomicInteger();
                List<Hour> pool = targets;
                load.warmUpRace(pool, patients, bookings);
                vacuum(postgres);
                boolean statements = Boolean.getBoolean("bench.statements");
                if (statements) {
                    sql(postgres, "create extension if not exists pg_stat_statements;"
                            + " select pg_stat_statements_reset()");
                }
                Result create = load.run("CreateAppointment (8 racing writers)", bookings, WRITERS, i -> {
                    int status = load.post(load.racingBooking(pool, patients, random, i), "load-" + i);
                    (status == 200 ? booked : taken).incrementAndGet();
                    return status;
                });
                create.print();
                create.printByStatus();
                long overlaps = overlaps(postgres);
                System.out.printf("  booked %d, refused as taken %d (409), overlapping pairs in the book: %d%n",
                        booked.get(), taken.get(), overlaps);
                if (statements) {
                    printStatements(postgres);
                }
                if (Boolean.getBoolean("bench.explain")) {
                    explainHotQueries(postgres, firstDay, lastDay);
                }
                return new Report(load.providers, seeded, searches, create, booked.get(), taken.get(), overlaps);
            }
        }
    }

    /** The demo clinic's providers and rooms plus enough more for 12 of each, and 14 days of default schedules. */
    private LocalDate prepareClinic() throws Exception {
        int existing = JSON.readTree(send(JSON.writeValueAsString(Map.of("functionName", "GetProviders",
                "parameters", Map.of()))).body()).get("data").size();
        for (int i = existing; i < PROVIDERS; i++) {
            post(JSON.writeValueAsString(Map.of("functionName", "CreateProvider", "parameters",
                    Map.of("FName", "Load", "LName", "Provider" + i))), null);
            post(JSON.writeValueAsString(Map.of("functionName", "CreateOperatory", "parameters",
                    Map.of("OpName", "Load room " + i))), null);
        }
        providers = JSON.readTree(send(JSON.writeValueAsString(Map.of("functionName", "GetProviders",
                "parameters", Map.of()))).body()).get("data").size();
        LocalDate monday = LocalDate.now(ZoneId.of("America/New_York")).plusWeeks(1).with(DayOfWeek.MONDAY);
        post(JSON.writeValueAsString(Map.of("functionName", "CreateDefaultSchedules", "parameters",
                Map.of("DateStart", monday.toString(), "DateEnd", monday.plusDays(DAYS - 1).toString()))), null);
        return monday;
    }

    /** A provider's scheduled hour: the unit of the half-full book. */
    private record Hour(long providerId, LocalDateTime start) {
    }

    private List<Hour> scheduledHours(LocalDate from, LocalDate to) throws Exception {
        JsonNode schedules = JSON.readTree(send(JSON.writeValueAsString(Map.of("functionName", "GetSchedules",
                "parameters", Map.of("DateStart", from.toString(), "DateEnd", to.toString())))).body()).get("data");
        List<Hour> hours = new ArrayList<>();
        for (JsonNode schedule : schedules) {
            LocalDate date = LocalDate.parse(schedule.get("SchedDate").asText());
            LocalTime stop = LocalTime.parse(schedule.get("StopTime").asText());
            for (LocalTime t = LocalTime.parse(schedule.get("StartTime").asText()); !t.plusHours(1).isAfter(stop);
                    t = t.plusHours(1)) {
                hours.add(new Hour(schedule.get("ProvNum").asLong(), date.atTime(t)));
            }
        }
        return hours;
    }

    /**
     * The same race once before it is measured, as the searches are warmed up: without it the racing phase ran while
     * C2 was still compiling the booking and refusal paths. Every booking it made is cancelled again (a cancelled
     * appointment holds no time), so the measured race meets the same half-full book.
     */
    private void warmUpRace(List<Hour> pool, List<Long> patients, int bookings) throws Exception {
        Random random = new Random(99);
        List<Long> made = Collections.synchronizedList(new ArrayList<>());
        run("warm-up", Math.max(bookings, WARM_UP_BOOKINGS), WRITERS, i -> {
            HttpResponse<String> answer = http.send(request(racingBooking(pool, patients, random, i))
                    .header("Idempotency-Key", "warm-up-" + i).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                made.add(JSON.readTree(answer.body()).at("/data/AptNum").asLong());
            }
            return answer.statusCode();
        });
        for (long appointment : made) {
            String cancel = JSON.writeValueAsString(Map.of("functionName", "DeleteAppointment", "parameters",
                    Map.of("AptNum", appointment)));
            if (post(cancel, null) != 200) {
                throw new IllegalStateException("could not cancel warm-up booking " + appointment);
            }
        }
    }

    /** The {@code i}-th racer's booking: the free second half of one of the pool's hours, picked at random. */
    private String racingBooking(List<Hour> pool, List<Long> patients, Random random, int i) throws Exception {
        Hour hour = pool.get(random.nextInt(pool.size()));
        return booking(patients.get(i % patients.size()), hour.providerId(), hour.start().plusMinutes(30));
    }

    /** Books the first half of every scheduled hour, one patient per provider, through the API; returns how many. */
    private int halfFill(List<Hour> hours) throws Exception {
        List<Long> seedPatients = patients("Seed", PROVIDERS, 5000);
        Map<Long, Long> patientOf = new java.util.HashMap<>();
        for (Hour hour : hours) {
            patientOf.putIfAbsent(hour.providerId(), seedPatients.get(patientOf.size() % seedPatients.size()));
        }
        AtomicInteger created = new AtomicInteger();
        Result seeding = run("seeding", hours.size(), 8, i -> {
            Hour hour = hours.get(i);
            int status = post(booking(patientOf.get(hour.providerId()), hour.providerId(), hour.start()), null);
            if (status == 200) {
                created.incrementAndGet();
            }
            return status;
        });
        // A few hours may already hold one of the demo clinic's own appointments (409); anything else is a failure.
        if (seeding.errors() > 0 || created.get() < hours.size() * 0.95) {
            throw new IllegalStateException("seeding booked " + created.get() + " of " + hours.size());
        }
        return created.get();
    }

    private String booking(long patientId, long providerId, LocalDateTime start) throws Exception {
        return JSON.writeValueAsString(Map.of("functionName", "CreateAppointment", "parameters",
                Map.of("PatNum", patientId, "ProvNum", providerId,
                        "AptDateTime", start.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")),
                        "lengthMinutes", 30)));
    }

    /** Patients with distinct phone numbers from {@code firstNumber} on. */
    private List<Long> patients(String lastName, int count, int firstNumber) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = JSON.writeValueAsString(Map.of("functionName", "CreatePatient", "parameters",
                    Map.of("FName", "Load", "LName", lastName + i, "Birthdate", "1990-01-01",
                            "WirelessPhone", String.format("+1202555%04d", firstNumber + i))));
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
    public record Result(String name, int requests, long wallNanos, List<Long> latenciesNanos, int errors,
            Map<Integer, List<Long>> latenciesByStatus) {

        void print() {
            System.out.printf("%-30s %5d requests  %7.1f req/s  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  errors %d%n",
                    name, requests, throughput(), percentile(50), percentile(95), percentile(99), errors);
        }

        /** A booking and a refusal do different work (a refusal waits for the winner, then finds alternatives). */
        void printByStatus() {
            latenciesByStatus.forEach((status, nanos) -> {
                List<Long> sorted = new ArrayList<>(nanos);
                Collections.sort(sorted);
                System.out.printf("  answered %d: %5d requests  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms%n", status,
                        sorted.size(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99));
            });
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
        Map<Integer, List<Long>> byStatus = new java.util.concurrent.ConcurrentSkipListMap<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int worker = 0; worker < concurrency; worker++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    long t0 = System.nanoTime();
                    int status = -1;
                    try {
                        status = call.run(i);
                        if (status != 200 && status != 409) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    long took = System.nanoTime() - t0;
                    latencies.add(took);
                    byStatus.computeIfAbsent(status, s -> Collections.synchronizedList(new ArrayList<>())).add(took);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            pool.shutdownNow();
        }
        return new Result(name, requests, System.nanoTime() - start, new ArrayList<>(latencies), errors.get(),
                byStatus);
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of the hot paths' queries on the book just measured, as booking-api sends them
     * (benchmarks/README.md shows the output). The insert is rolled back.
     */
    private static void explainHotQueries(LocalPostgres postgres, LocalDate from, LocalDate to) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("booking"), postgres.username(), "");
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            ResultSet clinic = statement.executeQuery("select id from organizations where slug = '" + CLINIC + "'");
            clinic.next();
            long id = clinic.getLong(1);
            String range = "tstzrange('" + from + " 00:00 America/New_York', '" + to.plusDays(1)
                    + " 00:00 America/New_York')";
            Map<String, String> queries = new java.util.LinkedHashMap<>();
            queries.put("Slot search: open hours (SlotReads.read)", "select s.provider_id, p.first_name,"
                    + " p.last_name, p.specialty, s.operatory_id, s.sched_date, s.start_time, s.stop_time from schedules s"
                    + " join providers p on p.id = s.provider_id and p.organization_id = s.organization_id"
                    + " and not p.is_hidden join operatories o on o.id = s.operatory_id"
                    + " and o.organization_id = s.organization_id and o.is_active where s.organization_id = " + id
                    + " and s.sched_date between '" + from + "' and '" + to + "'"
                    + " order by s.sched_date, s.start_time, s.id");
            queries.put("Slot search: held time (SlotReads.read)", "select id, provider_id, operatory_id,"
                    + " patient_id, extract(epoch from starts_at)::bigint, extract(epoch from ends_at)::bigint"
                    + " from appointments where organization_id = " + id + " and status in ('Scheduled', 'Complete')"
                    + " and tstzrange(starts_at, ends_at) && " + range + " order by starts_at");
            queries.put("Refused booking's alternatives: held time that can stand in one provider's way", "select id,"
                    + " provider_id, operatory_id, patient_id, extract(epoch from starts_at)::bigint,"
                    + " extract(epoch from ends_at)::bigint from appointments where organization_id = " + id
                    + " and status in ('Scheduled', 'Complete') and tstzrange(starts_at, ends_at) && " + range
                    + " and (provider_id = (select min(id) from providers where organization_id = " + id + ")"
                    + " or patient_id = 1 or operatory_id in (select operatory_id from schedules where organization_id = "
                    + id + " and provider_id = (select min(id) from providers where organization_id = " + id + ")"
                    + " and sched_date between '" + from + "' and '" + to + "')) order by starts_at");
            queries.put("CreateAppointment: the insert (OverlapSafeWriter.insert)", "insert into appointments"
                    + " (organization_id, patient_id, provider_id, operatory_id, starts_at, ends_at, status)"
                    + " select organization_id, patient_id, provider_id, operatory_id, starts_at + interval '30 min',"
                    + " ends_at + interval '30 min', 'Scheduled' from appointments where organization_id = " + id
                    + " order by id limit 1 on conflict do nothing returning id");
            queries.put("CreateAppointment: replay lookup (Idempotency)", "select * from idempotency_records"
                    + " where organization_id = " + id + " and idempotency_key = 'load-7'");
            queries.put("CreateAppointment: patient by id", "select * from patients where id = (select min(id)"
                    + " from patients where organization_id = " + id + ") and organization_id = " + id);
            for (Map.Entry<String, String> query : queries.entrySet()) {
                System.out.println();
                System.out.println("-- " + query.getKey());
                try (ResultSet plan = statement.executeQuery("explain (analyze, buffers) " + query.getValue())) {
                    while (plan.next()) {
                        System.out.println(plan.getString(1));
                    }
                }
            }
            connection.rollback();
        }
    }

    /**
     * Where PostgreSQL spent its time during the race: pg_stat_statements' top statements by total execution time
     * (needs {@code -Dbench.postgresOptions="-c shared_preload_libraries=pg_stat_statements"}).
     */
    private static void printStatements(LocalPostgres postgres) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("booking"), postgres.username(), "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select calls, total_exec_time, total_exec_time / calls, rows,"
                     + " regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements"
                     + " order by total_exec_time desc limit 15")) {
            System.out.println("  PostgreSQL during the race (pg_stat_statements): calls, total ms, mean ms, rows");
            while (rows.next()) {
                String query = rows.getString(5);
                System.out.printf("  %7d %9.1f %7.3f %8d  %s%n", rows.getLong(1), rows.getDouble(2), rows.getDouble(3),
                        rows.getLong(4), query.length() > 110 ? query.substring(0, 110) + "..." : query);
            }
        }
    }

    private static void sql(LocalPostgres postgres, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("booking"), postgres.username(), "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The warm-up's cancelled rows cleaned up now, so that autovacuum does not run during the measured race. */
    private static void vacuum(LocalPostgres postgres) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("booking"), postgres.username(), "");
             Statement statement = connection.createStatement()) {
            statement.execute("vacuum analyze appointments");
        }
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
