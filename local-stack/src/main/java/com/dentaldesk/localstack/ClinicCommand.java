package com.dentaldesk.localstack;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./run-local create-clinic}: asks the running local booking-api to create a clinic and its owner (the
 * operator call, with the operator token from the data folder) and prints the owner's one-time setup link.
 */
final class ClinicCommand {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The command's options, in the order people write them, and the fields of the operator call they fill. */
    static final Map<String, String> OPTIONS = orderedOptions();

    private ClinicCommand() {
    }

    private static Map<String, String> orderedOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--name", "name");
        options.put("--slug", "slug");
        options.put("--zone", "timeZone");
        options.put("--owner-email", "ownerEmail");
        options.put("--owner-name", "ownerName");
        return options;
    }

    static void create(LocalData.Secrets secrets, String bookingUrl, Map<String, String> clinic)
            throws IOException, InterruptedException {
        List<String> missing = OPTIONS.entrySet().stream().filter(option -> clinic.getOrDefault(option.getValue(), "")
                .isBlank()).map(Map.Entry::getKey).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("create-clinic needs " + String.join(", ", missing));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(bookingUrl + "/api/operator/clinics"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + secrets.operatorToken())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(clinic))).build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IllegalStateException("Nothing answers at " + bookingUrl + ": start the stack first"
                    + " (./run-local, with the same --data folder) and run this in another terminal.");
        }
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("The clinic was not created: " + body.path("error").path("message")
                    .asText(response.body()));
        }
        JsonNode created = body.path("data");
        System.out.printf("Created %s (%s, %s).%n"
                + "Send this link to %s to choose a password; it works once, until %s:%n%n  %s%n%n",
                created.path("name").asText(), created.path("slug").asText(), created.path("timeZone").asText(),
                created.path("ownerEmail").asText(), created.path("setupLinkExpiresAt").asText(),
                created.path("setupLink").asText());
    }
}
