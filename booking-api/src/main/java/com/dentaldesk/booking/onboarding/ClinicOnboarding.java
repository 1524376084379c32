package com.dentaldesk.booking.onboarding;

import static com.dentaldesk.booking.input.ControlCharacters.field;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.errors.UniqueValues;
import com.dentaldesk.booking.staff.StaffAccounts;
import com.dentaldesk.booking.staff.StaffAccounts.OneTimeLink;
import com.dentaldesk.booking.staff.StaffMember;
import com.dentaldesk.booking.staff.StaffRole;
import com.dentaldesk.booking.tenancy.Organization;
import com.dentaldesk.booking.tenancy.OrganizationRepository;

/**
 * Creates a clinic and its first owner, who receives a one-time setup link to choose a password. Everything after
 * that (rooms, providers, hours, staff, keys) is done by the owner in the console.
 */
@ApplicationScoped
@Transactional
public class ClinicOnboarding {

    static final int MAX_NAME = 120;

    /** What the operator sends. */
    public record NewClinic(String name, String slug, String timeZone, String ownerEmail, String ownerName) {
    }

    /** What the operator gets back: the setup link is shown here once and never stored; mailed too when mail is on. */
    public record CreatedClinic(String slug, String name, String timeZone, String ownerEmail, String setupLink,
            Instant setupLinkExpiresAt, boolean setupLinkMailed) {
    }

    /** A clinic and its owner's pending account, with the link's token. */
    public record Onboarded(Organization clinic, OneTimeLink setup) {
    }

    private final OrganizationRepository organizations;
    private final StaffAccounts staff;

    public ClinicOnboarding(OrganizationRepository organizations, StaffAccounts staff) {
        this.organizations = organizations;
        this.staff = staff;
    }

    /** A 422 naming the first wrong field, and nothing created, for a bad request. */
    public Onboarded create(NewClinic request) {
        if (request == null) {
            throw BookingException.missing(List.of("name", "slug", "timeZone", "ownerEmail", "ownerName"));
        }
        String name = field(request.name());
        String slug = field(request.slug());
        String zone = field(request.timeZone());
        List<String> missing = new ArrayList<>();
        for (String[] field : new String[][] {{"name", name}, {"slug", slug}, {"timeZone", zone},
                {"ownerEmail", field(request.ownerEmail())}, {"ownerName", field(request.ownerName())}}) {
            if (field[1].isEmpty()) {
                missing.add(field[0]);
            }
        }
        if (!missing.isEmpty()) {
            throw BookingException.missing(missing);
        }
        if (name.length() > MAX_NAME) {
            throw BookingException.invalid("name", "Use at most " + MAX_NAME + " characters for the clinic's name.");
        }
        if (!slug.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw BookingException.invalid("slug", "A slug is 2 to 63 lowercase letters, digits and dashes, starting"
                    + " with a letter or digit (it appears in the clinic's links), e.g. bright-smile.");
        }
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            throw BookingException.invalid("timeZone", "\"" + zone + "\" is not a time zone; use an IANA name such"
                    + " as America/New_York");
        }
        if (organizations.findBySlug(slug).isPresent()) {
            throw BookingException.invalid("slug", "Another clinic already uses the slug " + slug + ".");
        }
        Organization clinic = new Organization();
        clinic.name = name;
        clinic.slug = slug;
        clinic.timezone = zone;
        UniqueValues.insertOrRefuse(organizations.getEntityManager(), () -> organizations.persist(clinic),
                () -> BookingException.invalid("slug", "Another clinic already uses the slug " + slug + "."));
        OneTimeLink setup = staff.createOwner(clinic.id, request.ownerEmail(), request.ownerName());
        return new Onboarded(clinic, setup);
    }

    /** The clinic with this slug; a 404 otherwise. */
    public Organization clinic(String slug) {
        return organizations.findBySlug(field(slug)).orElseThrow(() -> BookingException.notFound("Clinic " + slug));
    }

    /**
     * A new setup link for one of the clinic's owners. A clinic with no owner yet (one created before staff accounts
     * existed) gets this person as its first owner; anyone else (not an owner, another clinic's) is a 404.
     */
    public Onboarded newSetupLink(String slug, String ownerEmail, String ownerName) {
        Organization clinic = clinic(slug);
        List<StaffMember> members = staff.ofClinic(clinic.id);
        if (members.stream().noneMatch(member -> member.staffRole() == StaffRole.OWNER)) {
            String name = field(ownerName).isEmpty() ? "Owner" : field(ownerName);
            return new Onboarded(clinic, staff.createOwner(clinic.id, ownerEmail, name));
        }
        StaffMember owner = members.stream()
                .filter(member -> member.email.equals(field(ownerEmail).toLowerCase(java.util.Locale.ROOT))
                        && member.staffRole() == StaffRole.OWNER)
                .findFirst().orElseThrow(() -> BookingException.notFound("Owner " + field(ownerEmail) + " of " + slug));
        return new Onboarded(clinic, staff.setupLink(owner));
    }

}
