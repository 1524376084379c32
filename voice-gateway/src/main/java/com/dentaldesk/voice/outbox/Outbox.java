package com.dentaldesk.voice.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import com.dentaldesk.voice.config.GatewayConfig;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * What the gateway promised a caller survives booking-api being down for hours and the gateway being restarted:
 * each {@link Letter} is a file in one directory, written with fsync and an atomic rename before {@link #keep}
 * returns. One virtual thread delivers them oldest first, backing off while booking-api is away, and starts over
 * with whatever an earlier process left. A refused letter (booking-api answered 4xx) moves to {@code dead/} for an
 * operator; nothing is ever dropped silently. A newer letter for the same call and kind replaces the older one
 * (a newer call record includes everything the older said).
 *
 * <p>The files hold patient data, like the database: owner-only permissions, and only call ids in logs.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);
    private static final String SUFFIX = ".json";
    private static final int FAILURES_PER_ROUND = 3;

    private final Path dir;
    private final Path dead;
    private final int maxLetters;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Courier courier;
    private final ObjectMapper json = new ObjectMapper();
    // Orders "replace a letter" against "delete the letter just delivered", so a newer letter is never deleted.
    private final ReentrantLock files = new ReentrantLock();
    private final Semaphore wake = new Semaphore(0);
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile Thread postman;
    private volatile boolean running;

    @Inject
    public Outbox(GatewayConfig config, Courier courier) {
        this(Path.of(config.outbox().dir()), config.outbox().maxLetters(), config.outbox().firstRetry(),
                config.outbox().maxRetry(), courier);
    }

    public Outbox(Path dir, int maxLetters, Duration firstRetry, Duration maxRetry, Courier courier) {
        this.dir = dir.toAbsolutePath();
        this.dead = this.dir.resolve("dead");
        this.maxLetters = maxLetters;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.courier = courier;
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    /** Opens the directory (failing the start-up when it cannot be written) and starts delivering what is in it. */
    public void start() {
        try {
            Files.createDirectories(dead);
            Path probe = Files.createTempFile(dir, "probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("GATEWAY_OUTBOX_DIR (gateway.outbox.dir): cannot write to " + dir, e);
        }
        waiting.set(letters().size());
        if (waiting.get() > 0) {
            LOG.infof("Outbox: %d letters left by an earlier run, delivering", waiting.get());
        }
        running = true;
        postman = Thread.ofVirtual().name("outbox-postman").start(this::deliverLoop);
    }

    /**
     * Keeps a letter on disk until booking-api has it; true once it is durable. False only when the outbox is full
     * or the disk fails (logged as an error: that promise is then at risk).
     */
    public boolean keep(Letter letter) {
        Path file = dir.resolve(fileName(letter));
        Path temp = dir.resolve(file.getFileName() + "." + Thread.currentThread().threadId() + ".tmp");
        files.lock();
        try {
            boolean replaces = Files.exists(file);
            if (!replaces && waiting.get() >= maxLetters) {
                LOG.errorf("call %s: outbox full (%d letters), %s not kept", letter.callId(), maxLetters,
                        letter.kind());
                return false;
            }
            writeDurably(temp, json.writeValueAsBytes(letter));
            move(temp, file);
            if (!replaces) {
                waiting.incrementAndGet();
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.errorf("call %s: %s could not be written to the outbox (%s)", letter.callId(), letter.kind(),
                    e.getClass().getSimpleName());
            return false;
        } finally {
            files.unlock();
        }
        wake.release();
        return true;
    }

    /** Letters not yet delivered (the {@code voice_outbox_letters} gauge). */
    public int waiting() {
        return waiting.get();
    }

    /** Letters booking-api refused, left in {@code dead/} for an operator. */
    public long dead() {
        try (Stream<Path> listed = Files.list(dead)) {
            return listed.filter(p -> p.toString().endsWith(SUFFIX)).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private void deliverLoop() {
        Duration pause = firstRetry;
        while (running) {
            boolean stalled = deliverAll();
            try {
                if (stalled) {
                    // booking-api is away: wait out the backoff whatever arrives meanwhile.
                    Thread.sleep(pause);
                    pause = pause.multipliedBy(2).compareTo(maxRetry) > 0 ? maxRetry : pause.multipliedBy(2);
                } else {
                    pause = firstRetry;
                    wake.tryAcquire(maxRetry.toMillis(), TimeUnit.MILLISECONDS);
                }
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Delivers letters oldest first; true when booking-api was unavailable. A failure moves on to the next letter, so
     * one letter booking-api keeps failing on (a 5xx for that letter only) does not hold up the others; after
     * {@link #FAILURES_PER_ROUND} failures in a row booking-api is taken to be away and the rest wait for the next
     * round.
     */
    boolean deliverAll() {
        int failuresInARow = 0;
        boolean anyFailed = false;
        for (Path file : letters()) {
            if (Thread.currentThread().isInterrupted()) {
                return true;
            }
            byte[] read;
            Letter letter;
            try {
                read = Files.readAllBytes(file);
                letter = json.readValue(read, Letter.class);
            } catch (NoSuchFileException gone) {
                continue;
            } catch (IOException unreadable) {
                LOG.errorf("Outbox: %s is unreadable, moved to dead/", file.getFileName());
                retire(file, null);
                continue;
            }
            Courier.Result result;
            try {
                result = courier.deliver(letter);
            } catch (RuntimeException e) {
                result = Courier.Result.UNAVAILABLE;
            }
            switch (result) {
                case DELIVERED -> {
                    remove(file, read);
                    LOG.infof("call %s: %s delivered from the outbox", letter.callId(), letter.kind());
                }
                case REFUSED -> {
                    LOG.errorf("call %s: booking-api refused the %s, moved to the outbox's dead/ for an operator",
                            letter.callId(), letter.kind());
                    retire(file, read);
                }
                case UNAVAILABLE -> {
                    anyFailed = true;
                    if (++failuresInARow >= FAILURES_PER_ROUND) {
                        return true;
                    }
                    continue;
                }
            }
            failuresInARow = 0;
        }
        return anyFailed;
    }

    /** SIGINT/SIGTERM, after the call log has handed over what it could not upload: one last round, then stop. */
    void onShutdown(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) ShutdownEvent event) {
        stop();
        if (waiting.get() > 0) {
            deliverAll();
        }
        if (waiting.get() > 0) {
            LOG.warnf("Outbox: %d letters kept on disk for the next start", waiting.get());
        }
    }

    /** Stops the postman; what is on disk stays for the next start. */
    public void stop() {
        running = false;
        Thread thread = postman;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private List<Path> letters() {
        try (Stream<Path> listed = Files.list(dir)) {
            return listed.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .map(p -> new Dated(p, modified(p)))
                    .sorted(Comparator.comparingLong(Dated::modified))
                    .map(Dated::path)
                    .toList();
        } catch (IOException e) {
            LOG.errorf("Outbox: cannot list %s (%s)", dir, e.getClass().getSimpleName());
            return List.of();
        }
    }

    private record Dated(Path path, long modified) {
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Deletes a delivered letter unless a newer one replaced it meanwhile (that one goes next round). */
    private void remove(Path file, byte[] delivered) {
        files.lock();
        try {
            if (Arrays.equals(delivered, Files.readAllBytes(file))) {
                Files.delete(file);
                waiting.decrementAndGet();
            }
        } catch (NoSuchFileException gone) {
            // Nothing to do.
        } catch (IOException e) {
            LOG.errorf("Outbox: cannot delete delivered %s (%s); it will be sent again", file.getFileName(),
                    e.getClass().getSimpleName());
        } finally {
            files.unlock();
        }
    }

    private void retire(Path file, byte[] refused) {
        files.lock();
        try {
            if (refused == null || Arrays.equals(refused, Files.readAllBytes(file))) {
                move(file, dead.resolve(file.getFileName()));
                waiting.decrementAndGet();
            }
        } catch (IOException e) {
            LOG.errorf("Outbox: cannot move %s to dead/ (%s)", file.getFileName(), e.getClass().getSimpleName());
        } finally {
            files.unlock();
        }
    }

    private static void writeDurably(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ownerOnly(file);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's ACL applies.
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** One file per call and kind; the call id is hashed so no caller-supplied text reaches the file system. */
    static String fileName(Letter letter) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((letter.clinic() + "\n" + letter.callId()).getBytes(StandardCharsets.UTF_8));
            return letter.kind().name().toLowerCase() + "-" + HexFormat.of().formatHex(hash, 0, 16) + SUFFIX;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
