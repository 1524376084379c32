package com.dentaldesk.localstack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL 16 server for tests and the local run, from the zonky binaries on Maven Central.
 *
 * <p>We drive the binaries ourselves instead of through zonky's {@code EmbeddedPostgres} because
 * {@code initdb} refuses to run as root, and CI and these machines run as root: when the JVM is
 * root, every PostgreSQL process is started as the unprivileged {@code nobody} user through
 * {@code runuser}, so the same command works for everyone without manual steps.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final String BINARIES_RESOURCE = "/postgres-linux-x86_64.txz";
    private static final String BINARIES_VERSION = "16.4.0";
    /** The major version a data folder must have been made by ({@code PG_VERSION}); another is never opened. */
    static final String MAJOR_VERSION = "16";
    private static final String UNPRIVILEGED_USER = "nobody";

    private final Path binDir;
    private final Path dataDir;
    private final int port;
    /** A kept data folder: written durably (fsync on) and left in place on stop. */
    private final boolean kept;
    private volatile boolean stopped;

    private LocalPostgres(Path binDir, Path dataDir, int port, boolean kept) {
        this.binDir = binDir;
        this.dataDir = dataDir;
        this.port = port;
        this.kept = kept;
    }

    /**
     * For tests and benchmarks: a fresh cluster in a temporary folder, without fsync (fast, and lost on stop, which
     * is the point), on a free port.
     */
    public static LocalPostgres start() {
        try {
            Path dataDir = Files.createTempDirectory("dentaldesk-pgdata-");
            return open(dataDir, false);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the local PostgreSQL", e);
        }
    }

    /**
     * For a clinic's own machine: the cluster in {@code dataDir}, made there on first use and opened as it is after
     * that, written durably, and kept when the server stops. A folder made by another PostgreSQL major version is
     * refused, never opened (the server would not read it, and an upgrade needs pg_upgrade or a dump).
     */
    public static LocalPostgres startKept(Path dataDir) {
        return open(dataDir.toAbsolutePath().normalize(), true);
    }

    private static LocalPostgres open(Path dataDir, boolean kept) {
        try {
            Path binDir = extractBinaries().resolve("bin");
            boolean existing = Files.isRegularFile(dataDir.resolve("PG_VERSION"));
            if (existing) {
                requireMajorVersion(dataDir);
            } else {
                Files.createDirectories(dataDir);
                try (Stream<Path> entries = Files.list(dataDir)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalStateException(dataDir + " is not empty and holds no PostgreSQL data;"
                                + " choose an empty folder for the database");
                    }
                }
            }
            if (runningAsRoot()) {
                requireReachableByOthers(dataDir.getParent());
                run(List.of("chown", "-R", UNPRIVILEGED_USER, dataDir.toString()), false);
            }
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
            LocalPostgres postgres = new LocalPostgres(binDir, dataDir, ServiceProcess.freePort(), kept);
            if (!existing) {
                postgres.initdb();
            }
            postgres.startServer();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "local-postgres-stop"));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the local PostgreSQL in " + dataDir, e);
        }
    }

    /** Under root the server runs as {@code nobody}, which must be able to pass through every folder above its own. */
    private static void requireReachableByOthers(Path folder) throws IOException {
        for (Path dir = folder; dir != null; dir = dir.getParent()) {
            if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException("PostgreSQL runs as '" + UNPRIVILEGED_USER + "' when started by"
                        + " root, and cannot pass through " + dir + " (chmod o+x it, or choose a data folder"
                        + " elsewhere)");
            }
        }
    }

    /** Refuses a data folder another PostgreSQL major version made, saying what to do instead. */
    static void requireMajorVersion(Path dataDir) throws IOException {
        String version = Files.readString(dataDir.resolve("PG_VERSION")).trim();
        if (!MAJOR_VERSION.equals(version)) {
            throw new IllegalStateException("The database in " + dataDir + " was made by PostgreSQL " + version
                    + "; this build runs PostgreSQL " + MAJOR_VERSION + " and will not open it. Keep using the"
                    + " build that made it, or restore a backup into a new --data folder.");
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String username() {
        return "postgres";
    }

    /** Creates an empty database owned by the superuser, e.g. one per app in the local run. */
    public void createDatabase(String name) {
        if (!createDatabaseIfAbsent(name)) {
            throw new IllegalStateException("Database " + name + " already exists");
        }
    }

    /** Creates the database unless a kept folder already has it; true when it was created. */
    public boolean createDatabaseIfAbsent(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), "");
             Statement statement = connection.createStatement()) {
            try (var exists = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (exists.next()) {
                    return false;
                }
            }
            statement.execute("create database " + name);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    private void initdb() {
        List<String> command = new ArrayList<>(List.of(binDir.resolve("initdb").toString(), "-D", dataDir.toString(),
                "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C"));
        if (!kept) {
            command.add("--no-sync");
        }
        run(command, true);
    }

    private void startServer() {
        // Listening on 127.0.0.1 only, with trust authentication: nothing but this machine reaches it.
        String durability = kept ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        // bench.postgresOptions: more server settings for a profiling run, e.g. pg_stat_statements (benchmarks/README).
        String options = "-p " + port + " -h 127.0.0.1 -c unix_socket_directories=" + durability
                + " -c max_connections=300 " + System.getProperty("bench.postgresOptions", "");
        run(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l",
                dataDir.resolve("server.log").toString(), "-o", options, "-w", "-t", "60", "start"), true);
    }

    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        run(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"),
                true);
        if (!kept) {
            deleteRecursively(dataDir);
        }
    }

    private static Path extractBinaries() throws IOException {
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "dentaldesk-postgres-" + BINARIES_VERSION);
        Path marker = target.resolve(".complete");
        if (Files.exists(marker)) {
            return target;
        }
        Path staging = Files.createTempDirectory(target.getParent(), "dentaldesk-postgres-staging-");
        try (InputStream raw = LocalPostgres.class.getResourceAsStream(BINARIES_RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("PostgreSQL binaries " + BINARIES_RESOURCE + " not on the classpath");
            }
            untar(new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(raw))), staging);
        }
        // Readable and executable by the unprivileged user the server may run as.
        run(List.of("chmod", "-R", "a+rX", staging.toString()), false);
        Files.createFile(staging.resolve(".complete"));
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException alreadyThere) {
            // Another JVM won the race; its copy is complete.
            deleteRecursively(staging);
        }
        return target;
    }

    private static void untar(TarArchiveInputStream tar, Path dir) throws IOException {
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            Path out = dir.resolve(entry.getName()).normalize();
            if (!out.startsWith(dir)) {
                throw new IOException("Archive entry outside target: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(out);
            } else if (entry.isSymbolicLink()) {
                Files.createDirectories(out.getParent());
                Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
            } else {
                Files.createDirectories(out.getParent());
                Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                if ((entry.getMode() & 0100) != 0) {
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(out);
                    perms.add(PosixFilePermission.OWNER_EXECUTE);
                    perms.add(PosixFilePermission.GROUP_EXECUTE);
                    perms.add(PosixFilePermission.OTHERS_EXECUTE);
                    Files.setPosixFilePermissions(out, perms);
                }
            }
        }
    }

    private static void run(List<String> command, boolean asPostgresUser) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser && runningAsRoot()) {
            full.addAll(List.of("runuser", "-u", UNPRIVILEGED_USER, "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("Command failed: " + String.join(" ", full) + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + full.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + full.get(0), e);
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }


    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Temp directory; the OS cleans up what we could not.
        }
    }
}
