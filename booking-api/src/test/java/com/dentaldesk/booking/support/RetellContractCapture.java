package com.dentaldesk.booking.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.dentaldesk.booking.crypto.Sha256;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Request;

/**
 * Writes every request booking-api sends to the WireMock Retell into {@code target/retell-contract/requests/}, one
 * JSON file per distinct method, path and body. After the tests, {@code src/test/retell-contract/check.mjs}
 * type-checks each body against the official {@code retell-sdk}'s params type for that endpoint, so a shape Retell
 * no longer accepts fails the build here instead of at a clinic.
 */
public final class RetellContractCapture {

    /** Where the captures go; the Maven build points the contract check at the same folder. */
    public static final Path DIRECTORY = Path.of(System.getProperty("retell-contract.dir", "target/retell-contract"),
            "requests");

    private static final ObjectMapper JSON = new ObjectMapper();

    private RetellContractCapture() {
    }

    /** Starts a run with an empty folder, so a capture from an older build cannot fail or pass this one. */
    public static void reset() {
        try {
            if (Files.isDirectory(DIRECTORY)) {
                try (Stream<Path> files = Files.walk(DIRECTORY)) {
                    files.sorted(Comparator.reverseOrder()).forEach(RetellContractCapture::delete);
                }
            }
            Files.createDirectories(DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void record(Request request) {
        String method = request.getMethod().getName();
        String path = request.getUrl().split("\\?")[0];
        String body = request.getBodyAsString();
        Map<String, Object> capture = new LinkedHashMap<>();
        capture.put("method", method);
        capture.put("path", path);
        capture.put("body", body == null || body.isBlank() ? null : parse(body));
        // Named by content: the same request sent by several tests (or retried) is one file.
        String name = method.toLowerCase() + "_" + path.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "")
                + "_" + Sha256.hex(method + " " + request.getUrl() + " " + body).substring(0, 12) + ".json";
        try {
            Files.writeString(DIRECTORY.resolve(name), JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(capture), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A body that is not JSON is kept as text: the check reports it instead of this listener failing a test. */
    private static Object parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return body;
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
