package com.dentaldesk.booking.tenancy;

import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.input.ControlCharacters;

/**
 * The signed-in clinic's own profile: its name, time zone and what the receptionist says and follows. The gateway
 * reads it when a call opens (it caches profiles briefly), so a change applies to the next calls.
 */
@ApplicationScoped
@Transactional
public class ClinicSettings {

    static final int MAX_NAME = 120;
    static final int MAX_GREETING = 500;
    static final int MAX_TEXT = 4000;

    /** The editable profile; blank texts are stored as absent. */
    public record Settings(String name, String timezone, String greeting, String customInstructions,
            String businessRules) {
        /** Console forms are not JSON, so their control characters are dropped here (PostgreSQL refuses NUL). */
        public Settings {
            name = ControlCharacters.clean(name);
            timezone = ControlCharacters.clean(timezone);
            greeting = ControlCharacters.clean(greeting);
            customInstructions = ControlCharacters.clean(customInstructions);
            businessRules = ControlCharacters.clean(businessRules);
        }
    }

    private final OrganizationRepository organizations;
    private final ServiceClinics serviceClinics;
    private final TenantContext tenant;

    public ClinicSettings(OrganizationRepository organizations, ServiceClinics serviceClinics, TenantContext tenant) {
        this.organizations = organizations;
        this.serviceClinics = serviceClinics;
        this.tenant = tenant;
    }

    public Settings current() {
        Organization clinic = clinic();
        return new Settings(clinic.name, clinic.timezone, clinic.greeting, clinic.customInstructions,
                clinic.businessRules);
    }

    /** Replaces the profile; a bad value is a 422 naming its field, and nothing is changed. */
    public Settings update(Settings settings) {
        String name = clean(settings.name());
        if (name == null) {
            throw BookingException.missing(List.of("name"));
        }
        check("name", name, MAX_NAME);
        String timezone = clean(settings.timezone());
        if (timezone == null || !ZoneId.getAvailableZoneIds().contains(timezone)) {
            throw BookingException.invalid("timezone", "\"" + (timezone == null ? "" : timezone)
                    + "\" is not a time zone; use an IANA name such as America/New_York");
        }
        String greeting = check("greeting", clean(settings.greeting()), MAX_GREETING);
        String instructions = check("customInstructions", clean(settings.customInstructions()), MAX_TEXT);
        String rules = check("businessRules", clean(settings.businessRules()), MAX_TEXT);
        Organization clinic = clinic();
        clinic.name = name;
        clinic.timezone = timezone;
        clinic.greeting = greeting;
        clinic.customInstructions = instructions;
        clinic.businessRules = rules;
        // The gateway's requests name the clinic by slug; a new time zone must apply to them at once.
        serviceClinics.forgetAll();
        return current();
    }

    private Organization clinic() {
        return organizations.findById(tenant.organizationId());
    }

    private static String check(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw BookingException.invalid(field, "At most " + max + " characters (" + value.length() + " given)");
        }
        return value;
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
