package com.dentaldesk.booking.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;

import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.tenancy.TenantContext;

/**
 * The clinic's wall clock. The API speaks clinic-local {@code YYYY-MM-DD HH:mm:ss}; the database stores instants.
 * A local time skipped by a DST jump does not exist and is refused; a repeated one takes its first occurrence.
 */
@ApplicationScoped
public class ClinicTime {

    /** Dates outside these years are typos or probes, never a patient's birthday or an appointment. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2199;

    public static final DateTimeFormatter WALL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final TenantContext tenant;
    private final Clock clock;

    public ClinicTime(TenantContext tenant, Clock clock) {
        this.tenant = tenant;
        this.clock = clock;
    }

    public ZoneId zone() {
        return tenant.zone();
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    /** Parses {@code YYYY-MM-DD HH:mm[:ss]} (a {@code T} separator works too) as clinic wall time. */
    public Instant parseWallTime(String field, String value) {
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(value.trim().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw BookingException.invalid(field, field + " must be a clinic-local time as YYYY-MM-DD HH:mm:ss");
        }
        checkYear(field, local.toLocalDate());
        return toInstant(field, local);
    }

    /** The date, or a 422 when its year is outside {@link #FIRST_YEAR}..{@link #LAST_YEAR}. */
    public static LocalDate checkYear(String field, LocalDate date) {
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw BookingException.invalid(field, field + " must be between the years " + FIRST_YEAR + " and "
                    + LAST_YEAR);
        }
        return date;
    }

    public Instant toInstant(String field, LocalDateTime local) {
        if (zone().getRules().getValidOffsets(local).isEmpty()) {
            throw BookingException.invalid(field, local.format(WALL_TIME)
                    + " does not exist in " + zone() + " (the clocks jump forward then); choose another time");
        }
        return ZonedDateTime.ofLocal(local, zone(), null).toInstant();
    }

    /** Start of a schedule's wall-clock time; a time in a DST gap moves forward, as the clinic's clocks do. */
    public Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, zone()).toInstant();
    }

    public Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(zone()).toInstant();
    }

    public String format(Instant instant) {
        return WALL_TIME.format(instant.atZone(zone()));
    }

    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone()).toLocalDate();
    }
}
