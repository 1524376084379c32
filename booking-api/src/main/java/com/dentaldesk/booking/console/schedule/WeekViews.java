package com.dentaldesk.booking.console.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.appointments.AppointmentEntity;
import com.dentaldesk.booking.appointments.AppointmentRepository;
import com.dentaldesk.booking.console.Console;
import com.dentaldesk.booking.console.Display;
import com.dentaldesk.booking.console.schedule.AppointmentViews.AppointmentSummary;
import com.dentaldesk.booking.operatories.OperatoryService;
import com.dentaldesk.booking.providers.ProviderEntity;
import com.dentaldesk.booking.providers.ProviderService;
import com.dentaldesk.booking.schedules.ScheduleEntity;
import com.dentaldesk.booking.schedules.ScheduleService;
import com.dentaldesk.booking.time.ClinicTime;

/**
 * The week at a glance, Monday to Sunday: a row per provider who works or is booked that week, a column per day, and
 * in each cell their hours (and rooms) and their appointments, each opening its page; a day's heading opens the day.
 */
@ApplicationScoped
@Transactional
public class WeekViews {

    public record WeekView(String title, String start, String previousHref, String nextHref, String thisWeekHref,
            List<Day> days, List<ProviderWeek> providers, String error) {
    }

    /** A column: the day's name, whether it is today, and its day view. */
    public record Day(String name, boolean today, String href) {
    }

    public record ProviderWeek(String name, List<ProviderDay> days) {
    }

    /** One provider on one day: hours ("8:00 AM – 5:00 PM in Op 1"; empty when off) and appointments. */
    public record ProviderDay(String dayName, List<String> hours, List<AppointmentSummary> appointments) {
    }

    private final ScheduleService schedules;
    private final AppointmentRepository appointments;
    private final AppointmentViews summaries;
    private final OperatoryService operatories;
    private final ProviderService providers;
    private final ClinicTime clinicTime;

    public WeekViews(ScheduleService schedules, AppointmentRepository appointments, AppointmentViews summaries,
            OperatoryService operatories, ProviderService providers, ClinicTime clinicTime) {
        this.schedules = schedules;
        this.appointments = appointments;
        this.summaries = summaries;
        this.operatories = operatories;
        this.providers = providers;
        this.clinicTime = clinicTime;
    }

    public static String href(LocalDate anyDay) {
        return Console.SCHEDULE + "/week?start=" + monday(anyDay);
    }

    /** The week holding the requested day (YYYY-MM-DD), or this week in the clinic's zone. */
    public WeekView week(String requested) {
        LocalDate today = clinicTime.today();
        LocalDate start = monday(today);
        String error = null;
        if (requested != null && !requested.isBlank()) {
            try {
                start = monday(LocalDate.parse(requested.trim()));
            } catch (DateTimeParseException e) {
                error = "The week must start on a date like 2026-12-07; showing this week instead.";
            }
        }
        LocalDate end = start.plusDays(6);
        List<ScheduleEntity> shifts = schedules.between(start, end, Optional.empty(), Optional.empty());
        List<AppointmentEntity> booked = appointments.holdingTimeBetween(clinicTime.startOfDay(start),
                clinicTime.startOfDay(end.plusDays(1)));
        Map<Long, AppointmentSummary> summaryOf = summaries.summaries(booked).stream()
                .collect(Collectors.toMap(AppointmentSummary::id, Function.identity()));
        Map<Long, String> roomNames = operatories.find("order by id").stream()
                .collect(Collectors.toMap(room -> room.id, room -> room.name));
        List<ProviderEntity> staff = providers.listAll().stream()
                .filter(p -> shifts.stream().anyMatch(s -> s.providerId.equals(p.id))
                        || booked.stream().anyMatch(a -> a.providerId.equals(p.id)))
                .sorted(Comparator.comparing(ProviderEntity::displayName)).toList();

        List<Day> days = new ArrayList<>();
        List<LocalDate> dates = start.datesUntil(end.plusDays(1)).toList();
        for (LocalDate date : dates) {
            days.add(new Day(Display.day(date).replaceFirst(" \\d{4}$", ""), date.equals(today), DayViews.href(date)));
        }
        List<ProviderWeek> rows = new ArrayList<>();
        for (ProviderEntity provider : staff) {
            List<ProviderDay> cells = new ArrayList<>();
            for (LocalDate date : dates) {
                List<String> hours = shifts.stream()
                        .filter(s -> s.providerId.equals(provider.id) && s.date.equals(date))
                        .sorted(Comparator.comparing(s -> s.startTime))
                        .map(s -> DayViews.hours(s, roomNames))
                        .toList();
                List<AppointmentSummary> visits = booked.stream()
                        .filter(a -> a.providerId.equals(provider.id)
                                && a.startsAt.atZone(clinicTime.zone()).toLocalDate().equals(date))
                        .sorted(Comparator.comparing(a -> a.startsAt)).map(a -> summaryOf.get(a.id)).toList();
                cells.add(new ProviderDay(Display.day(date), hours, visits));
            }
            rows.add(new ProviderWeek(provider.displayName(), cells));
        }
        return new WeekView("Week of " + Display.day(start), start.toString(), href(start.minusWeeks(1)),
                href(start.plusWeeks(1)), href(today), days, rows, error);
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
