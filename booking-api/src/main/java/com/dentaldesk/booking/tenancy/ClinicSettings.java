package com.dentaldesk.booking.tenancy;

import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.input.ControlCharacters;
import com.dentaldesk.booking.patients.PhoneNumbers;

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
    static final int MAX_FACT = 500;

    /** The editable profile; blank texts are stored as absent. */
    public record Settings(String name, String timezone, String greeting, String customInstructions,
            String businessRules, String transferNumber, String address, String parking, String payment) {
        /** Console forms are not JSON, so their control characters are dropped here (PostgreSQL refuses NUL). */
        public Settings {
            name = ControlCharacters.clean(name);
            timezone = ControlCharacters.clean(timezone);
            greeting = ControlCharacters.clean(greeting);
            customInstructions = ControlCharacters.clean(customInstructions);
            businessRules = ControlCharacters.clean(businessRules);
            transferNumber = ControlCharacters.clean(transferNumber);
            address = ControlCharacters.clean(address);
            parking = ControlCharacters.clean(parking);
            payment = ControlCharacters.clean(payment);
        }
    }

    private final OrganizationRepository organizations;
    private final ServiceClinics serviceClinics;
    private final TenantContext tenant;
    private final PhoneNumbers phoneNumbers;

    public ClinicSettings(OrganizationRepository organizations, ServiceClinics serviceClinics, TenantContext tenant,
            PhoneNumbers phoneNumbers) {
        this.organizations = organizations;
        this.serviceClinics = serviceClinics;
        this.tenant = tenant;
        this.phoneNumbers = phoneNumbers;
    }

    public Settings current() {
        Organization clinic = clinic();
        return new Settings(clinic.name, clinic.timezone, clinic.greeting, clinic.customInstructions,
                clinic.businessRules, clinic.transferNumber, clinic.address, clinic.parking, clinic.payment);
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
        String transfer = clean(settings.transferNumber());
        // The number callers are put through to when they ask for a person: blank means no transfers.
        String transferNumber = transfer == null ? null : phoneNumbers.normalize(transfer).orElseThrow(() ->
                BookingException.invalid("transferNumber", "\"" + transfer + "\" is not a phone number; write it"
                        + " with its area code, e.g. +1 312 555 0100"));
        String address = check("address", clean(settings.address()), MAX_FACT);
        String parking = check("parking", clean(settings.parking()), MAX_FACT);
        String payment = check("payment", clean(settings.payment()), MAX_TEXT);
        Organization clinic = clinic();
        clinic.name = name;
        clinic.timezone = timezone;
        clinic.greeting = greeting;
        clinic.customInstructions = instructions;
        clinic.businessRules = rules;
        clinic.transferNumber = transferNumber;
        clinic.address = address;
        clinic.parking = parking;
        clinic.payment = payment;
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
