package com.dentaldesk.localstack;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * The local run's data folder: {@code postgres/} (the database), {@code gateway-outbox/} (messages and call records
 * booking-api has not taken yet) and {@code local-secrets.properties} (the service token and the demo clinics' API
 * keys, made on first start and reused, so a key keeps working across restarts). It holds patient data: what is
 * inside is readable by its owner only.
 */
public final class LocalData {

    private static final String SECRETS = "local-secrets.properties";
    /**
     * Others may pass through (the database runs as {@code nobody} when started by root) but not list it; what is
     * inside is owner-only.
     */
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx--x--x");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    /** What the local run keeps in its folder; --fresh deletes a folder holding only these. */
    private static final Set<String> KNOWN = Set.of("postgres", "gateway-outbox", "outbox", SECRETS, SECRETS + ".tmp");

    private final Path root;

    public LocalData(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path postgres() {
        return root.resolve("postgres");
    }

    Path outbox() {
        return root.resolve("gateway-outbox");
    }

    boolean exists() {
        return Files.isDirectory(root);
    }

    /**
     * Everything in the folder, for {@code --fresh}: refused while a database runs on it, and for a folder holding
     * anything but what the local run puts there (a mistyped {@code --data} must not empty someone's home).
     */
    void deleteForFresh() throws IOException {
        requireStopped("stop ./run-local first");
        try (Stream<Path> entries = Files.list(root)) {
            List<String> foreign = entries.map(p -> p.getFileName().toString()).filter(n -> !KNOWN.contains(n))
                    .toList();
            if (!foreign.isEmpty()) {
                throw new IllegalStateException(root + " holds more than ./run-local's data (" + foreign
                        + "); --fresh deletes nothing there");
            }
        }
        delete();
    }

    /** Refuses while PostgreSQL runs on the folder (or left its pid file after a crash). */
    private void requireStopped(String whatToDo) {
        if (Files.exists(postgres().resolve("postmaster.pid"))) {
            throw new IllegalStateException("The stack is running on " + root + " (or stopped without a clean"
                    + " shutdown): " + whatToDo);
        }
    }

    private void delete() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * The service token, the operator token, the demo keys and the demo owners' password: from the environment when
     * set, else from the folder, else made now.
     */
    public record Secrets(String serviceToken, String operatorToken, String dentalKey, String orthoKey,
            String ownerPassword) {
    }

    Secrets secrets() throws IOException {
        Files.createDirectories(root);
        Files.setPosixFilePermissions(root, FOLDER);
        Path file = root.resolve(SECRETS);
        Properties stored = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                stored.load(reader);
            }
        }
        boolean changed = false;
        for (String name : List.of("service-token", "operator-token", "demo-dental-api-key", "demo-ortho-api-key",
                "demo-owner-password")) {
            if (stored.getProperty(name, "").isBlank()) {
                // Keys look like booking-api's own (dk_...); the password is shorter, as a person types it.
                stored.setProperty(name, name.endsWith("-api-key") ? "dk_" + random(32)
                        : name.endsWith("-password") ? random(12) : random(32));
                changed = true;
            }
        }
        if (changed) {
            Path temp = ownerOnlyFile(root.resolve(SECRETS + ".tmp"));
            try (Writer writer = Files.newBufferedWriter(temp)) {
                stored.store(writer, "Made by ./run-local on first start; delete a line to make a new one");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        return new Secrets(env("BOOKING_API_SERVICE_TOKEN", stored.getProperty("service-token")),
                env("BOOKING_OPERATOR_TOKEN", stored.getProperty("operator-token")),
                env("DEMO_DENTAL_API_KEY", stored.getProperty("demo-dental-api-key")),
                env("DEMO_ORTHO_API_KEY", stored.getProperty("demo-ortho-api-key")),
                env("DEMO_OWNER_PASSWORD", stored.getProperty("demo-owner-password")));
    }

    /**
     * Copies the whole folder into a gzipped tar. Only while the stack is stopped: a running database's files are
     * not a consistent copy.
     */
    static void backup(Path data, Path file) throws IOException {
        LocalData local = new LocalData(data);
        if (!Files.isRegularFile(local.postgres().resolve("PG_VERSION"))) {
            throw new IllegalStateException("No database in " + data + " to back up");
        }
        local.requireStopped("stop ./run-local (Ctrl-C), or start and stop it once, then back up");
        if (file.toAbsolutePath().normalize().startsWith(data.toAbsolutePath().normalize())) {
            throw new IllegalStateException("Write the backup outside " + data + " (it would copy itself)");
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = ownerOnlyFile(file.resolveSibling(file.getFileName() + ".partial"));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp));
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            try (Stream<Path> paths = Files.walk(data)) {
                for (Path path : paths.sorted().toList()) {
                    if (path.equals(data) || Files.isSymbolicLink(path)) {
                        continue;
                    }
                    String name = data.relativize(path).toString();
                    TarArchiveEntry entry = new TarArchiveEntry(path.toFile(), name);
                    tar.putArchiveEntry(entry);
                    if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                        Files.copy(path, tar);
                    }
                    tar.closeArchiveEntry();
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("Backed up " + data + " to " + file + " (" + Files.size(file) / 1024 + " KiB)");
    }

    /** Unpacks a backup into a new, empty folder; a backup made by another PostgreSQL major version is refused. */
    static void restore(Path file, Path data) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No backup at " + file);
        }
        if (Files.isDirectory(data)) {
            try (Stream<Path> entries = Files.list(data)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalStateException(data + " is not empty: restore into a new folder, then start"
                            + " with ./run-local --data " + data);
                }
            }
        }
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, FOLDER);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path out = data.resolve(entry.getName()).normalize();
                if (!out.startsWith(data) || out.equals(data)) {
                    throw new IllegalStateException(file + " is not a ./run-local backup (entry " + entry.getName()
                            + " outside the folder)");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
                } else if (entry.isFile()) {
                    Files.createDirectories(out.getParent(), PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
                    // Written into the owner-only file (Files.copy would replace it with a new, default one).
                    try (OutputStream target = Files.newOutputStream(ownerOnlyFile(out))) {
                        tar.transferTo(target);
                    }
                } else {
                    // Backups hold plain files and folders only; a link could point anywhere on the machine.
                    throw new IllegalStateException(file + " is not a ./run-local backup (it holds a link: "
                            + entry.getName() + ")");
                }
            }
        } catch (IOException | RuntimeException e) {
            new LocalData(data).delete();
            throw e;
        }
        Path postgres = new LocalData(data).postgres();
        if (!Files.isRegularFile(postgres.resolve("PG_VERSION"))) {
            new LocalData(data).delete();
            throw new IllegalStateException(file + " is not a ./run-local backup (no database in it)");
        }
        try {
            LocalPostgres.requireMajorVersion(postgres);
        } catch (IllegalStateException e) {
            new LocalData(data).delete();
            throw e;
        }
        System.out.println("Restored " + file + " into " + data + "; start it with ./run-local --data " + data);
    }

    /** An empty file readable by its owner only from the moment it exists. */
    private static Path ownerOnlyFile(Path file) throws IOException {
        Files.deleteIfExists(file);
        return Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
    }

    private static String random(int byteCount) {
        byte[] bytes = new byte[byteCount];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** An environment variable, or the fallback when it is unset or blank. */
    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
