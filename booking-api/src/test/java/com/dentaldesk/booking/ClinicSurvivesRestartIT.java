package com.dentaldesk.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dentaldesk.localstack.LocalPostgres;
import com.dentaldesk.localstack.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real clinic on one machine, end to end with the packaged booking-api on a kept data folder: the operator creates
 * the clinic, the owner sets a password through the setup link, makes an API key and invites the front desk, who
 * sets theirs; the clinic's book gets an appointment. Then everything stops and starts again on the same folder, and
 * all of it is still there: both people sign in, the key works, the appointment and the activity log are kept.
 */
class ClinicSurvivesRestartIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final String OPERATOR = "it-operator-token-0123456789abcdef";
    private static final Pattern LINK = Pattern.compile("id=\"one-time-link\">[^<]*?/console/welcome\\?token=([^<\"]+)<");
    private static final Pattern KEY = Pattern.compile("id=\"new-key\">(dk_[^<]+)<");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldKeepTheClinicItsPeopleKeysAndBookAcrossARestart() throws Exception {
        // Under root PostgreSQL runs as nobody, who must be able to reach the folder.
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
        Path data = work.resolve("postgres");
        LocalDate day = nextWeekday();
        String key;
        long appointment;
        try (Stack stack = Stack.start(data)) {
            String base = stack.booking().baseUrl();
            JsonNode created = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/api/operator/clinics"))
                    .header("Authorization", "Bearer " + OPERATOR).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("name", "Lakeside Dental",
                            "slug", "lakeside", "timeZone", ZONE.getId(), "ownerEmail", "olivia@lakeside.test",
                            "ownerName", "Olivia Owner")))), 201).body()).path("data");
            String setupToken = created.path("setupLink").asText().replaceFirst(".*token=", "");
            String owner = setPassword(base, setupToken, "olivia's long password");

            key = match(KEY, form(base, owner, "/console/keys", Map.of("label", "Practice system"), 200));
            String invitation = match(LINK, form(base, owner, "/console/staff", Map.of("name", "Frankie Desk",
                    "email", "frankie@lakeside.test", "role", "front_desk"), 200));
            setPassword(base, invitation, "frankie's long password");

            long provider = call(base, key, "CreateProvider", Map.of("FName", "Ana", "LName", "Lopez"), "ProvNum");
            long room = call(base, key, "CreateOperatory", Map.of("OpName", "Op 1", "IsActive", true), "OperatoryNum");
            call(base, key, "CreateSchedule", Map.of("SchedDate", day.toString(), "StartTime", "08:00",
                    "StopTime", "12:00", "ProvNum", provider, "OpNum", room), "ScheduleNum");
            long patient = call(base, key, "CreatePatient", Map.of("FName", "Rene", "LName", "Rivers", "Birthdate",
                    "1985-04-02", "WirelessPhone", "+13125550188"), "PatNum");
            appointment = call(base, key, "CreateAppointment", Map.of("PatNum", patient, "ProvNum", provider,
                    "AptDateTime", day + " 09:00:00", "lengthMinutes", 30), "AptNum");
        }

        try (Stack stack = Stack.start(data)) {
            String base = stack.booking().baseUrl();
            String owner = signIn(base, "olivia@lakeside.test", "olivia's long password");
            signIn(base, "frankie@lakeside.test", "frankie's long password");
            JsonNode booked = JSON.readTree(send(api(base, key).uri(URI.create(base + "/api/booking"))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("functionName",
                            "GetAppointments", "parameters", Map.of("DateStart", day.toString(), "DateEnd",
                                    day.toString()))))), 200).body());
            assertThat(booked.path("data")).hasSize(1);
            assertThat(booked.path("data").get(0).path("AptNum").asLong()).isEqualTo(appointment);
            assertThat(booked.path("data").get(0).path("AptDateTime").asText()).isEqualTo(day + " 09:00:00");
            assertThat(booked.path("data").get(0).path("AptStatus").asText()).isEqualTo("Scheduled");
            String activity = page(base, owner, "/console/audit");
            assertThat(activity).contains("Created an API key", "Invited a colleague", "Frankie Desk (Front desk)");
            assertThat(page(base, owner, "/console/staff")).contains("frankie@lakeside.test");
        }
    }

    /** PostgreSQL on the kept folder and booking-api on it; both stopped on close, the folder kept. */
    private record Stack(LocalPostgres postgres, ServiceProcess booking) implements AutoCloseable {

        static Stack start(Path data) {
            LocalPostgres postgres = LocalPostgres.startKept(data);
            postgres.createDatabaseIfAbsent("booking");
            int port = ServiceProcess.freePort();
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_PROFILE", "prod");
            env.put("LOG_JSON", "false");
            env.put("DATABASE_URL", postgres.jdbcUrl("booking"));
            env.put("DATABASE_USERNAME", postgres.username());
            env.put("BOOKING_API_PORT", String.valueOf(port));
            env.put("BOOKING_API_SERVICE_TOKEN", "it-service-token-0123456789abcdef");
            env.put("BOOKING_OPERATOR_TOKEN", OPERATOR);
            env.put("RETELL_WEBHOOK_SECRET", "it-webhook-secret");
            assertThat(Files.isRegularFile(JAR)).as(JAR + " (packaged before integration tests)").isTrue();
            return new Stack(postgres, ServiceProcess.start("booking-api-restart-it", JAR, port, env,
                    "/q/health/ready", line -> { }));
        }

        @Override
        public void close() {
            booking.close();
            postgres.close();
        }
    }

    private static LocalDate nextWeekday() {
        LocalDate day = LocalDate.now(ZONE).plusDays(7);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    private String setPassword(String base, String token, String password) throws Exception {
        HttpResponse<String> response = send(formRequest(base, null, "/console/welcome",
                Map.of("token", token, "password", password, "confirm", password)), 303);
        return session(response);
    }

    private String signIn(String base, String email, String password) throws Exception {
        return session(send(formRequest(base, null, "/console/sign-in", Map.of("email", email, "password",
                password)), 303));
    }

    private String form(String base, String session, String path, Map<String, String> fields, int status)
            throws Exception {
        return send(formRequest(base, session, path, fields), status).body();
    }

    private String page(String base, String session, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", "dd_console=" + session), 200)
                .body();
    }

    private long call(String base, String key, String function, Map<String, ?> parameters, String idField)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("functionName", function);
        body.put("parameters", parameters);
        return JSON.readTree(send(api(base, key).uri(URI.create(base + "/api/booking"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), 200).body())
                .path("data").path(idField).asLong();
    }

    private static HttpRequest.Builder api(String base, String key) {
        return HttpRequest.newBuilder(URI.create(base)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json");
    }

    private static HttpRequest.Builder formRequest(String base, String session, String path,
            Map<String, String> fields) {
        String body = fields.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return session == null ? request : request.header("Cookie", "dd_console=" + session);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int status) throws IOException,
            InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.request().uri() + ": " + response.body()).isEqualTo(status);
        return response;
    }

    private static String session(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("dd_console="))
                .map(cookie -> cookie.substring("dd_console=".length(), cookie.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie from " + response.request().uri()));
    }

    private static String match(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        assertThat(matcher.find()).as("the page shows " + pattern).isTrue();
        return matcher.group(1);
    }
}
