package com.dentaldesk.booking.confirmations;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A clinic's confirmation-call settings; a clinic without a row has them off. */
@Entity
@Table(name = "confirmation_settings")
public class ConfirmationSettings {

    @Id
    @Column(name = "organization_id")
    public Long organizationId;

    public boolean enabled;

    @Column(name = "hours_before")
    public int hoursBefore = 24;

    @Column(name = "calling_from")
    public LocalTime callingFrom = LocalTime.of(9, 0);

    @Column(name = "calling_until")
    public LocalTime callingUntil = LocalTime.of(18, 0);

    /** Comma-separated three-letter days, e.g. {@code MON,TUE}. */
    @Column(name = "calling_days")
    public String callingDays = "MON,TUE,WED,THU,FRI";

    public int retries = 2;

    @Column(name = "retry_after_minutes")
    public int retryAfterMinutes = 120;

    @Column(name = "new_patients_only")
    public boolean newPatientsOnly;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "appointment_types")
    public String[] appointmentTypes = new String[0];

    @Column(name = "updated_at")
    public Instant updatedAt;

    public CallingWindow window(ZoneId zone) {
        return new CallingWindow(zone, callingFrom, callingUntil, days());
    }

    public Duration before() {
        return Duration.ofHours(hoursBefore);
    }

    public Duration retryAfter() {
        return Duration.ofMinutes(retryAfterMinutes);
    }

    public Set<DayOfWeek> days() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : callingDays.split(",")) {
            if (!day.isBlank()) {
                days.add(dayOf(day.trim()));
            }
        }
        return days;
    }

    public static String daysText(Set<DayOfWeek> days) {
        return days.stream().sorted().map(ConfirmationSettings::code).collect(Collectors.joining(","));
    }

    public static String code(DayOfWeek day) {
        return day.name().substring(0, 3);
    }

    public static DayOfWeek dayOf(String code) {
        String wanted = code.toUpperCase(Locale.ROOT);
        return Arrays.stream(DayOfWeek.values()).filter(day -> code(day).equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a day: " + code));
    }

    public List<String> types() {
        return new ArrayList<>(List.of(appointmentTypes));
    }
}
