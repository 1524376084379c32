package com.dentaldesk.booking;

import static com.dentaldesk.booking.support.RetellEvents.newCallId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dentaldesk.booking.support.ClinicFixture;
import com.dentaldesk.booking.support.ClinicFixture.Clinic;
import com.dentaldesk.booking.support.ClinicFixture.Person;
import com.dentaldesk.booking.staff.StaffAccounts;
import com.dentaldesk.booking.staff.StaffRole;
import com.dentaldesk.booking.support.EmbeddedPostgresResource;
import com.dentaldesk.contracts.calls.CallOutcome;
import com.dentaldesk.contracts.calls.ConversationLog;
import com.dentaldesk.contracts.calls.LeadRequest;
import com.dentaldesk.contracts.calls.ToolCallRecord;
import com.dentaldesk.contracts.calls.TranscriptEntry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The clinic console's server side: sign-in, sessions, clinic isolation, and the pages' forms. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ConsoleTest {

    private static final String COOKIE = "dd_console";

    @Inject
    ClinicFixture fixture;

    @Inject
    StaffAccounts staff;

    @Inject
    EntityManager entityManager;

    Clinic mine;
    Clinic theirs;
    Person owner;

    @BeforeEach
    void twoClinics() {
        mine = fixture.create("America/New_York");
        theirs = fixture.create("America/Los_Angeles");
        owner = fixture.person(mine, StaffRole.OWNER);
    }

    @Test
    void shouldRefuseAWrongPasswordWithoutSayingWhetherTheAccountExists() {
        Person other = fixture.person(theirs, StaffRole.OWNER);
        String wrongPassword = signInForm(owner.email(), "not-the-password").statusCode(401)
                .header("Set-Cookie", emptyOrNullString()).extract().asString();
        String othersPassword = signInForm(owner.email(), other.password()).statusCode(401).extract().asString();
        String noAccount = signInForm("nobody@" + mine.slug() + ".test", owner.password()).statusCode(401)
                .extract().asString();
        String apiKey = signInForm(owner.email(), mine.apiKey()).statusCode(401).extract().asString();

        String refused = "That email and password do not match an active account";
        assertThat(List.of(wrongPassword, othersPassword, noAccount, apiKey))
                .allSatisfy(page -> assertThat(page).contains(refused));
    }

    @Test
    void shouldThrottleAnAccountsSignInAfterTwentyFailuresAndSayWhenToTryAgain() {
        for (int i = 0; i < 20; i++) {
            signInForm(owner.email(), "guess-" + i).statusCode(401);
        }
        // Even the right password waits now: the account's failures are spent.
        signInForm(owner.email(), owner.password()).statusCode(429).header("Retry-After", notNullValue())
                .header("Set-Cookie", emptyOrNullString())
                .body(containsString("Too many failed sign-ins. Try again in"));
        // Someone else signs in as usual.
        Person other = fixture.person(theirs, StaffRole.OWNER);
        signInForm(other.email(), other.password()).statusCode(303);
    }

    @Test
    void shouldSendVisitorsWithoutALiveSessionToSignIn() {
        for (String path : List.of("/console", "/console/calls", "/console/leads", "/console/schedule",
                "/console/agents", "/console/settings", "/console/calls/" + newCallId())) {
            given().redirects().follow(false).get(path).then().statusCode(303)
                    .header("Location", "/console/sign-in");
        }
        page("not-a-session").get("/console/calls").then().statusCode(303).header("Location", "/console/sign-in");
        long lead = lead(mine, newCallId(), "Nora");
        page(null).post("/console/leads/" + lead + "/done").then().statusCode(303);
        mine.api().get("/api/leads").then().body("data.find { it.id == " + lead + " }.status", equalTo("new"));
        given().get("/console/sign-in").then().statusCode(200).body(containsString("Sign in to your clinic"));
        given().get("/console/console.css").then().statusCode(200).contentType(startsWith("text/css"));
        // booking-api's own address, opened in a browser, leads to the console.
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/console"));
    }

    @Test
    void shouldShowOnlyTheSignedInClinicsCallsLeadsAndBook() {
        String myCall = newCallId();
        String theirCall = newCallId();
        conversation(mine, myCall, "I would like a cleaning");
        conversation(theirs, theirCall, "Their secret words");
        long theirLead = lead(theirs, theirCall, "Tess Theirs");
        String session = signIn(mine);

        page(session).get("/console/calls").then().statusCode(200)
                .body(allOf(containsString(myCall), not(containsString(theirCall))));
        page(session).get("/console/calls/" + myCall).then().statusCode(200)
                .body(allOf(containsString("I would like a cleaning"), containsString("find_slots"),
                        containsString("•••• 0143")));
        page(session).get("/console/calls/" + theirCall).then().statusCode(404)
                .header("Content-Type", startsWith("text/html"))
                .body(allOf(containsString("Not found"), not(containsString("Their secret words"))));
        page(session).get("/console/leads").then().statusCode(200).body(not(containsString("Tess Theirs")));
        page(session).post("/console/leads/" + theirLead + "/done").then().statusCode(404);
        theirs.api().get("/api/leads").then().body("data.find { it.id == " + theirLead + " }.status",
                equalTo("new"));

        long theirRoom = theirs.room("Their chair", true);
        page(session).formParam("active", "false").post("/console/settings/rooms/" + theirRoom).then()
                .statusCode(404);
        theirs.call("GetOperatory", Map.of("OperatoryNum", theirRoom)).body("data.IsActive", equalTo(true));
        page(session).get("/console/no-such-page").then().statusCode(404)
                .header("Content-Type", startsWith("text/html"));
    }

    @Test
    void shouldReadACallAtAGlanceWhoWhyWhatTheReceptionistDidAndTheNumberToCallBack() {
        String call = newCallId();
        Instant started = Instant.now().minus(10, ChronoUnit.MINUTES);
        mine.gateway().body(new ConversationLog(call, "agent_x", "+12125550143", "+12125550100", started,
                started.plusSeconds(95), List.of(new TranscriptEntry("agent", "Hello, how can I help?"),
                        new TranscriptEntry("user", "My crown came off")),
                List.of(new ToolCallRecord("t1", "find_slots", "{\"day\":\"Tuesday\"}",
                        "{\"status\":\"OPTIONS\",\"searched\":\"Tuesday, December 2\","
                                + "\"options\":[{\"option\":1},{\"option\":2},{\"option\":3}]}",
                        true, started.plusSeconds(30)),
                        new ToolCallRecord("t2", "take_message", "{}", "{\"status\":\"MESSAGE_TAKEN\"}", true,
                                started.plusSeconds(60))),
                CallOutcome.message, null, null)).put("/api/conversations/" + call).then().statusCode(200);
        lead(mine, call, "Lee Park");
        String session = signIn(mine);

        long open = mine.api().get("/api/leads").then().extract().jsonPath()
                .getList("data.findAll { it.status != 'done' }").size();
        page(session).get("/console/calls").then().statusCode(200)
                .body(allOf(containsString("Lee Park"), containsString("Call me back"), containsString("Message taken"),
                        containsString("aria-label=\"" + open + " open\"")));
        page(session).get("/console/calls/" + call).then().statusCode(200)
                .body(allOf(containsString("Searched Tuesday, December 2: 3 times offered"),
                        containsString("Took a message for a callback"), containsString("callback-number"),
                        containsString("•••• 0166")));
    }

    @Test
    void shouldFilterCallsByClinicDayAndOutcome() {
        String call = newCallId();
        conversation(mine, call, "Do you open on Saturdays?");
        LocalDate day = LocalDate.ofInstant(Instant.now().minus(10, ChronoUnit.MINUTES), mine.zone());
        String session = signIn(mine);

        page(session).get("/console/calls?day=" + day + "&outcome=abandoned").then().statusCode(200)
                .body(containsString(call)).body(containsString("Hung up early"));
        page(session).get("/console/calls?day=" + day.minusDays(1)).then().statusCode(200)
                .body(not(containsString(call)));
        page(session).get("/console/calls?day=" + day + "&outcome=booked").then().statusCode(200)
                .body(not(containsString(call)));
    }

    @Test
    void shouldMarkALeadDoneAndMoveItToTheDoneList() {
        long lead = lead(mine, newCallId(), "Dana Done");
        String session = signIn(mine);
        page(session).get("/console/leads").then().statusCode(200).body(containsString("Dana Done"));

        page(session).post("/console/leads/" + lead + "/done").then().statusCode(303)
                .header("Location", "/console/leads?marked=true");

        page(session).get("/console/leads?marked=true").then().statusCode(200)
                .body(allOf(containsString("Marked as done"), not(containsString("Dana Done"))));
        page(session).queryParam("status", "done").get("/console/leads").then().statusCode(200)
                .body(containsString("Dana Done"));
        mine.api().get("/api/leads").then().body("data.find { it.id == " + lead + " }.status", equalTo("done"));
    }

    @Test
    void shouldRefuseAnUnknownTimeZoneAndKeepTheSettings() {
        String session = signIn(mine);
        settingsForm(session, "Bright Teeth", "Mars/Olympus_Mons").statusCode(422)
                .body(allOf(containsString("is not a time zone"), containsString("aria-invalid=\"true\""),
                        containsString("Mars/Olympus_Mons")));
        page(session).get("/console/settings").then().body(containsString("America/New_York"));

        settingsForm(session, "Bright Teeth", "Europe/Lisbon").statusCode(303)
                .header("Location", "/console/settings?saved=true");
        page(session).get("/console/settings?saved=true").then().statusCode(200)
                .body(allOf(containsString("Settings saved"), containsString("value=\"Bright Teeth\""),
                        containsString("value=\"Europe/Lisbon\"")));
        settingsForm(session, " ", "Europe/Lisbon").statusCode(422)
                .body(containsString("Missing required fields: name"));
    }

    @Test
    void shouldOfferStaffTextOnALiveCallAndSayPlainlyWhenNoGatewayIsConfigured() {
        String live = newCallId();
        Instant started = Instant.now().minus(2, ChronoUnit.MINUTES);
        mine.gateway().body(new ConversationLog(live, "agent_x", "+12125550143", "+12125550100", started, null,
                List.of(new TranscriptEntry("user", "I need a cleaning")), List.of(), null, null, null))
                .put("/api/conversations/" + live).then().statusCode(200);
        String ended = newCallId();
        conversation(mine, ended, "Bye");
        String session = signIn(mine);

        page(session).get("/console/calls/" + live).then().statusCode(200).body(containsString("This call is live"));
        page(session).get("/console/calls/" + ended).then().statusCode(200)
                .body(not(containsString("This call is live")));
        // Tests run without gateways: the refusal names the setting to fix, and nothing pretends it was said.
        page(session).formParam("text", "Offer the 3 pm cancellation").formParam("mode", "instruct")
                .post("/console/calls/" + live + "/say").then().statusCode(503)
                .body(containsString("BOOKING_GATEWAY_URLS"));
        mine.api().body(Map.of("text", "Hello from the desk")).post("/api/calls/" + live + "/say").then()
                .statusCode(503);
        mine.api().body(Map.of("call_id", live, "text", "Hello")).post("/api/retell/send-text").then()
                .statusCode(503);
        mine.api().body(Map.of("text", " ")).post("/api/calls/" + live + "/say").then().statusCode(422);
        mine.api().body(Map.of("text", "Hi", "mode", "shout")).post("/api/calls/" + live + "/say").then()
                .statusCode(422).body("error.missing", equalTo(List.of("mode")));
        given().contentType(io.restassured.http.ContentType.JSON).body(Map.of("text", "Hi"))
                .post("/api/calls/" + live + "/say").then().statusCode(401);
    }

    @Test
    void shouldGiveCallsTheClinicsFactsAndServicesSavedInSettings() {
        String session = signIn(mine);
        page(session).formParam("name", "Bright Teeth").formParam("timezone", "America/New_York")
                .formParam("address", "12 Harbor Street").formParam("parking", "Behind the building")
                .formParam("payment", "Most PPO plans; cards").post("/console/settings").then().statusCode(303);
        page(session).formParam("name", "Cleaning").formParam("minutes", 60).post("/console/settings/services")
                .then().statusCode(303);
        page(session).formParam("name", "Emergency exam").formParam("minutes", 30)
                .post("/console/settings/services").then().statusCode(303);
        page(session).formParam("name", "cleaning").formParam("minutes", 45).post("/console/settings/services")
                .then().statusCode(422).body(containsString("is already listed"));
        page(session).formParam("name", "Implant").formParam("minutes", 2).post("/console/settings/services")
                .then().statusCode(422).body(containsString("10 to 240 minutes"));

        resolve("slug", mine.slug()).statusCode(200).body("data.facts.address", equalTo("12 Harbor Street"))
                .body("data.facts.parking", equalTo("Behind the building"))
                .body("data.facts.payment", equalTo("Most PPO plans; cards"))
                .body("data.facts.services.name", equalTo(List.of("Cleaning", "Emergency exam")))
                .body("data.facts.services.minutes", equalTo(List.of(60, 30)));
        resolve("slug", theirs.slug()).body("data.facts.services", org.hamcrest.Matchers.empty());

        // Opening hours come from the coming week's working hours, so they never disagree with the times offered.
        LocalDate tomorrow = LocalDate.now(mine.zone()).plusDays(1);
        mine.schedule(tomorrow, "08:00", "12:00", mine.provider("Hours"), mine.room("Op Hours", true));
        resolve("slug", mine.slug()).body("data.facts.openingHours", equalTo(List.of(
                tomorrow.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.US)
                        + " 8:00 AM to 12:00 PM")));

        java.util.regex.Matcher remove = java.util.regex.Pattern.compile("/console/settings/services/(\\d+)/remove")
                .matcher(page(session).get("/console/settings").then().extract().asString());
        assertThat(remove.find()).isTrue();
        page(signIn(theirs)).post(remove.group()).then().statusCode(404);
        page(session).post(remove.group()).then().statusCode(303);
        resolve("slug", mine.slug()).body("data.facts.services", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void shouldGiveCallsTheTransferNumberSavedInSettings() {
        String session = signIn(mine);
        settingsForm(session, "Bright Teeth", "America/New_York").statusCode(303);
        resolve("slug", mine.slug()).body("data.transferNumber", org.hamcrest.Matchers.nullValue());
        page(session).formParam("name", "Bright Teeth").formParam("timezone", "America/New_York")
                .formParam("transferNumber", "not a number").post("/console/settings").then().statusCode(422)
                .body(containsString("is not a phone number"));
        page(session).formParam("name", "Bright Teeth").formParam("timezone", "America/New_York")
                .formParam("transferNumber", "(312) 555-0100").post("/console/settings").then().statusCode(303);
        resolve("slug", mine.slug()).body("data.transferNumber", equalTo("+13125550100"));
        page(session).get("/console/settings").then().body(containsString("value=\"+13125550100\""));

        // The front desk edits the greeting, but where callers are put through stays the owner's.
        Person desk = fixture.person(mine, StaffRole.FRONT_DESK);
        String deskSession = signInForm(desk.email(), desk.password()).extract().cookie(COOKIE);
        page(deskSession).formParam("name", "Bright Teeth").formParam("timezone", "America/New_York")
                .formParam("greeting", "Hi from the desk").formParam("transferNumber", "+19005550199")
                .post("/console/settings").then().statusCode(303);
        resolve("slug", mine.slug()).body("data.transferNumber", equalTo("+13125550100"))
                .body("data.greeting", equalTo("Hi from the desk"));
        page(deskSession).get("/console/settings").then().body(containsString("Only the owner changes where callers"));
    }

    @Test
    void shouldRouteCallsOfAnAgentAndANumberTheOperatorConnectsUntilTheOwnerDisconnects() {
        String session = signIn(mine);
        String agentId = "agent_hand_" + System.nanoTime();
        connect(mine, "retell_agent", agentId).statusCode(201);
        connect(mine, "phone_number", "(312) 555-0199").statusCode(201).body("data.value", equalTo("+13125550199"));
        resolve("agent_id", agentId).statusCode(200).body("data.slug", equalTo(mine.slug()));
        resolve("to_number", "+13125550199").statusCode(200).body("data.slug", equalTo(mine.slug()));
        page(session).get("/console/agents").then().statusCode(200).body(containsString(agentId))
                .body(containsString("+13125550199"));

        // Owners cannot claim agents or numbers (that would route another clinic's callers to them).
        page(session).formParam("kind", "retell_agent").formParam("value", "agent_someone_elses")
                .post("/console/agents/connections").then().statusCode(404);
        mine.api().body(Map.of("kind", "retell_agent", "value", "agent_someone_elses"))
                .post("/api/operator/clinics/" + mine.slug() + "/channels").then().statusCode(401);
        resolve("agent_id", "agent_someone_elses").statusCode(404);
        connect(theirs, "retell_agent", agentId).statusCode(422).body("error.message",
                containsString("connected to another clinic"));
        connect(mine, "phone_number", "call me").statusCode(422).body("error.message",
                containsString("is not a phone number"));

        long channel = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select c.id from OrganizationChannel c where c.value = ?1", Long.class).setParameter(1, agentId)
                .getSingleResult());
        page(signIn(theirs)).post("/console/agents/connections/" + channel + "/remove").then().statusCode(404);
        resolve("agent_id", agentId).statusCode(200);
        page(session).post("/console/agents/connections/" + channel + "/remove").then().statusCode(303);
        resolve("agent_id", agentId).statusCode(404);
    }

    private static ValidatableResponse connect(Clinic clinic, String kind, String value) {
        return given().header("Authorization", "Bearer test-operator-token-0123456789abcdef")
                .contentType(io.restassured.http.ContentType.JSON).body(Map.of("kind", kind, "value", value))
                .post("/api/operator/clinics/" + clinic.slug() + "/channels").then();
    }

    private static ValidatableResponse resolve(String by, String value) {
        return given().header("Authorization", "Bearer " + ClinicFixture.SERVICE_TOKEN).queryParam(by, value)
                .get("/api/organizations/resolve").then();
    }

    @Test
    void shouldSaveFormsWithControlCharactersWithoutThem() {
        String session = signIn(mine);
        settingsForm(session, "Bright\u0000 Teeth\u0007", "Europe/Lisbon").statusCode(303);
        page(session).get("/console/settings").then().statusCode(200)
                .body(containsString("value=\"Bright Teeth\""));
        page(session).formParam("name", "Night\u0000 line").formParam("providerType", "twilio")
                .post("/console/agents").then().statusCode(303);
        signInForm(owner.email() + "\u0000", owner.password()).statusCode(303);
    }

    @Test
    void shouldSetUpRoomsProvidersAndWeeklyHoursThatCallersAreOfferedAllOrNothing() {
        String session = signIn(mine);
        page(session).formParam("name", "Op Lake").formParam("abbrev", "OL").post("/console/settings/rooms").then()
                .statusCode(303).header("Location", "/console/settings?added=room#rooms");
        page(session).formParam("firstName", "Ana").formParam("lastName", "Lopez").formParam("specialty", "Hygienist")
                .post("/console/settings/providers").then().statusCode(303);
        page(session).formParam("firstName", " ").formParam("lastName", "Nobody").post("/console/settings/providers")
                .then().statusCode(422).body(containsString("Missing required fields: FName"));
        long room = mine.call("GetOperatories", Map.of()).extract().jsonPath()
                .getLong("data.find { it.OpName == 'Op Lake' }.OperatoryNum");
        long provider = mine.call("GetProviders", Map.of()).extract().jsonPath()
                .getLong("data.find { it.LName == 'Lopez' }.ProvNum");

        LocalDate monday = LocalDate.now(mine.zone()).plusWeeks(1).with(java.time.DayOfWeek.MONDAY);
        page(session).formParam("provider", provider).formParam("room", room).formParam("days", "MONDAY")
                .formParam("days", "WEDNESDAY").formParam("start", "08:00").formParam("stop", "12:00")
                .formParam("from", monday.toString()).formParam("weeks", 2).post("/console/settings/hours").then()
                .statusCode(303).header("Location", "/console/settings?days=4#hours");
        mine.call("GetSchedules", Map.of("DateStart", monday.toString(), "DateEnd", monday.plusDays(13).toString(),
                "ProvNum", provider)).statusCode(200).body("data.SchedDate", equalTo(List.of(monday.toString(),
                        monday.plusDays(2).toString(), monday.plusDays(7).toString(), monday.plusDays(9).toString())));
        mine.call("GetAvailableSlots", Map.of("dateStart", monday.toString(), "dateEnd", monday.toString(),
                "ProvNum", provider)).body("data.DateTimeStart", org.hamcrest.Matchers.hasItem(monday + " 08:00:00"));

        // Friday is new, but the second Wednesday clashes: nothing is added, and the page says why.
        page(session).formParam("provider", provider).formParam("room", room).formParam("days", "WEDNESDAY")
                .formParam("days", "FRIDAY").formParam("start", "11:00").formParam("stop", "13:00")
                .formParam("from", monday.plusDays(4).toString()).formParam("weeks", 1)
                .post("/console/settings/hours").then().statusCode(422)
                .body(containsString("Overlaps schedule")).body(containsString(monday.plusDays(9).toString()));
        mine.call("GetSchedules", Map.of("DateStart", monday.plusDays(4).toString(), "ProvNum", provider))
                .body("data", org.hamcrest.Matchers.empty());
        page(session).formParam("provider", provider).formParam("room", room).formParam("start", "08:00")
                .formParam("stop", "12:00").formParam("from", monday.toString()).formParam("weeks", 1)
                .post("/console/settings/hours").then().statusCode(422)
                .body(containsString("Choose at least one weekday"));
        String activity = page(session).get("/console/audit").then().statusCode(200).extract().asString();
        assertThat(activity).contains("Added a room", "Added a provider", "Added working hours");
    }

    @Test
    void shouldBookAFreeTimeFromTheScheduleForAFoundOrNewPatientAndOfferNearbyTimesWhenItIsTaken() {
        long provider = mine.provider("Book");
        long room = mine.room("Op Book", true);
        long known = mine.patient("Kira", "212-555-0161");
        LocalDate day = mine.futureWeekday(1);
        mine.schedule(day, "08:00", "12:00", provider, room);
        String session = signIn(mine);

        String grid = page(session).queryParam("day", day.toString()).get("/console/schedule").then().statusCode(200)
                .extract().asString();
        String link = "/console/schedule/book?day=" + day + "&amp;time=08:00&amp;provider=" + provider
                + "&amp;room=" + room;
        assertThat(grid).as("a free time links to booking it").contains("href=\"" + link + "\"");
        page(session).queryParam("day", day.toString()).queryParam("time", "08:00").queryParam("provider", provider)
                .queryParam("room", room).queryParam("q", "Tester").get("/console/schedule/book").then()
                .statusCode(200).body(containsString("Kira Tester")).body(containsString("value=\"" + known + "\""))
                .body(not(containsString("212-555-0161")));

        String found = bookForm(session, day, "09:00", provider, room).formParam("patient", known)
                .formParam("reason", "Cleaning").post("/console/schedule/book").then().statusCode(303)
                .extract().header("Location");
        assertThat(found).endsWith("?done=booked");
        page(session).get(found).then().statusCode(200).body(containsString("Booked."))
                .body(containsString("Kira Tester"));

        bookForm(session, day, "10:00", provider, room).formParam("patient", "new").formParam("firstName", "Nina")
                .formParam("lastName", "Newman").formParam("birthdate", "1991-03-04").formParam("phone", "212-555-0162")
                .post("/console/schedule/book").then().statusCode(303);
        mine.call("GetAppointments", Map.of("DateStart", day.toString(), "DateEnd", day.toString())).statusCode(200)
                .body("data.size()", equalTo(2));

        // The same time again: the API's 409, with nearby free times to book instead.
        bookForm(session, day, "09:00", provider, room).formParam("patient", known).post("/console/schedule/book")
                .then().statusCode(409).body(containsString("Free nearby"))
                .body(containsString("/console/schedule/book?day=" + day + "&amp;time=09:30"))
                .body(containsString("checked"));
        bookForm(session, day, "09:00", provider, room).post("/console/schedule/book").then().statusCode(422)
                .body(containsString("Choose a patient, or enter a new one"));
        // Another clinic's patient is not found here.
        long theirs = this.theirs.patient("Tom", "212-555-0163");
        bookForm(session, day, "11:00", provider, room).formParam("patient", theirs).post("/console/schedule/book")
                .then().statusCode(404);
        assertThat(page(session).get("/console/audit").then().extract().asString()).contains("Booked an appointment");
    }

    @Test
    void shouldMoveAnAppointmentFromItsPageWithTheApisRulesAndOfferNearbyTimesWhenTaken() {
        long provider = mine.provider("Mover");
        long room = mine.room("Op Move", true);
        LocalDate day = mine.futureWeekday(1);
        mine.schedule(day, "08:00", "12:00", provider, room);
        long visit = mine.create("CreateAppointment", mine.booking(mine.patient("Mo", "212-555-0181"), provider,
                day + " 09:00:00", 30), "AptNum");
        mine.create("CreateAppointment", mine.booking(mine.patient("Other", "212-555-0182"), provider,
                day + " 10:00:00", 30), "AptNum");
        String session = signIn(mine);
        String page = "/console/schedule/appointments/" + visit;
        page(session).get(page).then().statusCode(200).body(containsString("value=\"" + day + "\""))
                .body(containsString("value=\"09:00\""));

        page(session).formParam("day", day.toString()).formParam("time", "10:00").formParam("provider", provider)
                .post(page + "/move").then().statusCode(409).body(containsString("Free nearby"))
                .body(containsString("Move to "));
        mine.api().get("/api/appointments/" + visit).then().body("data.AptDateTime", equalTo(day + " 09:00:00"));

        page(session).formParam("day", day.toString()).formParam("time", "11:00").formParam("provider", provider)
                .post(page + "/move").then().statusCode(303).header("Location", page + "?done=moved");
        mine.api().get("/api/appointments/" + visit).then().body("data.AptDateTime", equalTo(day + " 11:00:00"));
        page(session).get(page + "?done=moved").then().body(containsString("Moved."));
        page(session).formParam("day", "2020-01-06").formParam("time", "11:00").formParam("provider", provider)
                .post(page + "/move").then().statusCode(422);
        assertThat(page(session).get("/console/audit").then().extract().asString()).contains("Moved an appointment");
    }

    @Test
    void shouldCloseADaySoNoTimeIsOfferedOnItButNeverStrandABookedPatient() {
        long provider = mine.provider("Closer");
        long room = mine.room("Op Close", true);
        LocalDate holiday = LocalDate.now(mine.zone()).plusWeeks(2).with(java.time.DayOfWeek.MONDAY);
        LocalDate busy = holiday.plusDays(1);
        mine.schedule(holiday, "08:00", "12:00", provider, room);
        mine.schedule(busy, "08:00", "12:00", provider, room);
        mine.create("CreateAppointment", mine.booking(mine.patient("Cleo", "212-555-0191"), provider,
                busy + " 09:00:00", 30), "AptNum");
        String session = signIn(mine);

        page(session).formParam("from", holiday.toString()).formParam("reason", "Staff training")
                .post("/console/settings/closures").then().statusCode(303);
        page(session).get("/console/settings").then().body(containsString("Staff training"));
        resolve("slug", mine.slug()).body("data.facts.closedDays", org.hamcrest.Matchers.hasItem(
                holiday.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.US) + ", "
                        + holiday.format(java.time.format.DateTimeFormatter.ofPattern("MMMM d", java.util.Locale.US))
                        + " (Staff training)"));
        mine.call("GetSchedules", Map.of("DateStart", holiday.toString(), "ProvNum", provider))
                .body("data", org.hamcrest.Matchers.empty());
        mine.call("GetAvailableSlots", Map.of("dateStart", holiday.toString(), "dateEnd", holiday.toString()))
                .body("data", org.hamcrest.Matchers.empty());
        mine.call("CreateSchedule", Map.of("SchedDate", holiday.toString(), "StartTime", "08:00", "StopTime",
                "12:00", "ProvNum", provider, "OpNum", room)).statusCode(422)
                .body("error.message", containsString("closed on " + holiday));
        // Nor is anyone booked or moved onto it, whatever time is typed.
        long cleo = mine.call("GetAppointments", Map.of("DateStart", busy.toString(), "DateEnd", busy.toString()))
                .extract().jsonPath().getLong("data[0].AptNum");
        mine.call("CreateAppointment", mine.booking(mine.patient("Hal", "212-555-0192"), provider,
                holiday + " 09:00:00", 30)).statusCode(422).body("error.message", containsString("closed on " + holiday));
        mine.call("UpdateAppointment", Map.of("AptNum", cleo, "AptDateTime", holiday + " 10:00:00")).statusCode(422)
                .body("error.message", containsString("closed on " + holiday));
        // Weekly hours skip the closed day (Monday) and add the others.
        page(session).formParam("provider", provider).formParam("room", room).formParam("days", "MONDAY")
                .formParam("days", "WEDNESDAY").formParam("start", "13:00").formParam("stop", "16:00")
                .formParam("from", holiday.toString()).formParam("weeks", 1).post("/console/settings/hours").then()
                .statusCode(303).header("Location", "/console/settings?days=1#hours");

        page(session).formParam("from", busy.toString()).post("/console/settings/closures").then().statusCode(422)
                .body(containsString("There are appointments on " + busy));
        mine.call("GetSchedules", Map.of("DateStart", busy.toString(), "ProvNum", provider))
                .body("data", org.hamcrest.Matchers.hasSize(1));

        java.util.regex.Matcher reopen = java.util.regex.Pattern.compile("/console/settings/closures/(\\d+)/reopen")
                .matcher(page(session).get("/console/settings").then().extract().asString());
        assertThat(reopen.find()).isTrue();
        long closure = Long.parseLong(reopen.group(1));
        page(signIn(theirs)).post("/console/settings/closures/" + closure + "/reopen").then().statusCode(404);
        page(session).post("/console/settings/closures/" + closure + "/reopen").then().statusCode(303);
        mine.call("CreateSchedule", Map.of("SchedDate", holiday.toString(), "StartTime", "08:00", "StopTime",
                "12:00", "ProvNum", provider, "OpNum", room)).statusCode(200);
    }

    @Test
    void shouldShowTheWeekByProviderWithHoursAndAppointmentsOfThisClinicOnly() {
        long provider = mine.provider("Weekly");
        long room = mine.room("Op Week", true);
        LocalDate day = mine.futureWeekday(2);
        mine.schedule(day, "08:00", "12:00", provider, room);
        long visit = mine.create("CreateAppointment", mine.booking(mine.patient("Wendy", "212-555-0171"), provider,
                day + " 09:00:00", 30), "AptNum");
        long theirProvider = theirs.provider("Elsewhere");
        theirs.schedule(day, "08:00", "12:00", theirProvider, theirs.room("Their week op", true));
        String session = signIn(mine);

        String week = page(session).queryParam("start", day.toString()).get("/console/schedule/week").then()
                .statusCode(200).extract().asString();
        assertThat(week).contains("Week of " + com.dentaldesk.booking.console.Display.day(
                day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))));
        assertThat(week).contains("Dr. Weekly", "8:00 AM – 12:00 PM in Op Week", "Wendy Tester",
                "href=\"/console/schedule/appointments/" + visit + "\"", "href=\"/console/schedule?day=" + day + "\"");
        assertThat(week).doesNotContain("Elsewhere");
        page(session).queryParam("start", "next tuesday").get("/console/schedule/week").then().statusCode(200)
                .body(containsString("showing this week instead"));
    }

    private static RequestSpecification bookForm(String session, LocalDate day, String time, long provider,
            long room) {
        return page(session).formParam("day", day.toString()).formParam("time", time).formParam("provider", provider)
                .formParam("room", room).formParam("length", 30);
    }

    @Test
    void shouldRemoveAProvidersHoursOnADaySoNoTimeIsOfferedInThem() {
        long provider = mine.provider("Offday");
        long room = mine.room("Op Off", true);
        LocalDate day = mine.futureWeekday(1);
        long hours = mine.schedule(day, "13:00", "17:00", provider, room);
        String session = signIn(mine);
        String page = page(session).queryParam("day", day.toString()).get("/console/schedule").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("/console/schedule/hours/" + hours + "/remove");

        page(signIn(theirs)).post("/console/schedule/hours/" + hours + "/remove").then().statusCode(404);
        page(session).post("/console/schedule/hours/" + hours + "/remove").then().statusCode(303)
                .header("Location", "/console/schedule?day=" + day);
        mine.call("GetAvailableSlots", Map.of("dateStart", day.toString(), "dateEnd", day.toString(), "ProvNum",
                provider)).body("data", org.hamcrest.Matchers.empty());
    }

    @Test
    void shouldRenameARoomAndAProviderKeepingTheirBook() {
        long room = mine.room("Op Old", true);
        long provider = mine.provider("Oldname");
        String session = signIn(mine);
        page(session).formParam("name", "Op New").formParam("abbrev", "ON").post("/console/settings/rooms/" + room
                + "/edit").then().statusCode(303);
        page(session).formParam("firstName", "Ana").formParam("lastName", "Newname").formParam("specialty", "Hygienist")
                .post("/console/settings/providers/" + provider + "/edit").then().statusCode(303);
        page(session).formParam("firstName", "Ana").formParam("lastName", " ")
                .post("/console/settings/providers/" + provider + "/edit").then().statusCode(422)
                .body(containsString("lastName"));
        mine.call("GetOperatory", Map.of("OperatoryNum", room)).body("data.OpName", equalTo("Op New"))
                .body("data.Abbrev", equalTo("ON"));
        mine.call("GetProvider", Map.of("ProvNum", provider)).body("data.LName", equalTo("Newname"))
                .body("data.Specialty", equalTo("Hygienist"));
        page(signIn(theirs)).formParam("name", "Stolen").post("/console/settings/rooms/" + room + "/edit").then()
                .statusCode(404);
    }

    @Test
    void shouldDeactivateAndReactivateARoom() {
        long room = mine.room("Op 7", true);
        String session = signIn(mine);
        page(session).formParam("active", "false").post("/console/settings/rooms/" + room).then().statusCode(303);
        mine.call("GetOperatory", Map.of("OperatoryNum", room)).body("data.IsActive", equalTo(false));
        page(session).formParam("active", "true").post("/console/settings/rooms/" + room).then().statusCode(303);
        mine.call("GetOperatory", Map.of("OperatoryNum", room)).body("data.IsActive", equalTo(true));
    }

    @Test
    void shouldMarkANoShowFromTheAppointmentPageWithTheApisRulesAndFreeTheTime() {
        long provider = mine.provider("Marks");
        long room = mine.room("Op Marks", true);
        long patient = mine.patient("Nola", "212-555-0151");
        LocalDate day = mine.futureWeekday(1);
        mine.schedule(day, "08:00", "12:00", provider, room);
        long visit = mine.create("CreateAppointment", mine.booking(patient, provider, day + " 10:00:00", 30), "AptNum");
        long theirProvider = theirs.provider("Their");
        theirs.schedule(theirs.futureWeekday(1), "08:00", "12:00", theirProvider, theirs.room("Their op", true));
        long theirVisit = theirs.create("CreateAppointment", theirs.booking(theirs.patient("Tia", "212-555-0152"),
                theirProvider, theirs.futureWeekday(1) + " 10:00:00", 30), "AptNum");
        String session = signIn(mine);
        String page = "/console/schedule/appointments/" + visit;

        page(session).queryParam("day", day.toString()).get("/console/schedule").then().statusCode(200)
                .body(containsString("href=\"" + page + "\""));
        page(session).get(page).then().statusCode(200)
                .body(allOf(containsString("Nola Tester"), containsString("Mark completed"), containsString("No-show")));
        page(session).post(page + "/complete").then().statusCode(422)
                .body(containsString("An appointment cannot be completed before it begins"));
        page(session).post(page + "/no-show").then().statusCode(303).header("Location", page + "?done=no-show");
        page(session).get(page + "?done=no-show").then().statusCode(200)
                .body(allOf(containsString("Marked as a no-show"), containsString("Schedule again")));
        mine.api().get("/api/appointments/" + visit).then().body("data.AptStatus", equalTo("Broken"));
        mine.call("GetAvailableSlots", Map.of("dateStart", day.toString(), "dateEnd", day.toString(),
                "ProvNum", provider)).body("data.DateTimeStart", org.hamcrest.Matchers.hasItem(day + " 10:00:00"));
        page(session).post(page + "/schedule-again").then().statusCode(303);
        mine.api().get("/api/appointments/" + visit).then().body("data.AptStatus", equalTo("Scheduled"));

        page(session).get("/console/schedule/appointments/" + theirVisit).then().statusCode(404);
        page(session).post("/console/schedule/appointments/" + theirVisit + "/cancel").then().statusCode(404);
        theirs.api().get("/api/appointments/" + theirVisit).then().body("data.AptStatus", equalTo("Scheduled"));
        page(session).post(page + "/delete-everything").then().statusCode(404);
    }

    @Test
    void shouldShowTheBookedAppointmentAndFreeTimeOnTheDay() {
        long provider = mine.provider("Grid");
        long room = mine.room("Op Grid", true);
        long patient = mine.patient("Gina", "212-555-0150");
        LocalDate day = mine.futureWeekday(1);
        mine.schedule(day, "08:00", "12:00", provider, room);
        mine.create("CreateAppointment", mine.booking(patient, provider, day + " 09:00:00", 60), "AptNum");
        String session = signIn(mine);

        page(session).queryParam("day", day.toString()).get("/console/schedule").then().statusCode(200)
                .body(allOf(containsString("Op Grid"), containsString("Gina Tester"),
                        containsString("9:00 AM – 10:00 AM"), containsString("Free"), containsString("rowspan=\"4\"")));
        page(session).queryParam("day", "next tuesday").get("/console/schedule").then().statusCode(200)
                .body(containsString("The day must be a date"));
    }

    @Test
    void shouldShowAnAppointmentOnTheNightTheClocksGoBack() {
        // 01:30 EDT for an hour ends at 01:30 EST: counted on the wall clock its end is not after its start.
        long provider = mine.provider("Night");
        long room = mine.room("Op Night", true);
        long patient = mine.patient("Nora", "212-555-0151");
        Map<String, Object> booking = new java.util.HashMap<>(mine.booking(patient, provider, "2027-11-07 01:30:00", 60));
        booking.put("Op", room);
        mine.create("CreateAppointment", booking, "AptNum");
        String session = signIn(mine);

        page(session).queryParam("day", "2027-11-07").get("/console/schedule").then().statusCode(200)
                .body(allOf(containsString("Nora Tester"), containsString("1:30 AM – 1:30 AM"),
                        containsString("rowspan=\"4\"")));
    }

    @Test
    void shouldCreateAnAgentAndShowTheUrlsToPasteIntoRetell() {
        String session = signIn(mine);
        page(session).get("/console/agents").then().statusCode(200)
                .body(allOf(containsString("wss://gateway.test/llm-websocket/&lt;socket secret&gt;"),
                        not(containsString("test-socket-secret")),
                        containsString("https://booking.test/api/retell/webhook"), containsString("No agents yet")));
        page(session).formParam("name", "").formParam("providerType", "twilio").post("/console/agents").then()
                .statusCode(422).body(containsString("Missing required fields: name"));
        page(session).formParam("name", "Night line").formParam("providerType", "twilio").post("/console/agents")
                .then().statusCode(303).header("Location", "/console/agents?created=true");
        page(session).get("/console/agents").then().body(allOf(containsString("Night line"),
                containsString("Not provisioned")));
    }

    @Test
    void shouldEndTheSessionOnSignOutAndWhenTheAccountIsDisabled() {
        String session = signIn(mine);
        page(session).get("/console/calls").then().statusCode(200);
        page(session).post("/console/sign-out").then().statusCode(303)
                .header("Location", "/console/sign-in?signed-out=true")
                .header("Set-Cookie", allOf(containsString(COOKIE + "=;"), containsString("Max-Age=0")));
        page(session).get("/console/calls").then().statusCode(303).header("Location", "/console/sign-in");

        Person desk = fixture.person(mine, StaffRole.FRONT_DESK);
        String second = signInForm(desk.email(), desk.password()).statusCode(303).extract().cookie(COOKIE);
        page(second).get("/console/calls").then().statusCode(200);
        long deskId = staff.authenticate(desk.email(), desk.password()).orElseThrow().id;
        page(signIn(mine)).formParam("active", "false").post("/console/staff/" + deskId + "/active").then()
                .statusCode(303);
        page(second).get("/console/calls").then().statusCode(303).header("Location", "/console/sign-in");
        signInForm(desk.email(), desk.password()).statusCode(401);
    }

    @Test
    void shouldIssueAStrictHttpOnlyCookieAndRefuseCrossSiteForms() {
        signInForm(owner.email(), owner.password()).statusCode(303).header("Location", "/console/calls")
                .header("Set-Cookie", allOf(containsString("HttpOnly"), containsString("Secure"),
                        containsString("SameSite=Strict"), containsString("Path=/console")));
        given().redirects().follow(false).header("Origin", "https://evil.example")
                .formParam("email", owner.email()).formParam("password", owner.password()).post("/console/sign-in").then()
                .statusCode(403);
        long lead = lead(mine, newCallId(), "Olga");
        page(signIn(mine)).header("Origin", "https://evil.example").post("/console/leads/" + lead + "/done").then()
                .statusCode(403);
        mine.api().get("/api/leads").then().body("data.find { it.id == " + lead + " }.status", equalTo("new"));
        page(signIn(mine)).get("/console/calls").then().header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    private ValidatableResponse signInForm(String email, String password) {
        return given().redirects().follow(false).formParam("email", email).formParam("password", password)
                .post("/console/sign-in").then();
    }

    /** A session of the clinic's owner ({@code mine}'s is made before each test). */
    private String signIn(Clinic clinic) {
        Person person = clinic == mine ? owner : fixture.person(clinic, StaffRole.OWNER);
        return signInForm(person.email(), person.password()).statusCode(303).extract().cookie(COOKIE);
    }

    /** A console request with this session cookie (none when null); redirects are asserted, not followed. */
    private static RequestSpecification page(String session) {
        RequestSpecification request = given().redirects().follow(false);
        return session == null ? request : request.cookie(COOKIE, session);
    }

    private ValidatableResponse settingsForm(String session, String name, String timezone) {
        return page(session).formParam("name", name).formParam("timezone", timezone)
                .formParam("greeting", "Hello there").formParam("customInstructions", "")
                .formParam("businessRules", "Open weekdays").post("/console/settings").then();
    }

    /** The call log as the gateway writes it, acting for the clinic with the service token. */
    private static void conversation(Clinic clinic, String callId, String callerSays) {
        Instant started = Instant.now().minus(10, ChronoUnit.MINUTES);
        clinic.gateway().body(new ConversationLog(callId, "agent_x", "+12125550143", "+12125550100", started,
                started.plusSeconds(95), List.of(new TranscriptEntry("agent", "Hello, how can I help?"),
                        new TranscriptEntry("user", callerSays)),
                List.of(new ToolCallRecord("t1", "find_slots", "{\"day\":\"next Tuesday\"}", "{\"slots\":[]}", true,
                        started.plusSeconds(30))),
                CallOutcome.abandoned, null, null)).put("/api/conversations/" + callId).then().statusCode(200);
    }

    private static long lead(Clinic clinic, String callId, String name) {
        return clinic.gateway().body(new LeadRequest(callId, name, "212-555-0166", "Call me back"))
                .post("/api/leads").then().statusCode(200).extract().jsonPath().getLong("data.id");
    }
}
