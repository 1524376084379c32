package com.dentaldesk.booking.schedules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.time.ClinicTime;

/**
 * When the clinic is open, as callers ask it: per weekday, from the earliest start to the latest end of anyone's
 * working hours in the coming seven days. Derived from the book, so it never disagrees with the times offered.
 */
@ApplicationScoped
@Transactional
public class OpeningHours {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    private final ScheduleService schedules;
    private final ClinicTime clinicTime;

    public OpeningHours(ScheduleService schedules, ClinicTime clinicTime) {
        this.schedules = schedules;
        this.clinicTime = clinicTime;
    }

    /** "Monday 8:00 AM to 5:00 PM", Monday first; weekdays nobody works are left out. */
    public List<String> coming() {
        LocalDate today = clinicTime.today();
        Map<DayOfWeek, LocalTime[]> span = new EnumMap<>(DayOfWeek.class);
        for (ScheduleEntity schedule : schedules.between(today, today.plusDays(6), Optional.empty(), Optional.empty())) {
            span.merge(schedule.date.getDayOfWeek(), new LocalTime[] {schedule.startTime, schedule.stopTime},
                    (a, b) -> new LocalTime[] {a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
        }
        List<String> hours = new ArrayList<>();
        span.forEach((day, times) -> hours.add(day.getDisplayName(TextStyle.FULL, Locale.US) + " "
                + TIME.format(times[0]) + " to " + TIME.format(times[1])));
        return hours;
    }
}
