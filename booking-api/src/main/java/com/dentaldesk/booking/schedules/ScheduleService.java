package com.dentaldesk.booking.schedules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.appointments.AppointmentEntity;
import com.dentaldesk.booking.appointments.AppointmentRepository;
import com.dentaldesk.booking.closures.ClosedDays;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.functions.Params;
import com.dentaldesk.booking.operatories.OperatoryEntity;
import com.dentaldesk.booking.operatories.OperatoryService;
import com.dentaldesk.booking.providers.ProviderEntity;
import com.dentaldesk.booking.providers.ProviderService;
import com.dentaldesk.booking.time.ClinicTime;
import com.dentaldesk.contracts.booking.Schedule;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Working hours: the supply side of every free slot. One provider and one room never overlap on a date. */
@ApplicationScoped
@Transactional
public class ScheduleService implements PanacheRepository<ScheduleEntity> {

    public static final int MAX_RANGE_DAYS = 93;
    private static final int DEFAULT_DAYS = 30;
    static final int MAX_WEEKS = 26;

    private final ProviderService providers;
    private final OperatoryService operatories;
    private final AppointmentRepository appointments;
    private final ClosedDays closedDays;
    private final ClinicTime clinicTime;

    public ScheduleService(ProviderService providers, OperatoryService operatories,
            AppointmentRepository appointments, ClosedDays closedDays, ClinicTime clinicTime) {
        this.providers = providers;
        this.operatories = operatories;
        this.appointments = appointments;
        this.closedDays = closedDays;
        this.clinicTime = clinicTime;
    }

    /** Schedules on the dates from..to, optionally for one provider and/or room, by date and start. */
    public List<ScheduleEntity> between(LocalDate from, LocalDate to, Optional<Long> provNum, Optional<Long> opNum) {
        StringBuilder query = new StringBuilder("date between :from and :to");
        Map<String, Object> values = new HashMap<>(Map.of("from", from, "to", to));
        provNum.ifPresent(v -> {
            query.append(" and providerId = :provider");
            values.put("provider", v);
        });
        opNum.ifPresent(v -> {
            query.append(" and operatoryId = :operatory");
            values.put("operatory", v);
        });
        return find(query + " order by date, startTime, id", values).list();
    }

    public List<Schedule> list(Params params) {
        LocalDate from = params.requiredDate("DateStart");
        LocalDate to = params.optionalDate("DateEnd").orElse(from);
        params.requireAll();
        checkRange(from, to);
        return between(from, to, params.optionalLong("ProvNum"), params.optionalLong("OpNum")).stream()
                .map(ScheduleEntity::toContract).toList();
    }

    public Schedule create(Params params) {
        ScheduleEntity schedule = new ScheduleEntity();
        schedule.date = params.requiredDate("SchedDate");
        schedule.startTime = params.requiredTime("StartTime");
        schedule.stopTime = params.requiredTime("StopTime");
        schedule.providerId = params.requiredLong("ProvNum");
        schedule.operatoryId = params.requiredLong("OpNum");
        params.requireAll();
        validate(schedule);
        persist(schedule);
        return schedule.toContract();
    }

    public Schedule update(Params params) {
        long scheduleNum = params.requiredLong("ScheduleNum");
        params.requireAll();
        ScheduleEntity schedule = require(scheduleNum);
        params.optionalDate("SchedDate").ifPresent(v -> schedule.date = v);
        params.optionalTime("StartTime").ifPresent(v -> schedule.startTime = v);
        params.optionalTime("StopTime").ifPresent(v -> schedule.stopTime = v);
        params.optionalLong("ProvNum").ifPresent(v -> schedule.providerId = v);
        params.optionalLong("OpNum").ifPresent(v -> schedule.operatoryId = v);
        validate(schedule);
        return schedule.toContract();
    }

    public Schedule delete(Params params) {
        long scheduleNum = params.requiredLong("ScheduleNum");
        params.requireAll();
        ScheduleEntity schedule = require(scheduleNum);
        delete(schedule);
        return schedule.toContract();
    }

