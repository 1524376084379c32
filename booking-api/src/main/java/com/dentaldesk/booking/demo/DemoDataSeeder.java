package com.dentaldesk.booking.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.dentaldesk.booking.config.BookingConfig;
import com.dentaldesk.booking.crypto.RandomTokens;
import com.dentaldesk.booking.functions.FunctionExecutor;
import com.dentaldesk.booking.services.ClinicServices;
import com.dentaldesk.booking.staff.StaffAccounts;
import com.dentaldesk.booking.staff.StaffRole;
import com.dentaldesk.booking.tenancy.ApiKeys;
import com.dentaldesk.booking.tenancy.Organization;
import com.dentaldesk.booking.tenancy.OrganizationChannel;
import com.dentaldesk.booking.tenancy.OrganizationRepository;
import com.dentaldesk.booking.tenancy.TenantContext;
import com.dentaldesk.booking.time.ClinicTime;
import com.dentaldesk.contracts.booking.BookingFunction;
import com.dentaldesk.contracts.booking.Patient;
import com.dentaldesk.contracts.booking.Provider;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Seeds two demo clinics for the local run only ({@code booking.demo.enabled}, on in the {@code local} profile):
 * demo-dental in New York and demo-ortho in Los Angeles, so tenancy can be tried with two keys. Re-running is
 * safe: existing clinics are kept and only missing schedules are added.
 */
public class DemoDataSeeder {

    private static final Logger LOG = Logger.getLogger(DemoDataSeeder.class);

    record DemoClinic(String slug, String name, String timezone, String agentId, String phone, String transfer,
            List<DemoProvider> providers, List<DemoRoom> rooms, List<DemoPatient> patients) {
    }

    record DemoProvider(String firstName, String lastName, String abbr, String specialty) {
    }

    record DemoRoom(String name, String abbrev, boolean active, String tags) {
    }

    /** Fictional people with 555 numbers. */
    record DemoPatient(String firstName, String lastName, String birthdate, String phone) {
    }

    static final List<DemoClinic> CLINICS = List.of(
            new DemoClinic("demo-dental", "Bright Smile Dental", "America/New_York", "agent_demo_dental",
                    "+12125550100", "+12125550199",
                    List.of(new DemoProvider("Maya", "Patel", "DDS", "General dentistry"),
                            new DemoProvider("Sam", "Lee", "RDH", "Hygienist")),
                    List.of(new DemoRoom("Op 1", "OP1", true, "General"),
                            new DemoRoom("Hygiene 1", "HYG1", true, "Hygiene"),
                            new DemoRoom("Op 3", "OP3", false, "General")),
                    List.of(new DemoPatient("Jordan", "Rivera", "1988-04-12", "(212) 555-0143"),
                            new DemoPatient("Alex", "Chen", "1975-09-30", "+1 212 555 0178"))),
            new DemoClinic("demo-ortho", "Pacific Ortho", "America/Los_Angeles", "agent_demo_ortho", "+14155550100",
                    null,
                    List.of(new DemoProvider("Elena", "Garcia", "DDS", "Orthodontics")),
                    List.of(new DemoRoom("Ortho Chair A", "OA", true, "Ortho"),
                            new DemoRoom("Ortho Chair B", "OB", false, "Ortho")),
                    List.of(new DemoPatient("Riley", "Morgan", "2010-02-03", "415-555-0111"))));

    private final BookingConfig config;
    private final OrganizationRepository organizations;
    private final ApiKeys apiKeys;
    private final StaffAccounts staff;
    private final ClinicServices services;
    private final TenantContext tenant;
    private final FunctionExecutor functions;
    private final ClinicTime clinicTime;

    public DemoDataSeeder(BookingConfig config, OrganizationRepository organizations, ApiKeys apiKeys,
            StaffAccounts staff, ClinicServices services, TenantContext tenant, FunctionExecutor functions,
            ClinicTime clinicTime) {
        this.services = services;
        this.config = config;
        this.organizations = organizations;
        this.apiKeys = apiKeys;
        this.staff = staff;
        this.tenant = tenant;
        this.functions = functions;
        this.clinicTime = clinicTime;
    }

    @ActivateRequestContext
    void seed(@Observes StartupEvent event) {
        if (!config.demo().enabled()) {
            return;
        }
        Optional<String> configuredPassword = config.demo().ownerPassword().filter(p -> !p.isBlank());
        String password = configuredPassword.orElseGet(RandomTokens::random256);
        seedClinic(CLINICS.get(0), config.demo().dentalApiKey(), password);
        seedClinic(CLINICS.get(1), config.demo().orthoApiKey(), password);
        if (configuredPassword.isEmpty()) {
            // Local demo only (never seeded in production): the console's demo sign-in.
            System.out.printf("%n  Demo owners' console password: %s%n%n", password);
        }
    }

