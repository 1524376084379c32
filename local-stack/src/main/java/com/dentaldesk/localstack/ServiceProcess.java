package com.dentaldesk.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One of our Quarkus services started from its packaged fast-jar in a child JVM, for the local run and for tests
 * that need the real thing on the other end of a socket (the gateway's tests call a real booking-api).
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;

    private ServiceProcess(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code jar} with the given environment, prefixes its output with {@code name}, and waits until
     * {@code readyPath} answers 200 (at most 90 s).
     */
    /** Extra JVM options from a system property, space separated (e.g. a JFR recording); none when unset. */
    public static List<String> jvmOptions(String property) {
        String options = System.getProperty(property, "").trim();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> environment,
            String readyPath, Consumer<String> output) {
        return start(name, List.of(), jar, List.of(), port, environment, readyPath, output);
    }

    /**
     * As above, with JVM options (default {@code -Xmx512m} unless they set {@code -Xmx}) and program arguments, e.g.
     * the call-simulator's {@code stub-llm} command.
     */
    public static ServiceProcess start(String name, List<String> jvmOptions, Path jar, List<String> arguments,
            int port, Map<String, String> environment, String readyPath, Consumer<String> output) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first with ./mvnw package -DskipTests");
        }
        try {
            List<String> command = new java.util.ArrayList<>();
            command.add(javaBinary());
            if (jvmOptions.stream().noneMatch(option -> option.startsWith("-Xmx"))) {
                command.add("-Xmx512m");
            }
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add(jar.toString());
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            Thread pump = new Thread(() -> pump(process, name, output), name + "-output");
            pump.setDaemon(true);
            pump.start();
            ServiceProcess service = new ServiceProcess(name, process, port);
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, name + "-stop"));
            service.awaitReady(readyPath);
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The child JVM's process id (for RSS from /proc and jcmd). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private void awaitReady(String readyPath) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + readyPath))
                .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + " while starting");
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException(name + " was not ready within 90 s");
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void pump(Process process, String name, Consumer<String> output) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.accept("[" + name + "] " + line);
            }
        } catch (IOException ignored) {
            // The process ended.
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
