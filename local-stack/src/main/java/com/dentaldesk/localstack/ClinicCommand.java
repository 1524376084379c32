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
 * The operator's commands against the running local booking-api, with the operator token from the data folder:
 * {@code create-clinic} (a clinic and its owner; prints the owner's one-time setup link) and {@code connect} (a Retell
 * agent id or phone number made by hand, so its calls reach the clinic).
 */
final class ClinicCommand {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The commands' options, in the order people write them, and the fields of the operator calls they fill. */
    static final Map<String, String> OPTIONS = orderedOptions();
    private static final List<String> CREATE_OPTIONS = List.of("--name", "--slug", "--zone", "--owner-email",
            "--owner-name");

    private ClinicCommand() {
    }

    private static Map<String, String> orderedOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--name", "name");
        options.put("--slug", "slug");
        options.put("--zone", "timeZone");
        options.put("--owner-email", "ownerEmail");
        options.put("--owner-name", "ownerName");
        options.put("--agent", "retell_agent");
        options.put("--number", "phone_number");
        return options;
    }

    static void create(LocalData.Secrets secrets, String bookingUrl, Map<String, String> clinic)
            throws IOException, InterruptedException {
        List<String> missing = CREATE_OPTIONS.stream().filter(option -> clinic.getOrDefault(OPTIONS.get(option), "")
                .isBlank()).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("create-clinic needs " + String.join(", ", missing));
        }
        Map<String, String> body = new LinkedHashMap<>();
        CREATE_OPTIONS.forEach(option -> body.put(OPTIONS.get(option), clinic.get(OPTIONS.get(option))));
        JsonNode created = post(secrets, bookingUrl, "/api/operator/clinics", body, "The clinic was not created");
        System.out.printf("Created %s (%s, %s).%n"
                + "Send this link to %s to choose a password; it works once, until %s:%n%n  %s%n%n",
                created.path("name").asText(), created.path("slug").asText(), created.path("timeZone").asText(),
                created.path("ownerEmail").asText(), created.path("setupLinkExpiresAt").asText(),
                created.path("setupLink").asText());
    }

    static void connect(LocalData.Secrets secrets, String bookingUrl, Map<String, String> options)
            throws IOException, InterruptedException {
        String slug = options.getOrDefault("slug", "");
        List<String> kinds = List.of("retell_agent", "phone_number").stream()
                .filter(kind -> !options.getOrDefault(kind, "").isBlank()).toList();
        if (slug.isBlank() || kinds.size() != 1) {
            throw new IllegalStateException("connect needs --slug and one of --agent or --number");
        }
        JsonNode connected = post(secrets, bookingUrl, "/api/operator/clinics/" + slug + "/channels",
                Map.of("kind", kinds.get(0), "value", options.get(kinds.get(0))), "Nothing was connected");
        System.out.printf("Connected %s to %s: its calls now reach that clinic.%n", connected.path("value").asText(),
                connected.path("slug").asText());
    }

    /** An operator call; its {@code data}, or the refusal's message. */
    private static JsonNode post(LocalData.Secrets secrets, String bookingUrl, String path, Map<String, String> body,
            String refused) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(bookingUrl + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + secrets.operatorToken())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IllegalStateException("Nothing answers at " + bookingUrl + ": start the stack first"
                    + " (./run-local, with the same --data folder) and run this in another terminal.");
        }
        JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(refused + ": " + answer.path("error").path("message")
                    .asText(response.body()));
        }
        return answer.path("data");
    }
}