    /** The demo owner's sign-in email: owner@demo-dental.test. */
    public static String ownerEmail(String slug) {
        return "owner@" + slug + ".test";
    }

    private void seedClinic(DemoClinic demo, Optional<String> configuredKey, String ownerPassword) {
        Optional<Organization> existing = QuarkusTransaction.requiringNew().call(() -> organizations.findBySlug(demo.slug()));
        Organization clinic = existing.orElseGet(() -> QuarkusTransaction.requiringNew().call(() -> create(demo)));
        tenant.actFor(clinic);
        if (existing.isEmpty()) {
            seedBook(demo);
        }
        // Keeps the demo book usable on every start: schedules for the next 30 days.
        functions.execute(BookingFunction.CreateDefaultSchedules, Map.of(), null, null);
        String key = configuredKey.filter(k -> !k.isBlank()).orElseGet(ApiKeys::newKey);
        apiKeys.register(clinic.id, "demo", key);
        // Kept databases (./run-local) live on: a demo key replaced in the secrets file stops working at once.
        apiKeys.revokeOthers(clinic.id, "demo", key);
        if (configuredKey.filter(k -> !k.isBlank()).isEmpty()) {
            // Local demo only (never seeded in production): the operator needs this key to try the API.
            System.out.printf("%n  Demo clinic %s API key: %s%n%n", demo.slug(), key);
        }
        staff.ensure(clinic.id, ownerEmail(demo.slug()), "Demo Owner", StaffRole.OWNER, ownerPassword);
        LOG.infof("Demo clinic %s ready", demo.slug());
    }

    private Organization create(DemoClinic demo) {
        Organization clinic = new Organization();
        clinic.slug = demo.slug();
        clinic.name = demo.name();
        clinic.timezone = demo.timezone();
        clinic.greeting = "Thanks for calling " + demo.name() + ", this is Ava. How can I help you today?";
        clinic.customInstructions = "New patients are welcome. Cleanings take 60 minutes, check-ups 30.";
        clinic.businessRules = "Open Monday to Friday, 8am to 5pm. Emergencies: offer the earliest slot today.";
        clinic.transferNumber = demo.transfer();
        clinic.address = "Demo address: 100 Main Street, Springfield";
        clinic.parking = "Free parking behind the building";
        clinic.payment = "Most PPO plans; cash and cards. Payment is due at the visit.";
        organizations.persist(clinic);
        for (String[] channel : new String[][] {{OrganizationChannel.RETELL_AGENT, demo.agentId()},
                {OrganizationChannel.PHONE_NUMBER, demo.phone()}}) {
            OrganizationChannel row = new OrganizationChannel();
            row.organizationId = clinic.id;
            row.kind = channel[0];
            row.value = channel[1];
            organizations.getEntityManager().persist(row);
        }
        return clinic;
    }

    private void seedBook(DemoClinic demo) {
        List<Provider> providers = demo.providers().stream().map(p -> (Provider) functions.execute(
                BookingFunction.CreateProvider, Map.of("FName", p.firstName(), "LName", p.lastName(), "Abbr",
                        p.abbr(), "Specialty", p.specialty()),
                null, null)).toList();
        demo.rooms().forEach(r -> functions.execute(BookingFunction.CreateOperatory,
                Map.of("OpName", r.name(), "Abbrev", r.abbrev(), "IsActive", r.active(), "Tags", r.tags()), null, null));
        List<Patient> patients = demo.patients().stream().map(p -> (Patient) functions.execute(
                BookingFunction.CreatePatient, Map.of("FName", p.firstName(), "LName", p.lastName(),
                        "Birthdate", p.birthdate(), "WirelessPhone", p.phone()), null, null)).toList();
        functions.execute(BookingFunction.CreateDefaultSchedules, Map.of(), null, null);
        services.add("Cleaning", 60);
        services.add("Check-up", 30);
        services.add("Emergency exam", 30);
        // Two booked appointments next week, so the book is not empty.
        LocalDate nextMonday = clinicTime.today().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        for (int i = 0; i < patients.size() && i < 2; i++) {
            LocalDateTime at = LocalDateTime.of(nextMonday.plusDays(i), LocalTime.of(9 + i, 0));
            functions.execute(BookingFunction.CreateAppointment, Map.of("PatNum", patients.get(i).patNum(),
                    "ProvNum", providers.get(0).provNum(), "AptDateTime", at.format(ClinicTime.WALL_TIME),
                    "lengthMinutes", 60, "AptType", "Cleaning"), null, null);
        }
    }
}
