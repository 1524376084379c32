package com.dentaldesk.booking.closures;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.appointments.AppointmentRepository;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.errors.UniqueValues;
import com.dentaldesk.booking.input.ControlCharacters;
import com.dentaldesk.booking.time.ClinicTime;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/**
 * The clinic's closed days. Closing days removes their working hours (so no time on them is ever offered) and keeps
 * them closed (no hours can be added on them later); it is refused while appointments still hold time on them, so no
 * booked patient is silently stranded. Reopening a day lets hours be added again.
 */
@ApplicationScoped
@Transactional
public class ClosedDays implements PanacheRepository<ClosedDay> {

    static final int MAX_DAYS = 31;
    static final int MAX_REASON = 120;
    static final int SPOKEN_AHEAD_DAYS = 45;
    private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.US);

    private final AppointmentRepository appointments;
    private final ClinicTime clinicTime;

    public ClosedDays(AppointmentRepository appointments, ClinicTime clinicTime) {
        this.appointments = appointments;
        this.clinicTime = clinicTime;
    }

    /** The refusal of a booking, a move or working hours on a closed day. */
    public static BookingException closedOn(LocalDate day) {
        return BookingException.invalid("AptDateTime", "The clinic is closed on " + day);
    }

    /** Refuses a closed day. */
    public void requireOpen(LocalDate day) {
        if (!closedBetween(day, day).isEmpty()) {
            throw closedOn(day);
        }
    }

    /** The closed days of the next weeks as callers hear them: "Thursday, December 24 (Christmas Eve)". */
    public List<String> ahead() {
        LocalDate today = clinicTime.today();
        return list("date between ?1 and ?2 order by date", today, today.plusDays(SPOKEN_AHEAD_DAYS)).stream()
                .map(day -> SPOKEN.format(day.date) + (day.reason == null || day.reason.isBlank() ? ""
                        : " (" + day.reason + ")"))
                .toList();
    }

    /** Today's and later closed days, soonest first. */
    public List<ClosedDay> upcoming() {
        return list("date >= ?1 order by date", clinicTime.today());
    }

    /** The closed days among these dates. */
    public Set<LocalDate> closedBetween(LocalDate from, LocalDate to) {
        return list("date between ?1 and ?2", from, to).stream().map(day -> day.date).collect(Collectors.toSet());
    }

    /**
     * Closes the days from..to (one day when {@code to} is null); returns how many were newly closed. A 422 names
     * the first day with appointments, and nothing changes.
     */
    public int close(LocalDate from, LocalDate to, String reason) {
        LocalDate last = to == null ? from : to;
        if (from.isBefore(clinicTime.today())) {
            throw BookingException.invalid("from", "Close today or a later day");
        }
        if (last.isBefore(from) || ChronoUnit.DAYS.between(from, last) >= MAX_DAYS) {
            throw BookingException.invalid("to", "Close 1 to " + MAX_DAYS + " days at a time, the last on or after"
                    + " the first");
        }
        String why = ControlCharacters.field(reason);
        if (why.length() > MAX_REASON) {
            throw BookingException.invalid("reason", "Use at most " + MAX_REASON + " characters for the reason");
        }
        appointments.holdingTimeBetween(clinicTime.startOfDay(from), clinicTime.startOfDay(last.plusDays(1)))
                .stream().map(appointment -> clinicTime.dateOf(appointment.startsAt)).sorted().findFirst()
                .ifPresent(day -> {
                    throw BookingException.invalid("from", "There are appointments on " + day + ": move or cancel"
                            + " them first, then close the day");
                });
        Set<LocalDate> closed = closedBetween(from, last);
        List<ClosedDay> added = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(last); day = day.plusDays(1)) {
            if (!closed.contains(day)) {
                ClosedDay closure = new ClosedDay();
                closure.date = day;
                closure.reason = why;
                added.add(closure);
            }
        }
        UniqueValues.insertOrRefuse(getEntityManager(), () -> added.forEach(this::persist),
                () -> BookingException.invalid("from", "Someone closed these days at the same moment; reload the page"));
        getEntityManager().createQuery("delete from ScheduleEntity s where s.date between ?1 and ?2")
                .setParameter(1, from).setParameter(2, last).executeUpdate();
        return added.size();
    }

    /** Opens a closed day again (its hours are not restored: add them in Settings). */
    public ClosedDay reopen(long id) {
        ClosedDay day = findByIdOptional(id).orElseThrow(() -> BookingException.notFound("Closed day " + id));
        delete(day);
        return day;
    }
}
