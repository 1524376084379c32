package com.dentaldesk.booking.confirmations;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.retell.RetellConfig;
import com.dentaldesk.booking.tenancy.ClinicChannels;
import com.dentaldesk.booking.tenancy.OrganizationChannel;
import com.dentaldesk.booking.tenancy.TenantContext;

/** The current clinic's confirmation-call settings: read, changed with the console's and the API's rules. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ConfirmationSettingsStore {

    private final EntityManager entityManager;
    private final TenantContext tenant;
    private final ClinicChannels channels;
    private final RetellConfig retell;

    public ConfirmationSettingsStore(EntityManager entityManager, TenantContext tenant, ClinicChannels channels,
            RetellConfig retell) {
        this.entityManager = entityManager;
        this.tenant = tenant;
        this.channels = channels;
        this.retell = retell;
    }

    /** The current clinic's settings, or the defaults (off) when it has none. */
    public ConfirmationSettings current() {
        ConfirmationSettings settings = entityManager.find(ConfirmationSettings.class, tenant.organizationId());
        if (settings == null) {
            settings = new ConfirmationSettings();
            settings.organizationId = tenant.organizationId();
        }
        return settings;
    }

    /**
     * Changes the settings (fields left null keep their value); calls already planned are planned again under the
     * new ones. Turning calls on needs a phone number to call from.
     */
    public ConfirmationSettings update(ConfirmationSettingsView change, Instant now) {
        ConfirmationSettings settings = current();
        if (change.enabled() != null) {
            if (change.enabled()) {
                cannotCall().ifPresent(reason -> {
                    throw BookingException.invalid("enabled", reason);
                });
            }
            settings.enabled = change.enabled();
        }
        if (change.hoursBefore() != null) {
            settings.hoursBefore = within("hoursBefore", "Hours before the visit", change.hoursBefore(), 3, 168);
        }
        if (change.callingFrom() != null) {
            settings.callingFrom = time("callingFrom", "Calling from", change.callingFrom());
        }
        if (change.callingUntil() != null) {
            settings.callingUntil = time("callingUntil", "Calling until", change.callingUntil());
        }
        if (!settings.callingUntil.isAfter(settings.callingFrom)) {
            throw BookingException.invalid("callingUntil", "Calling hours must end after they start");
        }
        if (change.callingDays() != null) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String day : change.callingDays()) {
                try {
                    days.add(ConfirmationSettings.dayOf(day == null ? "" : day.trim()));
                } catch (IllegalArgumentException e) {
                    throw BookingException.invalid("callingDays", "Days are MON, TUE, WED, THU, FRI, SAT or SUN");
                }
            }
            if (days.isEmpty()) {
                throw BookingException.invalid("callingDays", "Choose at least one day to call on");
            }
            settings.callingDays = ConfirmationSettings.daysText(days);
        }
        if (change.retries() != null) {
            settings.retries = within("retries", "Tries again", change.retries(), 0, 5);
        }
        if (change.retryAfterMinutes() != null) {
            settings.retryAfterMinutes = within("retryAfterMinutes", "Minutes between tries", change.retryAfterMinutes(),
                    15, 1440);
        }
        if (change.newPatientsOnly() != null) {
            settings.newPatientsOnly = change.newPatientsOnly();
        }
        if (change.appointmentTypes() != null) {
            settings.appointmentTypes = change.appointmentTypes().stream().filter(Objects::nonNull)
                    .map(String::strip).filter(type -> !type.isEmpty()).distinct().limit(50)
                    .toArray(String[]::new);
        }
        settings.updatedAt = now;
        if (!entityManager.contains(settings)) {
            entityManager.persist(settings);
        }
        entityManager.createQuery("update ConfirmationCall set nextAttemptAt = null where status = :due")
                .setParameter("due", ConfirmationStatus.DUE).executeUpdate();
        return settings;
    }

    /** Why this clinic's calls could not be placed now (no number to call from, Retell not set up), if so. */
    public Optional<String> cannotCall() {
        if (retell.apiKey().isEmpty()) {
            return Optional.of("Outbound calls need Retell: RETELL_API_KEY is not set on this server");
        }
        return numberToCallFrom().isPresent() ? Optional.empty()
                : Optional.of("Connect a phone number to call from before turning confirmation calls on");
    }

    /** The clinic's number its calls go out from: the first it connected. */
    public Optional<String> numberToCallFrom() {
        return channels.ofClinic(tenant.organizationId()).stream()
                .filter(channel -> OrganizationChannel.PHONE_NUMBER.equals(channel.kind)).map(channel -> channel.value)
                .findFirst();
    }

    private static int within(String field, String label, int value, int min, int max) {
        if (value < min || value > max) {
            throw BookingException.invalid(field, label + " must be between " + min + " and " + max);
        }
        return value;
    }

    private static LocalTime time(String field, String label, String value) {
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw BookingException.invalid(field, label + " must be a time like 09:00");
        }
    }
}
