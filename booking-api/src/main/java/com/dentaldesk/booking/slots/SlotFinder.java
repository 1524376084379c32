package com.dentaldesk.booking.slots;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.functions.Params;
import com.dentaldesk.booking.operatories.OperatoryEntity;
import com.dentaldesk.booking.operatories.OperatoryService;
import com.dentaldesk.booking.providers.ProviderEntity;
import com.dentaldesk.booking.providers.ProviderService;
import com.dentaldesk.booking.schedules.ScheduleEntity;
import com.dentaldesk.booking.schedules.ScheduleService;
import com.dentaldesk.booking.time.ClinicTime;
import com.dentaldesk.booking.time.WallTimeFormatter;
import com.dentaldesk.contracts.booking.Slot;

/**
 * Free slots = schedules minus time held by appointments (provider, room and patient must all be free for the
 * whole interval) minus the past. Three queries per search whatever the range; the rest is in memory.
 */
@ApplicationScoped
@Transactional
public class SlotFinder {

    public static final int MAX_RANGE_DAYS = 31;
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 240;
    public static final int DEFAULT_LENGTH = 30;
    private static final int ALTERNATIVES = 3;
    private static final int ALTERNATIVES_WINDOW_DAYS = 14;

    private final ScheduleService schedules;
    private final AppointmentRepository appointments;
    private final ProviderService providers;
    private final OperatoryService operatories;
    private final ClinicTime clinicTime;

    public SlotFinder(ScheduleService schedules, AppointmentRepository appointments, ProviderService providers,
            OperatoryService operatories, ClinicTime clinicTime) {
        this.schedules = schedules;
        this.appointments = appointments;
        this.providers = providers;
        this.operatories = operatories;
        this.clinicTime = clinicTime;
    }

    /** GetAvailableSlots. */
    public List<Slot> find(Params params) {
        LocalDate from = params.requiredDate("dateStart");
        LocalDate to = params.requiredDate("dateEnd");
        params.requireAll();
        int length = params.optionalInt("lengthMinutes").orElse(DEFAULT_LENGTH);
        if (to.isBefore(from)) {
            throw BookingException.invalid("dateEnd", "dateEnd must not be before dateStart");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
            throw BookingException.invalid("dateEnd", "Search at most " + MAX_RANGE_DAYS + " days at a time");
        }
        checkLength(length);
        return find(new SlotQuery(from, to, params.optionalLong("ProvNum"), params.optionalLong("OpNum"), length,
                params.optionalLong("PatNum"), Optional.empty()));
    }

    public static void checkLength(int length) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw BookingException.invalid("lengthMinutes",
                    "lengthMinutes must be between " + MIN_LENGTH + " and " + MAX_LENGTH);
        }
    }

    public List<Slot> find(SlotQuery query) {
        WallTimeFormatter wallTime = new WallTimeFormatter(clinicTime.zone());
        return candidates(query).stream().map(c -> c.toSlot(wallTime, query.lengthMinutes())).toList();
    }

    /** Free intervals in time order, as instants: sorting and comparing happen here, formatting only at the end. */
    private List<Candidate> candidates(SlotQuery query) {
        Map<Long, ProviderEntity> bookable = providers.find("hidden = false").stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        Map<Long, OperatoryEntity> rooms = operatories.activeInOrder().stream()
                .collect(Collectors.toMap(o -> o.id, Function.identity()));
        List<AppointmentEntity> busy = appointments.holdingTimeBetween(clinicTime.startOfDay(query.from()),
                clinicTime.startOfDay(query.to().plusDays(1))).stream()
                .filter(apt -> query.ignoreAppointment().map(id -> !id.equals(apt.id)).orElse(true))
                .toList();
        Duration length = Duration.ofMinutes(query.lengthMinutes());
        Duration step = Duration.ofMinutes(query.lengthMinutes() % 15 == 0 ? 15 : 10);
        Instant now = clinicTime.now();

        List<Candidate> free = new ArrayList<>();
        for (ScheduleEntity schedule : schedules.between(query.from(), query.to(), query.provNum(), query.opNum())) {
            ProviderEntity provider = bookable.get(schedule.providerId);
            if (provider == null || !rooms.containsKey(schedule.operatoryId)) {
                continue;
            }
            String providerName = provider.displayName();
            Instant open = clinicTime.at(schedule.date, schedule.startTime);
            Instant close = clinicTime.at(schedule.date, schedule.stopTime);
            // Only appointments inside this schedule's window can block its slots.
            List<AppointmentEntity> blocking = busy.stream()
                    .filter(apt -> apt.overlaps(open, close))
                    .filter(apt -> apt.providerId.equals(schedule.providerId)
                            || apt.operatoryId.equals(schedule.operatoryId)
                            || query.patNum().map(apt.patientId::equals).orElse(false))
                    .toList();
            for (Instant start = open; !start.plus(length).isAfter(close); start = start.plus(step)) {
                Instant end = start.plus(length);
                if (!start.isBefore(now) && !isBlocked(blocking, start, end)) {
                    free.add(new Candidate(start, end, provider.id, providerName, schedule.operatoryId));
                }
            }
        }
        free.sort(Comparator.comparing(Candidate::start).thenComparingLong(Candidate::providerId));
        return free;
    }

    private record Candidate(Instant start, Instant end, long providerId, String providerName, long operatoryId) {
        Slot toSlot(WallTimeFormatter wallTime, int lengthMinutes) {
            return new Slot(wallTime.format(start), wallTime.format(end), providerId, operatoryId, lengthMinutes,
                    providerName);
        }
    }

    /**
     * Up to three free slots nearest to the requested start, with the same provider when possible, else any:
     * what a caller who just lost a slot is offered instead.
     */
    public List<Slot> alternatives(Instant requested, long provNum, int lengthMinutes, long patNum,
            Optional<Long> ignoreAppointment) {
        LocalDate day = clinicTime.dateOf(requested);
        LocalDate from = day.minusDays(1).isBefore(clinicTime.today()) ? clinicTime.today() : day.minusDays(1);
        LocalDate to = day.plusDays(ALTERNATIVES_WINDOW_DAYS);
        Comparator<Candidate> nearest = Comparator.comparingLong(
                c -> Math.abs(Duration.between(c.start(), requested).toMinutes()));
        List<Candidate> sameProvider = candidates(new SlotQuery(from, to, Optional.of(provNum), Optional.empty(),
                lengthMinutes, Optional.of(patNum), ignoreAppointment));
        List<Candidate> candidates = sameProvider.isEmpty()
                ? candidates(new SlotQuery(from, to, Optional.empty(), Optional.empty(), lengthMinutes,
                        Optional.of(patNum), ignoreAppointment))
                : sameProvider;
        WallTimeFormatter wallTime = new WallTimeFormatter(clinicTime.zone());
        return candidates.stream()
                .filter(c -> !c.start().equals(requested) || c.providerId() != provNum)
                .sorted(nearest.thenComparing(Candidate::start))
                .limit(ALTERNATIVES)
                .map(c -> c.toSlot(wallTime, lengthMinutes))
                .toList();
    }

    private static boolean isBlocked(List<AppointmentEntity> blocking, Instant start, Instant end) {
        for (AppointmentEntity apt : blocking) {
            if (apt.overlaps(start, end)) {
                return true;
            }
        }
        return false;
    }
}
