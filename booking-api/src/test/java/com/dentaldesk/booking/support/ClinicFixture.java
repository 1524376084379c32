package com.dentaldesk.booking.support;

import static io.restassured.RestAssured.given;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.dentaldesk.booking.staff.StaffAccounts;
import com.dentaldesk.booking.staff.StaffRole;
import com.dentaldesk.booking.tenancy.ApiKeys;
import com.dentaldesk.booking.tenancy.Organization;
import com.dentaldesk.booking.tenancy.OrganizationChannel;
import com.dentaldesk.booking.tenancy.OrganizationRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Creates an isolated clinic per test (its own slug, key, people and rooms) and calls the API as it. */
@ApplicationScoped
public class ClinicFixture {

    public static final String SERVICE_TOKEN = "test-service-token-0123456789abcdef";

    private final OrganizationRepository organizations;
    private final ApiKeys apiKeys;
    private final StaffAccounts staff;

    public ClinicFixture(OrganizationRepository organizations, ApiKeys apiKeys, StaffAccounts staff) {
        this.organizations = organizations;
        this.apiKeys = apiKeys;
        this.staff = staff;
    }

    /** A console account's sign-in. */
    public record Person(String email, String password) {
    }

    /** A clinic handle for tests: call functions and REST endpoints with its key. */
    public record Clinic(long id, String slug, String apiKey, ZoneId zone) {

        public RequestSpecification api() {
            return given().header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
        }

        /** As the gateway calls: the service token acting for this clinic. */
        public RequestSpecification gateway() {
            return given().header("Authorization", "Bearer " + SERVICE_TOKEN).header("X-Clinic-Slug", slug)
                    .contentType(ContentType.JSON);
        }

        public ValidatableResponse call(String function, Map<String, ?> parameters) {
            return api().body(Map.of("functionName", function, "parameters", parameters)).post("/api/booking").then();
        }

        public ValidatableResponse call(String function, Map<String, ?> parameters, String idempotencyKey) {
            return api().header("Idempotency-Key", idempotencyKey)
                    .body(Map.of("functionName", function, "parameters", parameters)).post("/api/booking").then();
        }

        public long create(String function, Map<String, ?> parameters, String idField) {
            return call(function, parameters).statusCode(200).extract().jsonPath().getLong("data." + idField);
        }

        public long provider(String lastName) {
            return create("CreateProvider", Map.of("FName", "Test", "LName", lastName), "ProvNum");
        }

        public long room(String name, boolean active) {
            return create("CreateOperatory", Map.of("OpName", name, "IsActive", active), "OperatoryNum");
        }

        public long patient(String firstName, String phone) {
            return create("CreatePatient", Map.of("FName", firstName, "LName", "Tester", "Birthdate", "1990-01-15",
                    "WirelessPhone", phone), "PatNum");
        }

        public long schedule(LocalDate date, String start, String stop, long provNum, long opNum) {
            return create("CreateSchedule", Map.of("SchedDate", date.toString(), "StartTime", start, "StopTime", stop,
                    "ProvNum", provNum, "OpNum", opNum), "ScheduleNum");
        }

        public Map<String, Object> booking(long patNum, long provNum, String wallTime, int minutes) {
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("PatNum", patNum);
            parameters.put("ProvNum", provNum);
            parameters.put("AptDateTime", wallTime);
            parameters.put("lengthMinutes", minutes);
            return parameters;
        }

        /** A weekday at least a week ahead in the clinic's zone, so "now" never cuts into its slots. */
        public LocalDate futureWeekday(int weeksAhead) {
            LocalDate date = LocalDate.now(zone).plusWeeks(weeksAhead);
            while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                date = date.plusDays(1);
            }
            return date;
        }
    }

    public Clinic create(String timezone) {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 12);
        String key = ApiKeys.newKey();
        Organization clinic = QuarkusTransaction.requiringNew().call(() -> {
            Organization organization = new Organization();
            organization.slug = slug;
            organization.name = "Clinic " + slug;
            organization.timezone = timezone;
            organization.greeting = "Hello from " + slug;
            organizations.persist(organization);
            return organization;
        });
        apiKeys.register(clinic.id, "test", key);
        return new Clinic(clinic.id, slug, key, safeZone(timezone));
    }

    /** A person of this clinic with a password set, who can sign in to the console. */
    public Person person(Clinic clinic, StaffRole role) {
        String email = role.stored().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8) + "@"
                + clinic.slug() + ".test";
        String password = "pw-" + UUID.randomUUID();
        staff.ensure(clinic.id(), email, "Test " + role.label(), role, password);
        return new Person(email, password);
    }

    public void addChannel(Clinic clinic, String kind, String value) {
        QuarkusTransaction.requiringNew().run(() -> {
            OrganizationChannel channel = new OrganizationChannel();
            channel.organizationId = clinic.id();
            channel.kind = kind;
            channel.value = value;
            organizations.getEntityManager().persist(channel);
        });
    }

    private static ZoneId safeZone(String timezone) {
        try {
            return ZoneId.of(timezone);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
