package com.dentaldesk.booking.console.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.appointments.AppointmentEntity;
import com.dentaldesk.booking.appointments.AppointmentRepository;
import com.dentaldesk.booking.console.Console;
import com.dentaldesk.booking.console.Display;
import com.dentaldesk.booking.console.schedule.AppointmentViews.AppointmentSummary;
import com.dentaldesk.booking.operatories.OperatoryEntity;
import com.dentaldesk.booking.operatories.OperatoryService;
import com.dentaldesk.booking.providers.ProviderEntity;
import com.dentaldesk.booking.providers.ProviderService;
import com.dentaldesk.booking.schedules.ScheduleEntity;
import com.dentaldesk.booking.schedules.ScheduleService;
import com.dentaldesk.booking.time.ClinicTime;

/**
 * One clinic-local day of the book as a grid: a column per room (active rooms, and an inactive one only if it holds
 * something that day), a row per 15 minutes across the day's schedules and appointments. A cell is a block of
 * appointments, free scheduled time (with its provider), or time nobody works in that room.
 */
@ApplicationScoped
@Transactional
public class DayViews {

    static final int STEP_MINUTES = 15;

    public record DayView(String date, String title, boolean today, String previousHref, String nextHref,
            List<Column> columns, List<Row> rows, List<ProviderDay> providers, String error) {
    }

    public record Column(String name, boolean active) {
    }

    /** A grid row; {@code cells} holds only the cells that start on it (the others span down from above). */
    public record Row(String time, boolean hour, List<Cell> cells) {
    }

    /**
     * {@code kind}: {@code booked}, {@code free} or {@code closed}; spans {@code rows} grid rows. A free cell links to
     * booking its first time ({@code bookHref}).
     */
    public record Cell(String kind, int rows, String time, String provider, List<AppointmentSummary> appointments,
            String bookHref) {
    }

    /** A provider working that day: their hours (and rooms), each removable, and how many appointments they have. */
    public record ProviderDay(String name, List<Shift> shifts, int appointments) {
    }

    /** One stretch of working hours ("8:00 AM – 12:00 PM in Op 1") and the form action that removes it. */
    public record Shift(String text, String remove) {
    }

    /** A run of grid rows [from, to) of one column, before it becomes a cell. */
    private record Run(int from, int to, String kind, ScheduleEntity schedule, List<AppointmentEntity> booked) {
    }

    private final ScheduleService schedules;
    private final AppointmentRepository appointments;
    private final AppointmentViews summaries;
    private final OperatoryService operatories;
    private final ProviderService providers;
    private final ClinicTime clinicTime;

    public DayViews(ScheduleService schedules, AppointmentRepository appointments, AppointmentViews summaries,
            OperatoryService operatories, ProviderService providers, ClinicTime clinicTime) {
        this.schedules = schedules;
        this.appointments = appointments;
        this.summaries = summaries;
        this.operatories = operatories;
        this.providers = providers;
        this.clinicTime = clinicTime;
    }

    public static String href(LocalDate day) {
        return Console.SCHEDULE + "?day=" + day;
    }

