package com.dentaldesk.voice.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.dentaldesk.localstack.LocalData;
import com.dentaldesk.localstack.LocalStack;
import com.dentaldesk.localstack.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real clinic on one machine, as its people use it: the stack ./run-local starts, on a kept data folder, without
 * the demo clinics. The operator creates the clinic; in Chromium the owner sets a password through the setup link,
 * makes an API key, invites the front desk (who sets theirs) and books a patient from the Schedule. Everything stops
 * and starts again on the same folder, and all of it is still there: both people sign in, the key works, the
 * appointment, the colleague and the activity log are kept.
 */
class ClinicSurvivesRestartIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final String OWNER_PASSWORD = "olivia's long password";
    private static final String DESK_PASSWORD = "frankie's long password";

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void browserInstalled() {
        HeadlessChromium.assumeInstalled();
    }

    @Test
    void shouldKeepTheClinicItsPeopleKeysAndBookAcrossARestart() throws Exception {
        // Under root PostgreSQL runs as nobody, who must be able to reach the folder.
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
        LocalDate day = nextWeekday();
        String key;
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            WebDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
            try (LocalStack.Running stack = start()) {
                String base = base(stack);
                JsonNode created = post(base + "/api/operator/clinics", stack.secrets().operatorToken(),
                        Map.of("name", "Lakeside Dental", "slug", "lakeside", "timeZone", ZONE.getId(),
                                "ownerEmail", "olivia@lakeside.test", "ownerName", "Olivia Owner"), 201);
                String setupToken = created.path("data").path("setupLink").asText().replaceFirst(".*token=", "");

                // The owner chooses a password through the setup link and is signed in.
                browser.get(base + "/console/welcome?token=" + setupToken);
                choosePassword(browser, wait, OWNER_PASSWORD);
                assertTrue(browser.findElement(By.className("clinic")).getText().contains("Lakeside Dental"));

                browser.get(base + "/console/keys");
                browser.findElement(By.id("label")).sendKeys("Practice system");
                browser.findElement(By.cssSelector("form[action='/console/keys'] button")).click();
                key = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-key"))).getText();

                browser.get(base + "/console/staff");
                browser.findElement(By.id("name")).sendKeys("Frankie Desk");
                browser.findElement(By.id("email")).sendKeys("frankie@lakeside.test");
                browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
                String invitation = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("one-time-link")))
                        .getText();

                // The practice system sets up the book through the key: a dentist, a room, hours, a patient.
                long provider = call(base, key, "CreateProvider", Map.of("FName", "Ana", "LName", "Lopez"), "ProvNum");
                long room = call(base, key, "CreateOperatory", Map.of("OpName", "Op 1", "IsActive", true),
                        "OperatoryNum");
                call(base, key, "CreateSchedule", Map.of("SchedDate", day.toString(), "StartTime", "08:00",
                        "StopTime", "12:00", "ProvNum", provider, "OpNum", room), "ScheduleNum");
                call(base, key, "CreatePatient", Map.of("FName", "Rene", "LName", "Rivers", "Birthdate",
                        "1985-04-02", "WirelessPhone", "+13125550188"), "PatNum");

                // The owner books Rene into a free time on the Schedule.
                browser.get(base + "/console/schedule?day=" + day);
                browser.findElement(By.cssSelector("a.book")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("book-form")));
                browser.findElement(By.id("q")).sendKeys("Rivers");
                browser.findElement(By.cssSelector("form[role=search] button")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("book-form"), "Rene Rivers"));
                browser.findElement(By.id("reason")).sendKeys("Check-up");
                browser.findElement(By.cssSelector("#book-form button[type=submit]")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                        "Booked."));
                signOut(browser, wait);

                // The colleague sets a password through the invitation.
                browser.get(base + invitation.substring(invitation.indexOf("/console")));
                choosePassword(browser, wait, DESK_PASSWORD);
                signOut(browser, wait);
            }

            try (LocalStack.Running stack = start()) {
                String base = base(stack);
                signIn(browser, wait, base, "olivia@lakeside.test", OWNER_PASSWORD);
                browser.get(base + "/console/schedule?day=" + day);
                assertTrue(browser.findElement(By.cssSelector("table.day-grid")).getText().contains("Rene Rivers"),
                        "the booking is kept");
                browser.get(base + "/console/staff");
                assertTrue(browser.getPageSource().contains("frankie@lakeside.test"), "the colleague is kept");
                browser.get(base + "/console/audit");
                String activity = browser.findElement(By.tagName("main")).getText();
                assertTrue(activity.contains("Created an API key") && activity.contains("Invited a colleague"),
                        activity);
                signOut(browser, wait);
                signIn(browser, wait, base, "frankie@lakeside.test", DESK_PASSWORD);
                assertTrue(browser.findElements(By.linkText("Staff")).isEmpty(), "the front desk, as before");

                JsonNode booked = post(base + "/api/booking", key, Map.of("functionName", "GetAppointments",
                        "parameters", Map.of("DateStart", day.toString(), "DateEnd", day.toString())), 200);
                assertEquals(1, booked.path("data").size(), booked.toString());
                assertEquals("Scheduled", booked.path("data").get(0).path("AptStatus").asText());
            }
        }
    }

    private LocalStack.Running start() throws Exception {
        return LocalStack.start(ROOT, new LocalData(work), false, false, ServiceProcess.freePort(),
                ServiceProcess.freePort(), line -> { });
    }

    /** Chromium keeps Secure cookies for http://localhost only, not for a bare IP address. */
    private static String base(LocalStack.Running stack) {
        return stack.bookingApi().baseUrl().replace("127.0.0.1", "localhost");
    }

    private static void choosePassword(WebDriver browser, WebDriverWait wait, String password) {
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("confirm")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/console/calls"));
    }

    private static void signIn(WebDriver browser, WebDriverWait wait, String base, String email, String password) {
        browser.get(base + "/console/sign-in");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/console/calls"));
    }

    private static void signOut(WebDriver browser, WebDriverWait wait) {
        browser.findElement(By.cssSelector("form.sign-out button")).click();
        wait.until(ExpectedConditions.urlContains("/console/sign-in"));
    }

    private long call(String base, String key, String function, Map<String, ?> parameters, String idField)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("functionName", function);
        body.put("parameters", parameters);
        return post(base + "/api/booking", key, body, 200).path("data").path(idField).asLong();
    }

    private JsonNode post(String url, String bearer, Map<String, ?> body, int status) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), url + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static LocalDate nextWeekday() {
        LocalDate day = LocalDate.now(ZONE).plusDays(7);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }
}
