package com.dentaldesk.booking;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dentaldesk.booking.staff.StaffRole;
import com.dentaldesk.booking.support.ClinicFixture;
import com.dentaldesk.booking.support.EmbeddedPostgresResource;
import com.dentaldesk.contracts.calls.LeadRequest;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * From an operator's "create this clinic" to a working team: the owner's setup link, invitations, roles, password
 * links, API keys made and revoked in the console, and the activity log that records it all.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class StaffAccountsTest {

    private static final String OPERATOR_TOKEN = "test-operator-token-0123456789abcdef";
    private static final String COOKIE = "dd_console";
    private static final Pattern LINK = Pattern.compile("id=\"one-time-link\">[^<]*(/console/welcome\\?token=[^<\"]+)<");
    private static final Pattern KEY = Pattern.compile("id=\"new-key\">(dk_[^<]+)<");

    @Inject
    EntityManager entityManager;

    @Inject
    MockMailbox mailbox;

    @BeforeEach
    void emptyMailbox() {
        mailbox.clear();
    }

    @Test
    void shouldOnboardAClinicWhoseOwnerSetsAPasswordThroughASingleUseLink() {
        String slug = "bright-" + UUID.randomUUID().toString().substring(0, 8);
        String setupLink = operator().body(newClinic(slug, "Bright Smile", "America/Chicago",
                "Owner@" + slug + ".test")).post("/api/operator/clinics").then().statusCode(201)
                .body("data.slug", equalTo(slug)).body("data.ownerEmail", equalTo("owner@" + slug + ".test"))
                .body("data.setupLink", startsWith("https://booking.test/console/welcome?token="))
                .body("data.setupLinkMailed", equalTo(true))
                .extract().jsonPath().getString("data.setupLink");
        List<Mail> mails = mailbox.getMailsSentTo("owner@" + slug + ".test");
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Set up DentalDesk for Bright Smile");
        assertThat(mails.get(0).getText()).contains(setupLink);
        String welcome = setupLink.substring("https://booking.test".length());

        given().get(welcome).then().statusCode(200).body(containsString("owner@" + slug + ".test"));
        setPassword(welcome, "short", "short").statusCode(422).body(containsString("at least 10 characters"));
        setPassword(welcome, "long enough words", "other words here").statusCode(422)
                .body(containsString("not the same"));
        String session = setPassword(welcome, "correct horse battery", "correct horse battery").statusCode(303)
                .header("Location", "/console/calls").extract().cookie(COOKIE);

        page(session).get("/console/calls").then().statusCode(200).body(containsString("Bright Smile"));
        page(session).get("/console/staff").then().statusCode(200).body(containsString("Owner"));
        // The link is spent: used once, it neither shows the form nor sets another password.
        given().get(welcome).then().statusCode(410).body(containsString("This link no longer works"));
        setPassword(welcome, "attacker password 1", "attacker password 1").statusCode(410);
        signIn("owner@" + slug + ".test", "correct horse battery");
    }

    @Test
    void shouldRefuseOperatorRoutesToAnyOtherCredentialAndExplainBadRequests() {
        ClinicFixture.Clinic clinic = fixture.create("America/New_York");
        String slug = "c-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> request = newClinic(slug, "Clinic", "America/New_York", "o@" + slug + ".test");
        clinic.api().body(request).post("/api/operator/clinics").then().statusCode(401);
        clinic.gateway().body(request).post("/api/operator/clinics").then().statusCode(401);
        given().contentType(ContentType.JSON).body(request).post("/api/operator/clinics").then().statusCode(401);

        operator().body(newClinic("Not A Slug", "Clinic", "America/New_York", "o@x.test"))
                .post("/api/operator/clinics").then().statusCode(422).body("error.missing", equalTo(List.of("slug")));
        operator().body(newClinic(slug, "Clinic", "Mars/Olympus", "o@x.test")).post("/api/operator/clinics").then()
                .statusCode(422).body("error.missing", equalTo(List.of("timeZone")));
        operator().body(Map.of("name", "Clinic")).post("/api/operator/clinics").then().statusCode(422)
                .body("error.message", containsString("slug, timeZone, ownerEmail, ownerName"));
        String first = operator().body(request).post("/api/operator/clinics").then().statusCode(201).extract()
                .jsonPath().getString("data.setupLink");
        // An owner who missed the link gets a new one from the operator; the first stops working.
        String again = operator().body(Map.of("ownerEmail", "o@" + slug + ".test"))
                .post("/api/operator/clinics/" + slug + "/setup-link").then().statusCode(200)
                .extract().jsonPath().getString("data.setupLink");
        assertThat(again).isNotEqualTo(first);
        given().get(first.substring("https://booking.test".length())).then().statusCode(410);
        given().get(again.substring("https://booking.test".length())).then().statusCode(200);
        operator().body(Map.of("ownerEmail", "nobody@" + slug + ".test"))
                .post("/api/operator/clinics/" + slug + "/setup-link").then().statusCode(404);
        clinic.api().body(Map.of("ownerEmail", "o@" + slug + ".test"))
                .post("/api/operator/clinics/" + slug + "/setup-link").then().statusCode(401);

        // A clinic from before staff accounts has no owner: the operator's link makes its first one.
        String first2 = operator().body(Map.of("ownerEmail", "first-owner@" + clinic.slug() + ".test", "ownerName",
                "Fran First")).post("/api/operator/clinics/" + clinic.slug() + "/setup-link").then().statusCode(200)
                .extract().jsonPath().getString("data.setupLink");
        String session = setPassword(first2.substring("https://booking.test".length()), "first owner password",
                "first owner password").statusCode(303).extract().cookie(COOKIE);
        page(session).get("/console/staff").then().statusCode(200).body(containsString("Fran First"));
        operator().body(Map.of("ownerEmail", "second-owner@" + clinic.slug() + ".test"))
                .post("/api/operator/clinics/" + clinic.slug() + "/setup-link").then().statusCode(404);
        operator().body(newClinic(slug, "Clinic", "America/New_York", "other@" + slug + ".test"))
                .post("/api/operator/clinics").then().statusCode(422).body("error.missing", equalTo(List.of("slug")));
    }

    @Test
    void shouldKeepTheFrontDeskOutOfTheOwnersPagesByLinkAndByForm() {
        ClinicFixture.Clinic clinic = fixture.create("America/New_York");
        String owner = signIn(fixture.person(clinic, StaffRole.OWNER));
        String invitation = invite(owner, "Frankie Desk", "frankie@" + clinic.slug() + ".test", "front_desk");
        String desk = setPassword(invitation, "front desk password", "front desk password").statusCode(303)
                .extract().cookie(COOKIE);

        page(desk).get("/console/calls").then().statusCode(200).body(not(containsString("href=\"/console/staff\"")));
        page(owner).get("/console/calls").then().statusCode(200).body(containsString("href=\"/console/staff\""));
        for (String path : List.of("/console/staff", "/console/keys", "/console/audit", "/console/agents")) {
            page(desk).get(path).then().statusCode(403).body(containsString("Only the owner can do this"));
        }
        page(desk).formParam("label", "sneaky").post("/console/keys").then().statusCode(403);
        page(desk).formParam("name", "Eve").formParam("email", "eve@" + clinic.slug() + ".test")
                .formParam("role", "owner").post("/console/staff").then().statusCode(403);
        page(owner).get("/console/keys").then().statusCode(200).body(not(containsString("sneaky")));
        page(owner).get("/console/staff").then().statusCode(200).body(not(containsString("eve@")));
        // The front desk still works the clinic's day.
        page(desk).get("/console/leads").then().statusCode(200);
        page(desk).get("/console/schedule").then().statusCode(200);
    }

    @Test
    void shouldEndAnOldPasswordWhenAPasswordLinkIsUsedAndRefuseADisabledPersonsLink() {
        ClinicFixture.Clinic clinic = fixture.create("America/New_York");
        String owner = signIn(fixture.person(clinic, StaffRole.OWNER));
        String email = "sam@" + clinic.slug() + ".test";
        setPassword(invite(owner, "Sam", email, "front_desk"), "first password 1", "first password 1")
                .statusCode(303);
        long sam = memberId(email);

        String reset = link(page(owner).post("/console/staff/" + sam + "/password-link").then().statusCode(200));
        String before = signIn(email, "first password 1");
        setPassword(reset, "second password 2", "second password 2").statusCode(303);
        signInForm(email, "first password 1").statusCode(401);
        // A new password ends the old password's sessions.
        page(before).get("/console/calls").then().statusCode(303).header("Location", "/console/sign-in");
        signIn(email, "second password 2");

        String samSession = signIn(email, "second password 2");
        String unused = link(page(owner).post("/console/staff/" + sam + "/password-link").then().statusCode(200));
        page(owner).formParam("active", "false").post("/console/staff/" + sam + "/active").then().statusCode(303);
        given().get(unused).then().statusCode(410);
        signInForm(email, "second password 2").statusCode(401);
        // Enabled again, Sam signs in afresh: the session from before the disabling stays ended.
        page(owner).formParam("active", "true").post("/console/staff/" + sam + "/active").then().statusCode(303);
        page(samSession).get("/console/calls").then().statusCode(303).header("Location", "/console/sign-in");
        signIn(email, "second password 2");
        // An owner cannot lock themselves out.
        long ownerId = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select m.id from StaffMember m where m.organizationId = ?1 and m.role = 'owner'", Long.class)
                .setParameter(1, clinic.id()).getSingleResult());
        page(owner).formParam("active", "false").post("/console/staff/" + ownerId + "/active").then()
                .statusCode(422).body(containsString("You cannot disable your own account."));
    }

    @Test
    void shouldMailAPasswordLinkToAnAccountThatAsksAndAnswerTheSameForAnAddressWithout() {
        ClinicFixture.Clinic clinic = fixture.create("America/New_York");
        ClinicFixture.Person desk = fixture.person(clinic, StaffRole.FRONT_DESK);
        given().get("/console/sign-in").then().body(containsString("href=\"/console/forgot-password\""));

        // A request naming another host still gets a link on the configured public URL, never on its own host.
        String known = given().header("Host", "evil.example").formParam("email", desk.email())
                .post("/console/forgot-password").then().statusCode(200).extract().asString();
        String nobody = "nobody@" + clinic.slug() + ".test";
        String unknown = given().formParam("email", nobody).post("/console/forgot-password").then().statusCode(200)
                .extract().asString();
        assertThat(known).contains("a link to choose a new password is on its way");
        assertThat(unknown.replace(nobody, "EMAIL")).as("no hint whether an account exists")
                .isEqualTo(known.replace(desk.email(), "EMAIL"));
        assertThat(mailbox.getMailsSentTo(nobody)).isNullOrEmpty();

        List<Mail> mails = mailbox.getMailsSentTo(desk.email());
        assertThat(mails).hasSize(1);
        Matcher link = Pattern.compile("(/console/welcome\\?token=\\S+)").matcher(mails.get(0).getText());
        assertThat(link.find()).isTrue();
        assertThat(mails.get(0).getText()).contains("https://booking.test/console/welcome?token=")
                .doesNotContain("evil.example");
        setPassword(link.group(1), "a brand new password", "a brand new password").statusCode(303);
        signInForm(desk.email(), desk.password()).statusCode(401);
        signIn(desk.email(), "a brand new password");
    }

    @Test
    void shouldMailAnInvitationAndSayItWasMailed() {
        ClinicFixture.Clinic clinic = fixture.create("America/New_York");
        String owner = signIn(fixture.person(clinic, StaffRole.OWNER));
        String email = "mia@" + clinic.slug() + ".test";
        String page = page(owner).formParam("name", "Mia").formParam("email", email).formParam("role", "front_desk")
                .post("/console/staff").then().statusCode(200).extract().asString();
        assertThat(page).contains("We emailed this link to " + email);
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("You are invited to Clinic " + clinic.slug() + " on DentalDesk");
        Matcher shown = LINK.matcher(page);
        assertThat(shown.find()).isTrue();
        assertThat(mails.get(0).getText()).contains(shown.group(1));
    }

    @Test
    void shouldRefuseAnExpiredInvitation() {
        ClinicFixture.Clinic clinic = fixture.create("America/New_York");
        String owner = signIn(fixture.person(clinic, StaffRole.OWNER));
        String invitation = invite(owner, "Late Larry", "larry@" + clinic.slug() + ".test", "front_desk");
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("update staff_links set"
                + " created_at = now() - interval '8 days', expires_at = now() - interval '1 day'"
                + " where staff_member_id = ?1").setParameter(1, memberId("larry@" + clinic.slug() + ".test"))
                .executeUpdate());
        given().get(invitation).then().statusCode(410);
        setPassword(invitation, "too late password", "too late password").statusCode(410);
    }

    @Test
    void shouldCreateAKeyShownOnceThatWorksUntilRevokedAndLogWhoDidWhat() {
        ClinicFixture.Clinic clinic = fixture.create("America/New_York");
        String owner = signIn(fixture.person(clinic, StaffRole.OWNER));
        String desk = setPassword(invite(owner, "Dana Desk", "dana@" + clinic.slug() + ".test", "front_desk"),
                "dana's password", "dana's password").extract().cookie(COOKIE);

        String created = page(owner).formParam("label", "Practice system").post("/console/keys").then()
                .statusCode(200).extract().asString();
        Matcher shown = KEY.matcher(created);
        assertThat(shown.find()).as("the new key is shown once").isTrue();
        String key = shown.group(1);
        api(key).get("/api/leads").then().statusCode(200);
        String listed = page(owner).get("/console/keys").then().statusCode(200)
                .body(containsString("Practice system")).extract().asString();
        assertThat(listed).doesNotContain(key);
        String row = listed.substring(listed.indexOf("Practice system"));
        assertThat(row.substring(0, row.indexOf("</tr>"))).as("its last use is shown").doesNotContain(">Never<");

        long keyId = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select k.id from ApiKey k where k.organizationId = ?1 and k.label = 'Practice system'", Long.class)
                .setParameter(1, clinic.id()).getSingleResult());
        page(owner).post("/console/keys/" + keyId + "/revoke").then().statusCode(303);
        api(key).get("/api/leads").then().statusCode(401);

        long lead = clinic.gateway().body(new LeadRequest("call-" + UUID.randomUUID(), "Pat", "212-555-0166",
                "Call me back")).post("/api/leads").then().statusCode(200).extract().jsonPath().getLong("data.id");
        page(desk).post("/console/leads/" + lead + "/done").then().statusCode(303);

        String activity = page(owner).get("/console/audit").then().statusCode(200).extract().asString();
        assertThat(activity).contains("Invited a colleague", "Dana Desk (Front desk)", "Created an API key",
                "Revoked an API key", "Marked a callback done", "Lead " + lead);
        assertThat(activity.indexOf("Marked a callback done")).as("newest first")
                .isLessThan(activity.indexOf("Created an API key"));
        // Another clinic's owner sees none of it.
        ClinicFixture.Clinic other = fixture.create("America/New_York");
        page(signIn(fixture.person(other, StaffRole.OWNER))).get("/console/audit")
                .then().statusCode(200).body(not(containsString("Dana Desk")));
    }

    @Inject
    ClinicFixture fixture;

    private static RequestSpecification operator() {
        return given().header("Authorization", "Bearer " + OPERATOR_TOKEN).contentType(ContentType.JSON);
    }

    private static RequestSpecification api(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    private static Map<String, String> newClinic(String slug, String name, String zone, String ownerEmail) {
        return Map.of("name", name, "slug", slug, "timeZone", zone, "ownerEmail", ownerEmail, "ownerName",
                "Olivia Owner");
    }

    private String invite(String ownerSession, String name, String email, String role) {
        return link(page(ownerSession).formParam("name", name).formParam("email", email).formParam("role", role)
                .post("/console/staff").then().statusCode(200));
    }

    /** The one-time link a page shows, as a path. */
    private static String link(ValidatableResponse page) {
        Matcher matcher = LINK.matcher(page.extract().asString());
        assertThat(matcher.find()).as("the page shows a one-time link").isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }

    private long memberId(String email) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select m.id from StaffMember m where m.email = ?1", Long.class).setParameter(1, email)
                .getSingleResult());
    }

    private static ValidatableResponse setPassword(String welcomePath, String password, String confirm) {
        String token = welcomePath.substring(welcomePath.indexOf("token=") + "token=".length());
        return given().redirects().follow(false).formParam("token", token).formParam("password", password)
                .formParam("confirm", confirm).post("/console/welcome").then();
    }

    private static ValidatableResponse signInForm(String email, String password) {
        return given().redirects().follow(false).formParam("email", email).formParam("password", password)
                .post("/console/sign-in").then();
    }

    private static String signIn(String email, String password) {
        return signInForm(email, password).statusCode(303).extract().cookie(COOKIE);
    }

    private static String signIn(ClinicFixture.Person person) {
        return signIn(person.email(), person.password());
    }

    private static RequestSpecification page(String session) {
        return given().redirects().follow(false).cookie(COOKIE, session);
    }
}