    /** The requested day (YYYY-MM-DD), or today in the clinic's zone. */
    public DayView day(String requested) {
        LocalDate today = clinicTime.today();
        LocalDate day = today;
        String error = null;
        if (requested != null && !requested.isBlank()) {
            try {
                day = LocalDate.parse(requested.trim());
            } catch (DateTimeParseException e) {
                error = "The day must be a date like 2026-12-08; showing today instead.";
            }
        }
        List<ScheduleEntity> shifts = schedules.between(day, day, Optional.empty(), Optional.empty());
        List<AppointmentEntity> booked = appointments.holdingTimeBetween(clinicTime.startOfDay(day),
                clinicTime.startOfDay(day.plusDays(1)));
        Set<Long> usedRooms = Stream.concat(shifts.stream().map(s -> s.operatoryId),
                booked.stream().map(a -> a.operatoryId)).collect(Collectors.toSet());
        List<OperatoryEntity> rooms = operatories.find("order by id").stream()
                .filter(room -> room.active || usedRooms.contains(room.id)).toList();
        Map<Long, AppointmentSummary> summaryOf = summaries.summaries(booked).stream()
                .collect(Collectors.toMap(AppointmentSummary::id, Function.identity()));
        Map<Long, ProviderEntity> staff = providers.listAll().stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));

        DayClock clock = new DayClock(clinicTime.startOfDay(day), clinicTime.startOfDay(day.plusDays(1)),
                clinicTime.zone(), day);
        int first = Stream.concat(shifts.stream().map(s -> clock.minute(s.startTime)),
                booked.stream().map(a -> clock.minute(a.startsAt))).min(Integer::compare).orElse(0);
        int last = Stream.concat(shifts.stream().map(s -> clock.minute(s.stopTime)),
                booked.stream().map(a -> clock.minute(a.endsAt))).max(Integer::compare).orElse(0);
        first = first / STEP_MINUTES * STEP_MINUTES;
        int rowCount = (last - first + STEP_MINUTES - 1) / STEP_MINUTES;

        List<List<Cell>> cellsByRow = new ArrayList<>();
        for (int row = 0; row < rowCount; row++) {
            cellsByRow.add(new ArrayList<>());
        }
        for (OperatoryEntity room : rooms) {
            for (Run run : runs(room, first, rowCount, shifts, booked, clock)) {
                cellsByRow.get(run.from()).add(cell(run, room, first, summaryOf, staff, clock));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int row = 0; row < rowCount; row++) {
            int minute = first + row * STEP_MINUTES;
            LocalTime label = clock.time(minute);
            rows.add(new Row(Display.time(label), label.getMinute() == 0, cellsByRow.get(row)));
        }
        return new DayView(day.toString(), Display.day(day), day.equals(today), href(day.minusDays(1)),
                href(day.plusDays(1)), rooms.stream().map(room -> new Column(room.name, room.active)).toList(), rows,
                providerDays(shifts, booked, staff, rooms), error);
    }

    /** The column of one room as runs of rows: appointment blocks, then free or closed time between them. */
    private List<Run> runs(OperatoryEntity room, int first, int rowCount, List<ScheduleEntity> shifts,
            List<AppointmentEntity> booked, DayClock clock) {
        List<Run> blocks = new ArrayList<>();
        booked.stream().filter(a -> a.operatoryId.equals(room.id)).sorted(Comparator.comparing(a -> a.startsAt))
                .forEach(a -> {
                    int from = (clock.minute(a.startsAt) - first) / STEP_MINUTES;
                    int to = Math.max(from + 1, (clock.minute(a.endsAt) - first + STEP_MINUTES - 1) / STEP_MINUTES);
                    Run previous = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
                    // Appointments off the 15-minute grid can share a row: they are shown together in one block.
                    if (previous != null && from < previous.to()) {
                        previous.booked().add(a);
                        blocks.set(blocks.size() - 1, new Run(previous.from(), Math.max(previous.to(), to), "booked",
                                null, previous.booked()));
                    } else {
                        blocks.add(new Run(from, to, "booked", null, new ArrayList<>(List.of(a))));
                    }
                });
        List<Run> runs = new ArrayList<>();
        int row = 0;
        int next = 0;
        while (row < rowCount) {
            if (next < blocks.size() && blocks.get(next).from() == row) {
                runs.add(blocks.get(next));
                row = blocks.get(next++).to();
                continue;
            }
            int stop = next < blocks.size() ? blocks.get(next).from() : rowCount;
            ScheduleEntity shift = freeShift(room, first + row * STEP_MINUTES, shifts, booked, clock);
            int end = row + 1;
            while (end < stop && freeShift(room, first + end * STEP_MINUTES, shifts, booked, clock) == shift) {
                end++;
            }
            runs.add(new Run(row, end, shift == null ? "closed" : "free", shift, List.of()));
            row = end;
        }
        return runs;
    }

    /** The room's schedule covering the whole row, if its provider is not booked anywhere during it. */
    private ScheduleEntity freeShift(OperatoryEntity room, int minute, List<ScheduleEntity> shifts,
            List<AppointmentEntity> booked, DayClock clock) {
        return shifts.stream()
                .filter(s -> s.operatoryId.equals(room.id) && clock.minute(s.startTime) <= minute
                        && minute + STEP_MINUTES <= clock.minute(s.stopTime))
                .filter(s -> booked.stream().noneMatch(a -> a.providerId.equals(s.providerId)
                        && clock.minute(a.startsAt) < minute + STEP_MINUTES && minute < clock.minute(a.endsAt)))
                .findFirst().orElse(null);
    }

    private Cell cell(Run run, OperatoryEntity room, int first, Map<Long, AppointmentSummary> summaryOf,
            Map<Long, ProviderEntity> staff, DayClock clock) {
        int span = run.to() - run.from();
        String time = Display.time(clock.time(first + run.from() * STEP_MINUTES)) + " – "
                + Display.time(clock.time(first + run.to() * STEP_MINUTES));
        return switch (run.kind()) {
            case "booked" -> new Cell("booked", span, time, null,
                    run.booked().stream().map(a -> summaryOf.get(a.id)).toList(), null);
            case "free" -> new Cell("free", span, time, name(staff.get(run.schedule().providerId)), List.of(),
                    BookPage.href(clock.day(), clock.time(first + run.from() * STEP_MINUTES),
                            run.schedule().providerId, room.id));
            default -> new Cell("closed", span, time, null, List.of(), null);
        };
    }

    private List<ProviderDay> providerDays(List<ScheduleEntity> shifts, List<AppointmentEntity> booked,
            Map<Long, ProviderEntity> staff, List<OperatoryEntity> rooms) {
        Map<Long, String> roomNames = rooms.stream().collect(Collectors.toMap(r -> r.id, r -> r.name));
        Map<Long, List<Shift>> hours = new HashMap<>();
        shifts.forEach(s -> hours.computeIfAbsent(s.providerId, id -> new ArrayList<>())
                .add(new Shift(hours(s, roomNames), Console.SCHEDULE + "/hours/" + s.id + "/remove")));
        Set<Long> working = new HashSet<>(hours.keySet());
        booked.forEach(a -> working.add(a.providerId));
        return working.stream().sorted()
                .map(id -> new ProviderDay(name(staff.get(id)), hours.getOrDefault(id, List.of()),
                        (int) booked.stream().filter(a -> a.providerId.equals(id)).count()))
                .toList();
    }

    /** One stretch of working hours as the day and week views write it: "8:00 AM – 12:00 PM in Op 1". */
    static String hours(ScheduleEntity schedule, Map<Long, String> roomNames) {
        return Display.time(schedule.startTime) + " – " + Display.time(schedule.stopTime) + " in "
                + roomNames.getOrDefault(schedule.operatoryId, "another room");
    }

    private static String name(ProviderEntity provider) {
        return provider == null ? "" : provider.displayName();
    }

    /**
     * The grid's time: minutes elapsed since the day's midnight, so a day the clocks change is 23 or 25 hours long
     * and the repeated hour of a fall-back night has rows of its own (counting wall-clock minutes put the end of
     * an appointment across it before its start, and hid it). Clamped to the day: an appointment may cross
     * midnight.
     */
    private record DayClock(Instant midnight, Instant nextMidnight, ZoneId zone, LocalDate day) {

        int minute(Instant instant) {
            Instant clamped = instant.isBefore(midnight) ? midnight
                    : instant.isAfter(nextMidnight) ? nextMidnight : instant;
            return (int) Duration.between(midnight, clamped).toMinutes();
        }

        /** A schedule's wall time on this day (a time in a DST gap moves forward, as the clinic's clocks do). */
        int minute(LocalTime wallTime) {
            return minute(ZonedDateTime.of(day, wallTime, zone).toInstant());
        }

        /** The wall time shown for a grid minute; the day's end reads as its last moment. */
        LocalTime time(int minute) {
            Instant instant = midnight.plus(Duration.ofMinutes(minute));
            return instant.isBefore(nextMidnight) ? instant.atZone(zone).toLocalTime() : LocalTime.MAX;
        }
    }
}
