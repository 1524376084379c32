package com.dentaldesk.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Scanner;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * {@code ./run-local}: the whole stack on one machine with nothing installed but a JDK. Starts PostgreSQL on a data
 * folder that is kept across restarts, booking-api with the demo clinics (profile {@code local}; seeded into an
 * empty database only) and, when it has been built, the voice gateway pointed at it. Ctrl-C stops everything.
 *
 * <pre>
 * ./run-local [--data DIR] [--fresh [--yes]] [--no-demo] [--scripted-model]
 *                                                 run (DIR defaults to data/ in the checkout; --no-demo: no demo
 *                                                 clinics are seeded or refreshed; --scripted-model: the gateway's
 *                                                 model is the shipped scenario files' script, not OpenAI)
 * ./run-local backup FILE [--data DIR]           copy the stopped stack's data to FILE (.tar.gz)
 * ./run-local restore FILE --data DIR            unpack a backup into a new, empty DIR
 * ./run-local create-clinic --name N --slug S --zone Z --owner-email E --owner-name O [--data DIR]
 *                                                 a real clinic on the running stack; prints its owner's setup link
 * ./run-local connect --slug S (--agent ID | --number N) [--data DIR]
 *                                                 routes a Retell agent or number made by hand to the clinic
 * </pre>
 */
public final class LocalStack {

    private static final int BOOKING_PORT = 8081;
    private static final int GATEWAY_PORT = 8080;

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("dentaldesk.root", ".")).toAbsolutePath().normalize();
        Arguments arguments;
        try {
            arguments = Arguments.parse(args, root.resolve("data"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Arguments.USAGE);
            System.exit(2);
            return;
        }
        try {
            switch (arguments.command()) {
                case "backup" -> LocalData.backup(arguments.data(), arguments.file());
                case "restore" -> LocalData.restore(arguments.file(), arguments.data());
                case "create-clinic" -> ClinicCommand.create(new LocalData(arguments.data()).secrets(),
                        "http://localhost:" + BOOKING_PORT, arguments.clinic());
                case "connect" -> ClinicCommand.connect(new LocalData(arguments.data()).secrets(),
                        "http://localhost:" + BOOKING_PORT, arguments.clinic());
                default -> run(root, arguments);
            }
        } catch (IllegalStateException | UncheckedIOException | IOException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    private static void run(Path root, Arguments arguments) throws Exception {
        LocalData data = new LocalData(arguments.data());
        if (arguments.fresh() && data.exists()) {
            if (!arguments.yes() && !confirmed(data)) {
                System.out.println("Nothing deleted.");
                return;
            }
            data.deleteForFresh();
        }
        Running stack = start(root, data, arguments.demo(), arguments.scriptedModel(), BOOKING_PORT, GATEWAY_PORT,
                System.out::println);
        LocalData.Secrets secrets = stack.secrets();
        System.out.printf("%nDentalDesk is running.%n"
                + "  Console        http://localhost:%d/console%n"
                + "%s"
                + "  booking-api    http://localhost:%d  (Swagger UI: http://localhost:%d/q/swagger-ui)%n"
                + "%s"
                + "%s"
                + "%s"
                + "  Data           %s (%s; kept when you stop: ./run-local backup FILE copies it)%n"
                + "  Your clinic    ./run-local create-clinic --name ... (see the README, \"From the demo to your clinic\")%n"
                + "Press Ctrl-C to stop.%n%n", BOOKING_PORT,
                arguments.demo() ? String.format("                 sign in as owner@demo-dental.test (or"
                        + " owner@demo-ortho.test), password %s%n", secrets.ownerPassword()) : "",
                BOOKING_PORT, BOOKING_PORT,
                arguments.demo() ? String.format("                 API keys: demo-dental %s, demo-ortho %s%n",
                        secrets.dentalKey(), secrets.orthoKey()) : "",
                stack.gateway() != null ? String.format("  voice-gateway  ws://localhost:%d/llm-websocket/%s/{call_id}"
                        + "?clinic=demo-dental%n", GATEWAY_PORT, stack.socketSecret()) : "",
                stack.model() != null ? String.format("  Model          scripted by %s (try: java -jar"
                        + " call-simulator/target/call-simulator.jar scenario --url ws://localhost:%d/llm-websocket/%s"
                        + " %s/*)%n", SCENARIOS, GATEWAY_PORT, stack.socketSecret(), SCENARIOS) : "",
                data.root(), !stack.newDatabase() ? "the database as you left it"
                        : arguments.demo() ? "new database, demo clinics seeded" : "new database");
        // Child processes and PostgreSQL are stopped by their shutdown hooks on Ctrl-C.
        new CountDownLatch(1).await();
    }

    /** The shipped scenario files: with {@code --scripted-model}, their model rules are the gateway's model. */
    public static final String SCENARIOS = "voice-gateway/src/test/resources/scenarios";

    /** A started local stack; closing it stops every process it started and PostgreSQL. */
    public record Running(LocalPostgres postgres, ServiceProcess bookingApi, ServiceProcess gateway,
            ServiceProcess model, LocalData.Secrets secrets, String socketSecret, boolean newDatabase)
            implements AutoCloseable {

        @Override
        public void close() {
            for (ServiceProcess process : new ServiceProcess[] {gateway, model, bookingApi}) {
                if (process != null) {
                    process.close();
                }
            }
            postgres.close();
        }
    }

    /**
     * Starts PostgreSQL on the data folder, booking-api (demo clinics seeded into an empty database when
     * {@code demo}) and, when it has been built, the voice gateway; with {@code scriptedModel}, the call-simulator's
     * stub model answering by the shipped scenario files' rules, as the gateway's model. What ./run-local runs, and
     * what the test of the shipped scenario files runs.
     */
    public static Running start(Path root, LocalData data, boolean demo, boolean scriptedModel, int bookingPort,
            int gatewayPort, Consumer<String> output) throws IOException {
        LocalData.Secrets secrets = data.secrets();
        String socketSecret = LocalData.env("RETELL_WEBSOCKET_SECRET", "local-dev-socket-secret");

        output.accept("Starting PostgreSQL on " + data.postgres() + " ...");
        LocalPostgres postgres = LocalPostgres.startKept(data.postgres());
        boolean newDatabase = postgres.createDatabaseIfAbsent("booking");

        Map<String, String> booking = new HashMap<>();
        booking.put("QUARKUS_PROFILE", "local");
        booking.put("DATABASE_URL", postgres.jdbcUrl("booking"));
        booking.put("DATABASE_USERNAME", postgres.username());
        booking.put("BOOKING_API_PORT", String.valueOf(bookingPort));
        booking.put("BOOKING_API_SERVICE_TOKEN", secrets.serviceToken());
        booking.put("DEMO_DENTAL_API_KEY", secrets.dentalKey());
        booking.put("DEMO_ORTHO_API_KEY", secrets.orthoKey());
        booking.put("DEMO_OWNER_PASSWORD", secrets.ownerPassword());
        booking.put("BOOKING_DEMO_ENABLED", String.valueOf(demo));
        booking.put("BOOKING_GATEWAY_URLS", "http://127.0.0.1:" + gatewayPort);
        booking.put("BOOKING_OPERATOR_TOKEN", secrets.operatorToken());
        ServiceProcess bookingApi = ServiceProcess.start("booking-api",
                root.resolve("booking-api/target/quarkus-app/quarkus-run.jar"), bookingPort, booking,
                "/q/health/ready", output);

        ServiceProcess model = null;
        Path gatewayJar = root.resolve("voice-gateway/target/quarkus-app/quarkus-run.jar");
        ServiceProcess gateway = null;
        if (Files.isRegularFile(gatewayJar)) {
            Map<String, String> environment = new HashMap<>();
            environment.put("BOOKING_API_URL", bookingApi.baseUrl());
            environment.put("BOOKING_API_SERVICE_TOKEN", secrets.serviceToken());
            environment.put("RETELL_WEBSOCKET_PORT", String.valueOf(gatewayPort));
            environment.put("RETELL_WEBSOCKET_SECRET", socketSecret);
            environment.put("GATEWAY_OUTBOX_DIR", data.outbox().toString());
            // Ctrl-C: a live call gets 2 s to end before it is handed back (production waits minutes, for a deploy).
            environment.put("GATEWAY_SOCKET_STOP_WAIT", "PT2S");
            // A person reads this terminal: plain lines, as booking-api prints them.
            environment.put("LOG_JSON", "false");
            if (scriptedModel) {
                model = scriptedModel(root, output);
                environment.put("OPENAI_BASE_URL", "http://127.0.0.1:" + model.port() + "/v1");
                environment.put("OPENAI_API_KEY", "scripted-model");
            }
            gateway = ServiceProcess.start("voice-gateway", gatewayJar, gatewayPort, environment, "/health", output);
        }
        return new Running(postgres, bookingApi, gateway, model, secrets, socketSecret, newDatabase);
    }

    /** The call-simulator's stub-llm on a free port, answering by every shipped scenario file's model rules. */
    private static ServiceProcess scriptedModel(Path root, Consumer<String> output) throws IOException {
        int port = ServiceProcess.freePort();
        List<String> arguments = new ArrayList<>(List.of("stub-llm", "--port", String.valueOf(port), "--ttft-ms",
                "150", "--tokens-per-second", "60", "--tool-call", "none", "--script"));
        try (var files = Files.list(root.resolve(SCENARIOS))) {
            files.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".json")).sorted()
                    .forEach(file -> arguments.add(file.toString()));
        }
        return ServiceProcess.start("stub-llm", List.of("-Xmx128m"),
                root.resolve("call-simulator/target/call-simulator.jar"), arguments, port, Map.of(), "/health", output);
    }

    private static boolean confirmed(LocalData data) {
        System.out.printf("--fresh deletes everything in %s: calls, leads, bookings, settings and API keys.%n"
                + "Type 'delete' to go on: ", data.root());
        Scanner in = new Scanner(System.in);
        return in.hasNextLine() && in.nextLine().trim().equals("delete");
    }


    /** What the command line asked for. */
    record Arguments(String command, Path data, Path file, boolean fresh, boolean yes, boolean demo,
            boolean scriptedModel, Map<String, String> clinic) {

        static final String USAGE = """
                usage: ./run-local [--data DIR] [--fresh [--yes]] [--no-demo] [--scripted-model]
                       ./run-local backup FILE [--data DIR]
                       ./run-local restore FILE --data DIR
                       ./run-local create-clinic --name NAME --slug SLUG --zone ZONE --owner-email EMAIL \\
                           --owner-name NAME [--data DIR]
                       ./run-local connect --slug SLUG (--agent AGENT_ID | --number PHONE) [--data DIR]""";

        static Arguments parse(String[] args, Path defaultData) {
            List<String> positional = new ArrayList<>();
            Path data = null;
            boolean fresh = false;
            boolean yes = false;
            boolean demo = true;
            boolean scriptedModel = false;
            Map<String, String> clinic = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (ClinicCommand.OPTIONS.containsKey(args[i])) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(args[i] + " needs a value");
                    }
                    clinic.put(ClinicCommand.OPTIONS.get(args[i]), args[++i]);
                    continue;
                }
                switch (args[i]) {
                    case "--data" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("--data needs a folder");
                        }
                        data = Path.of(args[++i]).toAbsolutePath().normalize();
                    }
                    case "--fresh" -> fresh = true;
                    case "--yes" -> yes = true;
                    case "--no-demo" -> demo = false;
                    case "--scripted-model" -> scriptedModel = true;
                    default -> {
                        if (args[i].startsWith("-")) {
                            throw new IllegalArgumentException("Unknown option " + args[i]);
                        }
                        positional.add(args[i]);
                    }
                }
            }
            String command = positional.isEmpty() ? "run" : positional.get(0);
            if (!clinic.isEmpty() && !command.equals("create-clinic") && !command.equals("connect")) {
                throw new IllegalArgumentException("--name, --slug, --zone, --owner-*, --agent and --number are for"
                        + " create-clinic and connect");
            }
            switch (command) {
                case "run" -> {
                    if (positional.size() > 1) {
                        throw new IllegalArgumentException("Unexpected " + positional.get(1));
                    }
                    return new Arguments("run", data == null ? defaultData : data, null, fresh, yes, demo,
                            scriptedModel, Map.of());
                }
                case "backup", "restore" -> {
                    if (positional.size() != 2) {
                        throw new IllegalArgumentException(command + " needs one FILE");
                    }
                    if (command.equals("restore") && data == null) {
                        throw new IllegalArgumentException("restore needs --data DIR: a new, empty folder");
                    }
                    return new Arguments(command, data == null ? defaultData : data,
                            Path.of(positional.get(1)).toAbsolutePath().normalize(), false, false, demo, false,
                            Map.of());
                }
                case "create-clinic", "connect" -> {
                    if (positional.size() > 1) {
                        throw new IllegalArgumentException("Unexpected " + positional.get(1));
                    }
                    return new Arguments(command, data == null ? defaultData : data, null, false, false, demo,
                            false, clinic);
                }
                default -> throw new IllegalArgumentException("Unknown command " + command);
            }
        }
    }
}