    /**
     * The console's weekly hours: one provider in one room on the chosen weekdays, {@code weeks} weeks from
     * {@code from}. All or nothing: a date that clashes with other hours (or a hidden provider, an inactive room) is
     * refused with its reason and nothing is added. Closed days are skipped. Returns how many days were added.
     */
    public int createWeekly(long provNum, long opNum, Set<DayOfWeek> days, LocalTime start, LocalTime stop,
            LocalDate from, int weeks) {
        if (days.isEmpty()) {
            throw BookingException.invalid("days", "Choose at least one weekday");
        }
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw BookingException.invalid("weeks", "Add hours for 1 to " + MAX_WEEKS + " weeks at a time");
        }
        if (from.isBefore(clinicTime.today())) {
            throw BookingException.invalid("from", "Start from today or a later day");
        }
        checkTimes(start, stop);
        // The same checks as CreateSchedule's, read once for the whole range rather than once per day.
        providers.requireBookable(provNum);
        operatories.requireActive(opNum);
        LocalDate end = from.plusWeeks(weeks);
        Set<LocalDate> closed = closedDays.closedBetween(from, end);
        List<ScheduleEntity> existing = between(from, end, Optional.empty(), Optional.empty());
        int added = 0;
        for (LocalDate date = from; date.isBefore(end); date = date.plusDays(1)) {
            if (!days.contains(date.getDayOfWeek()) || closed.contains(date)) {
                continue;
            }
            ScheduleEntity schedule = new ScheduleEntity();
            schedule.date = date;
            schedule.startTime = start;
            schedule.stopTime = stop;
            schedule.providerId = provNum;
            schedule.operatoryId = opNum;
            refuseClash(schedule, existing);
            persist(schedule);
            added++;
        }
        return added;
    }

    /**
     * CreateDefaultSchedules: weekday hours (default 08:00-17:00) for every bookable provider, each in "their"
     * active room (providers and rooms paired in id order), skipping dates where either is already scheduled.
     */
    public Map<String, Object> createDefaults(Params params) {
        LocalDate from = params.optionalDate("DateStart").orElse(clinicTime.today());
        LocalDate to = params.optionalDate("DateEnd").orElse(from.plusDays(DEFAULT_DAYS - 1));
        LocalTime start = params.optionalTime("StartTime").orElse(LocalTime.of(8, 0));
        LocalTime stop = params.optionalTime("StopTime").orElse(LocalTime.of(17, 0));
        checkRange(from, to);
        List<ProviderEntity> bookable = providers.find("hidden = false order by id").list();
        List<OperatoryEntity> rooms = operatories.activeInOrder();
        if (rooms.isEmpty()) {
            throw BookingException.invalid("OpNum", "The clinic has no active operatory to schedule in");
        }
        List<ScheduleEntity> existing = between(from, to, Optional.empty(), Optional.empty());
        Set<LocalDate> closed = closedDays.closedBetween(from, to);
        List<Schedule> created = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY
                    || closed.contains(date)) {
                continue;
            }
            for (int i = 0; i < bookable.size(); i++) {
                ScheduleEntity schedule = new ScheduleEntity();
                schedule.date = date;
                schedule.startTime = start;
                schedule.stopTime = stop;
                schedule.providerId = bookable.get(i).id;
                schedule.operatoryId = rooms.get(i % rooms.size()).id;
                if (existing.stream().noneMatch(other -> clashes(schedule, other))) {
                    persist(schedule);
                    existing.add(schedule);
                    created.add(schedule.toContract());
                }
            }
        }
        return Map.of("created", created.size(), "schedules", created);
    }

    /** CheckScheduleConflicts: schedules that overlap, and booked appointments outside anyone's hours. */
    public Map<String, Object> conflicts(Params params) {
        LocalDate from = params.requiredDate("DateStart");
        LocalDate to = params.optionalDate("DateEnd").orElse(from);
        params.requireAll();
        checkRange(from, to);
        List<ScheduleEntity> schedules = between(from, to, params.optionalLong("ProvNum"), Optional.empty());
        List<Map<String, Object>> overlapping = new ArrayList<>();
        for (int i = 0; i < schedules.size(); i++) {
            for (int j = i + 1; j < schedules.size(); j++) {
                if (clashes(schedules.get(i), schedules.get(j))) {
                    overlapping.add(Map.of("ScheduleNum", schedules.get(i).id, "OtherScheduleNum",
                            schedules.get(j).id, "SchedDate", schedules.get(i).date.toString()));
                }
            }
        }
        List<Long> outside = appointments.holdingTimeBetween(clinicTime.startOfDay(from),
                clinicTime.startOfDay(to.plusDays(1))).stream()
                .filter(apt -> schedules.stream().noneMatch(s -> covers(s, apt)))
                .map(apt -> apt.id).toList();
        return Map.of("hasConflicts", !overlapping.isEmpty() || !outside.isEmpty(), "overlappingSchedules",
                overlapping, "appointmentsOutsideSchedules", outside);
    }

    /** Whether a schedule's hours (same provider) contain the whole appointment. */
    public boolean covers(ScheduleEntity schedule, AppointmentEntity appointment) {
        return schedule.providerId.equals(appointment.providerId)
                && !appointment.startsAt.isBefore(clinicTime.at(schedule.date, schedule.startTime))
                && !appointment.endsAt.isAfter(clinicTime.at(schedule.date, schedule.stopTime));
    }

    public ScheduleEntity require(long scheduleNum) {
        return findByIdOptional(scheduleNum).orElseThrow(() -> BookingException.notFound("Schedule " + scheduleNum));
    }

    private void validate(ScheduleEntity schedule) {
        // Checked before any query, which would flush an invalid row into the database's own check.
        checkTimes(schedule.startTime, schedule.stopTime);
        if (!closedDays.closedBetween(schedule.date, schedule.date).isEmpty()) {
            throw BookingException.invalid("SchedDate", "The clinic is closed on " + schedule.date
                    + "; open the day again in Settings first");
        }
        providers.requireBookable(schedule.providerId);
        operatories.requireActive(schedule.operatoryId);
        refuseClash(schedule, between(schedule.date, schedule.date, Optional.empty(), Optional.empty()));
    }

    private static void checkTimes(LocalTime start, LocalTime stop) {
        if (!stop.isAfter(start)) {
            throw BookingException.invalid("StopTime", "StopTime must be after StartTime");
        }
    }

    /** Refuses hours that overlap other hours (among {@code others}) of the same provider or room on their date. */
    private static void refuseClash(ScheduleEntity schedule, List<ScheduleEntity> others) {
        others.stream()
                .filter(other -> !other.id.equals(schedule.id) && clashes(schedule, other))
                .findFirst()
                .ifPresent(other -> {
                    throw BookingException.invalid("StartTime", "Overlaps schedule " + other.id
                            + " of the same provider or operatory on " + schedule.date);
                });
    }

    private static boolean clashes(ScheduleEntity a, ScheduleEntity b) {
        return a.overlaps(b) && (a.providerId.equals(b.providerId) || a.operatoryId.equals(b.operatoryId));
    }

    static void checkRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw BookingException.invalid("DateEnd", "DateEnd must not be before DateStart");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
            throw BookingException.invalid("DateEnd", "A range may span at most " + MAX_RANGE_DAYS + " days");
        }
    }
}
