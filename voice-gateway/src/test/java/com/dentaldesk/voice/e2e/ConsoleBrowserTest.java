package com.dentaldesk.voice.e2e;

import static com.dentaldesk.voice.e2e.DemoCalls.awaitCallLog;
import static com.dentaldesk.voice.e2e.DemoCalls.demo;
import static com.dentaldesk.voice.e2e.DemoCalls.greeted;
import static com.dentaldesk.voice.e2e.DemoCalls.jordanCalls;
import static com.dentaldesk.voice.e2e.DemoCalls.turn;
import static com.dentaldesk.voice.support.OpenAiStubs.sse;
import static com.dentaldesk.voice.support.OpenAiStubs.text;
import static com.dentaldesk.voice.support.OpenAiStubs.toolCall;
import static com.dentaldesk.voice.support.OpenAiStubs.whenCallerSays;
import static com.dentaldesk.voice.support.OpenAiStubs.whenToolReturns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.dentaldesk.contracts.retell.RetellCall;
import com.dentaldesk.simulator.RetellCallClient;
import com.dentaldesk.voice.support.OpenAiStubs;
import com.dentaldesk.voice.support.RealBookingApi;
import com.dentaldesk.voice.support.WireMockServers;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The clinic console in a real browser, on what real calls left behind: Jordan books a cleaning and, on a second
 * call, leaves a message, both through the gateway into the real booking-api; then the front desk signs in to
 * demo-dental, reads the call, closes the callback and finds the appointment on the schedule, and demo-ortho sees
 * none of it. Every page is saved as a screenshot (see {@link #SCREENSHOTS}).
 */
@QuarkusTest
@TestProfile(RealBookingProfile.class)
class ConsoleBrowserTest {

    /**
     * target/screenshots by default, so a plain {@code ./mvnw verify} leaves the work tree clean; the README's
     * pictures are refreshed with {@code -Dconsole.screenshots=../docs/screenshots} (relative to voice-gateway).
     */
    /** Jordan's first free 30 minutes with Dr. Patel two days from now (within any confirmation horizon). */
    private static long bookJordanInTwoDays() {
        LocalDate day = LocalDate.now(DemoCalls.DEMO_ZONE).plusDays(2);
        List<String> free = demo().body(Map.of("functionName", "GetAvailableSlots", "parameters", Map.of("dateStart",
                day.toString(), "dateEnd", day.plusDays(3).toString(), "ProvNum", 1, "lengthMinutes", 30)))
                .post(RealBookingApi.baseUrl + "/api/booking").then().statusCode(200).extract().jsonPath()
                .getList("data.DateTimeStart");
        return demo().body(Map.of("functionName", "CreateAppointment", "parameters", Map.of("PatNum", 1,
                "ProvNum", 1, "AptDateTime", free.get(free.size() - 1), "lengthMinutes", 30, "AptType", "Check-up")))
                .post(RealBookingApi.baseUrl + "/api/booking").then().statusCode(200).extract().jsonPath()
                .getLong("data.AptNum");
    }

    private static final Path SCREENSHOTS = Path.of(System.getProperty("console.screenshots", "target/screenshots"))
            .toAbsolutePath().normalize();
    private static final String MESSAGE_REASON = "Question about my last bill";
    /** Not the day the other end-to-end tests book for Jordan, so the tests never take each other's slots. */
    private static final String BOOKING_DAY = "next Wednesday";

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void browserInstalled() {
        HeadlessChromium.assumeInstalled();
    }

    @Test
    void shouldShowTheFrontDeskItsCallsLeadsAndBookAndNothingOfAnotherClinic() throws Exception {
        OpenAiStubs openai = new OpenAiStubs(WireMockServers.openai).reset();
        DemoCalls.scriptBooking(openai, BOOKING_DAY);
        openai.stub(whenCallerSays("call me back"), sse(toolCall("call_m1", "take_message",
                "{\"name\":\"Jordan Rivera\",\"reason\":\"" + MESSAGE_REASON + "\"}")));
        openai.stub(whenToolReturns("call_m1"), sse(text("I've passed that on; the team will call you back today. ")));

        RetellCall booking = jordanCalls();
        try (RetellCallClient call = greeted(root, booking)) {
            DemoCalls.bookACleaning(call, BOOKING_DAY);
        }
        RetellCall message = jordanCalls();
        try (RetellCallClient call = greeted(root, message)) {
            turn(call, "Could someone call me back about my bill?");
        }
        JsonPath log = awaitCallLog(booking.callId(), "booked");
        long appointmentId = log.getLong("data.appointmentId");
        JsonPath appointment = demo().get(RealBookingApi.baseUrl + "/api/appointments/" + appointmentId).then()
                .statusCode(200).extract().jsonPath();
        LocalDate bookedDay = LocalDate.parse(appointment.getString("data.AptDateTime").substring(0, 10));
        awaitCallLog(message.callId(), "message");

        // Chromium keeps Secure cookies for http://localhost only, not for a bare IP address.
        String console = RealBookingApi.baseUrl.replace("127.0.0.1", "localhost") + "/console";
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            WebDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

            browser.get(console + "/calls");
            assertTrue(browser.getCurrentUrl().endsWith("/console/sign-in"), "a visitor is sent to sign in");
            chromium.screenshot(SCREENSHOTS.resolve("sign-in.png"), HeadlessChromium.WIDTH);
            signIn(browser, wait, "owner@demo-dental.test", RealBookingApi.DEMO_OWNER_PASSWORD);

            // Calls: the booking call is listed as booked, the caller's number masked.
            WebElement bookingRow = rowLinkingTo(browser, booking.callId());
            assertTrue(bookingRow.getText().contains("Booked"), bookingRow.getText());
            assertTrue(bookingRow.getText().contains("•••• 0143"), bookingRow.getText());
            assertTrue(bookingRow.getText().contains("Jordan Rivera"), "who called: " + bookingRow.getText());
            assertFalse(browser.getPageSource().contains(RealBookingApi.JORDAN_PHONE), "numbers are masked");
            chromium.screenshot(SCREENSHOTS.resolve("calls.png"), HeadlessChromium.WIDTH);
            chromium.screenshot(SCREENSHOTS.resolve("calls-phone.png"), 390);
            new Select(browser.findElement(By.id("outcome"))).selectByVisibleText("Message taken");
            browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("outcome=message"));
            assertEquals(1, browser.findElements(By.cssSelector("a[href$='" + message.callId() + "']")).size());
            assertTrue(browser.findElements(By.cssSelector("a[href$='" + booking.callId() + "']")).isEmpty());

            // The booking call: transcript as a chat, tool calls with results, the appointment it made.
            browser.get(console + "/calls/" + booking.callId());
            String transcript = browser.findElement(By.id("transcript")).getText();
            assertTrue(transcript.contains("I need a cleaning " + BOOKING_DAY), transcript);
            // The confirmation question is the gateway's own, with the slot's day, time and dentist.
            assertTrue(transcript.contains("Shall I book ") && transcript.contains("with Dr. Patel for Jordan?"),
                    transcript);
            assertTrue(transcript.contains("Yes please"), transcript);
            String tools = browser.findElement(By.id("tool-calls")).getText();
            // Sentences a person reads; the raw JSON is folded under each.
            assertTrue(tools.contains("Searched ") && tools.contains("times offered"), tools);
            assertTrue(tools.contains("Booked ") && tools.contains("with Dr. Patel"), tools);
            String linked = browser.findElement(By.id("linked-appointment")).getText();
            assertTrue(linked.contains("Appointment #" + appointmentId), linked);
            assertTrue(linked.contains("Jordan Rivera") && linked.contains("Dr. Patel"), linked);
            chromium.screenshot(SCREENSHOTS.resolve("call.png"), HeadlessChromium.WIDTH);
            WebElement reveal = browser.findElement(By.cssSelector("details.reveal"));
            assertFalse(reveal.getText().contains(RealBookingApi.JORDAN_PHONE), "masked until asked");
            reveal.findElement(By.tagName("summary")).click();
            assertTrue(reveal.getText().contains(RealBookingApi.JORDAN_PHONE), reveal.getText());

            // The message call: the receptionist's last line, and the number to call back (masked until asked).
            browser.get(console + "/calls/" + message.callId());
            String messageTranscript = browser.findElement(By.id("transcript")).getText();
            assertTrue(messageTranscript.endsWith("the team will call you back today."), "the last line: "
                    + messageTranscript);
            WebElement callback = browser.findElement(By.id("callback-number"));
            assertTrue(callback.getText().contains("•••• 0143"), callback.getText());
            callback.findElement(By.tagName("summary")).click();
            assertTrue(callback.getText().contains(RealBookingApi.JORDAN_PHONE), callback.getText());

            // Leads: the message is an open callback until the front desk marks it done.
            WebElement leadsTab = browser.findElement(By.cssSelector("nav.tabs a[href='/console/leads']"));
            assertTrue(leadsTab.getText().matches("Leads \\d+"), "open callbacks counted: " + leadsTab.getText());
            leadsTab.click();
            WebElement lead = leadCard(browser, MESSAGE_REASON);
            chromium.screenshot(SCREENSHOTS.resolve("leads.png"), HeadlessChromium.WIDTH);
            lead.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                    "Marked as done"));
            assertFalse(browser.getPageSource().contains(MESSAGE_REASON), "gone from the open callbacks");
            browser.findElement(By.linkText("Done")).click();
            assertTrue(browser.getPageSource().contains(MESSAGE_REASON), "listed as done");

            // Schedule: the booked appointment on its day, in its room, next to free time.
            browser.get(console + "/schedule?day=" + bookedDay);
            String grid = browser.findElement(By.cssSelector("table.day-grid")).getText();
            assertTrue(grid.contains("Jordan Rivera"), grid);
            assertTrue(grid.contains("Free"), grid);
            chromium.screenshot(SCREENSHOTS.resolve("schedule.png"), HeadlessChromium.WIDTH);
            chromium.screenshot(SCREENSHOTS.resolve("schedule-phone.png"), 390);
            browser.findElement(By.linkText("Week view")).click();
            assertTrue(browser.findElement(By.cssSelector("table.week-grid")).getText().contains("Jordan Rivera"),
                    "the week shows the booked appointment");
            chromium.screenshot(SCREENSHOTS.resolve("week.png"), HeadlessChromium.WIDTH);
            browser.get(console + "/schedule?day=" + bookedDay);
            // The appointment opens from the grid; the patient did not come: a no-show frees the time.
            browser.findElement(By.cssSelector("a.apt")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("appointment-actions")));
            chromium.screenshot(SCREENSHOTS.resolve("appointment.png"), HeadlessChromium.WIDTH);
            browser.findElement(By.xpath("//button[normalize-space()='No-show']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                    "Marked as a no-show"));
            browser.get(console + "/schedule?day=" + bookedDay);
            assertFalse(browser.findElement(By.cssSelector("table.day-grid")).getText().contains("Jordan Rivera"),
                    "a no-show holds no time on the grid");

            // The front desk books from the calendar: a free time, the patient found by name, the API's rules.
            browser.findElement(By.cssSelector("a.book")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("book-form")));
            browser.findElement(By.id("q")).sendKeys("Rivera");
            browser.findElement(By.cssSelector("form[role=search] button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("book-form"), "Jordan Rivera"));
            browser.findElement(By.id("reason")).sendKeys("Check-up");
            chromium.screenshot(SCREENSHOTS.resolve("book.png"), HeadlessChromium.WIDTH);
            chromium.screenshot(SCREENSHOTS.resolve("book-phone.png"), 390);
            browser.findElement(By.cssSelector("#book-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Booked."));
            assertTrue(browser.getPageSource().contains("Jordan Rivera"));

            // On a phone: moved to the afternoon from the appointment's page, then cancelled, with the API's rules.
            browser.manage().window().setSize(new Dimension(390, 844));
            setValue(browser, By.id("move-time"), "15:00");
            browser.findElement(By.cssSelector("#move-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Moved."));
            assertTrue(browser.findElement(By.tagName("h1")).getText().contains("3:00 PM"),
                    browser.findElement(By.tagName("h1")).getText());
            browser.findElement(By.xpath("//button[normalize-space()='Cancel']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                    "Cancelled"));
            browser.manage().window().setSize(new Dimension(HeadlessChromium.WIDTH, HeadlessChromium.HEIGHT));

            // A new provider with weekly hours shows up on the Schedule; a holiday takes the day away again.
            browser.get(console + "/settings");
            browser.findElement(By.id("room-name")).sendKeys("Op 4");
            browser.findElement(By.cssSelector("form[action='/console/settings/rooms'] button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                    "Room added"));
            browser.findElement(By.id("provider-first")).sendKeys("Noor");
            browser.findElement(By.id("provider-last")).sendKeys("Haddad");
            browser.findElement(By.cssSelector("form[action='/console/settings/providers'] button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                    "Provider added"));
            new Select(browser.findElement(By.id("hours-provider"))).selectByVisibleText("Noor Haddad");
            new Select(browser.findElement(By.id("hours-room"))).selectByVisibleText("Op 4");
            browser.findElement(By.cssSelector("#hours button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                    "working days"));
            LocalDate holiday = LocalDate.now(java.time.ZoneId.of("America/New_York")).plusWeeks(3)
                    .with(java.time.DayOfWeek.WEDNESDAY);
            browser.get(console + "/schedule?day=" + holiday);
            assertTrue(browser.findElement(By.cssSelector("table.day-grid")).getText().contains("Dr. Haddad"),
                    "the new provider's hours are free time on the Schedule");
            browser.get(console + "/settings#closures");
            setValue(browser, By.id("closure-from"), holiday.toString());
            browser.findElement(By.id("closure-reason")).sendKeys("Staff training");
            browser.findElement(By.cssSelector("form[action='/console/settings/closures'] button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                    "Closed."));
            browser.get(console + "/schedule?day=" + holiday);
            assertTrue(browser.getPageSource().contains("Nobody is scheduled on this day"), "the holiday is closed");

            // Agents: the URLs for Retell; a Retell agent needs RETELL_API_KEY, a Twilio one is only recorded.
            browser.findElement(By.linkText("Agents")).click();
            assertTrue(browser.findElement(By.id("gateway-url")).getText().startsWith("wss://"));
            createAgent(browser, "Front desk", "Retell (set up automatically)");
            // The Retell stub here places calls but knows no agents: the page says what Retell answered.
            WebElement agentError = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("agent-error")));
            assertTrue(agentError.getText().contains("could not create the agent"), agentError.getText());
            createAgent(browser, "After-hours line", "Twilio (recorded only)");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agents"), "After-hours line"));
            chromium.screenshot(SCREENSHOTS.resolve("agents.png"), HeadlessChromium.WIDTH);

            browser.findElement(By.linkText("Settings")).click();
            assertEquals("Bright Smile Dental", browser.findElement(By.id("name")).getAttribute("value"));
            assertEquals("America/New_York", browser.findElement(By.id("timezone")).getAttribute("value"));
            chromium.screenshot(SCREENSHOTS.resolve("settings.png"), HeadlessChromium.WIDTH);

            // Confirmation calls: the owner turns them on; the coming visits are planned (and called, in hours).
            RealBookingApi.retellPlacesCalls();
            long visit = bookJordanInTwoDays();
            browser.findElement(By.linkText("Confirmations")).click();
            WebElement callsOn = browser.findElement(By.name("enabled"));
            if (!callsOn.isSelected()) {
                callsOn.click();
            }
            browser.findElement(By.id("hoursBefore")).clear();
            browser.findElement(By.id("hoursBefore")).sendKeys("72");
            browser.findElement(By.id("types")).clear();
            browser.findElement(By.cssSelector("form[action='/console/confirmations/settings'] button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Saved"));
            for (int attempt = 0; attempt < 50 && !browser.getPageSource().contains("/appointments/" + visit + "\""); attempt++) {
                Thread.sleep(200);
                browser.navigate().refresh();
            }
            assertTrue(browser.findElement(By.id("confirmations")).getText().contains("Jordan Rivera"),
                    "the visit in two days has its confirmation call");
            chromium.screenshot(SCREENSHOTS.resolve("confirmations.png"), HeadlessChromium.WIDTH);

            // Staff: the owner invites a colleague; the one-time link is shown once.
            browser.findElement(By.linkText("Staff")).click();
            browser.findElement(By.id("name")).sendKeys("Frankie Desk");
            browser.findElement(By.id("email")).sendKeys("frankie@bright-smile.test");
            browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
            String invitation = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("one-time-link")))
                    .getText();
            assertTrue(invitation.startsWith("https://booking.example.com/console/welcome?token="), invitation);
            chromium.screenshot(SCREENSHOTS.resolve("staff.png"), HeadlessChromium.WIDTH);
            signOut(browser, wait);

            // The colleague opens the link, chooses a password and works the front desk, without the owner's tabs.
            browser.get(console.replace("/console", "") + invitation.substring(invitation.indexOf("/console")));
            browser.findElement(By.id("password")).sendKeys("frankie's own password");
            browser.findElement(By.id("confirm")).sendKeys("frankie's own password");
            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("/console/calls"));
            assertTrue(browser.findElement(By.className("clinic")).getText().contains("Frankie Desk"));
            assertTrue(browser.findElements(By.linkText("Staff")).isEmpty(), "the front desk has no Staff tab");
            browser.get(console + "/keys");
            assertEquals("Only the owner can do this", browser.findElement(By.tagName("h1")).getText());
            browser.get(console + "/calls");
            signOut(browser, wait);

            // demo-ortho sees none of demo-dental's calls, callbacks or appointments, even by direct link.
            signIn(browser, wait, "owner@demo-ortho.test", RealBookingApi.DEMO_OWNER_PASSWORD);
            assertTrue(browser.findElement(By.className("clinic")).getText().contains("Pacific Ortho"));
            assertTrue(browser.findElements(By.cssSelector("a[href*='" + booking.callId() + "']")).isEmpty());
            browser.get(console + "/calls/" + booking.callId());
            assertEquals("Not found", browser.findElement(By.tagName("h1")).getText());
            assertFalse(browser.getPageSource().contains("I need a cleaning"), "no transcript of another clinic");
            browser.get(console + "/leads?status=done");
            assertFalse(browser.getPageSource().contains(MESSAGE_REASON));
            browser.get(console + "/schedule?day=" + bookedDay);
            assertFalse(browser.getPageSource().contains("Jordan Rivera"));
            browser.get(console + "/schedule/appointments/" + appointmentId);
            assertEquals("Not found", browser.findElement(By.tagName("h1")).getText());

            signOut(browser, wait);
            browser.get(console + "/schedule");
            assertTrue(browser.getCurrentUrl().endsWith("/console/sign-in"), "signed out: back to sign-in");
        }
    }

    private static void signIn(WebDriver browser, WebDriverWait wait, String email, String password) {
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/console/calls"));
    }

    /** Sets a date or time input as a person picks it (typing into them depends on the browser's locale). */
    private static void setValue(WebDriver browser, By field, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(field), value);
    }

    private static void signOut(WebDriver browser, WebDriverWait wait) {
        browser.findElement(By.cssSelector("form.sign-out button")).click();
        wait.until(ExpectedConditions.urlContains("/console/sign-in"));
        assertTrue(browser.getPageSource().contains("You are signed out"));
    }

    private static void createAgent(WebDriver browser, String name, String provider) {
        WebElement field = browser.findElement(By.id("name"));
        field.clear();
        field.sendKeys(name);
        new Select(browser.findElement(By.id("providerType"))).selectByVisibleText(provider);
        browser.findElement(By.cssSelector("#create-agent button[type=submit]")).click();
    }

    private static WebElement rowLinkingTo(WebDriver browser, String callId) {
        List<WebElement> rows = browser.findElements(By.xpath("//tr[.//a[contains(@href, '" + callId + "')]]"));
        assertEquals(1, rows.size(), "one row for call " + callId);
        return rows.get(0);
    }

    private static WebElement leadCard(WebDriver browser, String reason) {
        List<WebElement> cards = browser.findElements(By.xpath("//li[contains(@class, 'lead')][.//*[contains(., '"
                + reason + "')]]"));
        assertFalse(cards.isEmpty(), "an open callback about: " + reason);
        return cards.get(0);
    }
}
