package com.dentaldesk.booking.confirmations;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * When a clinic lets the receptionist call patients: from..until on some days, in the clinic's zone (DST-correct:
 * wall times that fall in a gap move forward, as {@link java.time.ZonedDateTime} resolves them). Pure, so the plan
 * of every call can be tested without a clock.
 */
public record CallingWindow(ZoneId zone, LocalTime from, LocalTime until, Set<DayOfWeek> days) {

    /** Never closer to the visit than this: a call an hour before helps nobody and frees no slot in time. */
    static final Duration LAST_CALL_BEFORE_VISIT = Duration.ofHours(2);
    /** How far before the due time a call may move when no calling hours fall between it and the visit. */
    static final Duration EARLIER_AT_MOST = Duration.ofDays(3);
    private static final int DAYS_SCANNED = 10;

    public CallingWindow {
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("calling hours must end after they start");
        }
        days = Set.copyOf(days);
    }

    /**
     * When to call about a visit at {@code startsAt}: the first calling moment from {@code hoursBefore} the visit
     * on; when none falls before {@link #LAST_CALL_BEFORE_VISIT} (a visit on Monday morning, no calls on Sunday),
     * the start of the last calling hours before that (Saturday), never before {@code now}. Empty: no time to call.
     */
    public Optional<Instant> firstCall(Instant startsAt, Duration hoursBefore, Instant now) {
        Instant due = startsAt.minus(hoursBefore);
        Instant latest = startsAt.minus(LAST_CALL_BEFORE_VISIT);
        Optional<Instant> onTime = firstAtOrAfter(later(due, now), latest);
        if (onTime.isPresent()) {
            return onTime;
        }
        return lastStartBefore(due, later(now, due.minus(EARLIER_AT_MOST)));
    }

    /** When to try again: the first calling moment {@code retryAfter} from the last attempt, if before the visit. */
    public Optional<Instant> retry(Instant startsAt, Duration retryAfter, Instant lastAttempt) {
        return firstAtOrAfter(lastAttempt.plus(retryAfter), startsAt.minus(LAST_CALL_BEFORE_VISIT));
    }

    /** Whether a call may be placed at this moment. */
    public boolean allows(Instant moment) {
        LocalDate day = LocalDate.ofInstant(moment, zone);
        return days.contains(day.getDayOfWeek()) && !moment.isBefore(start(day)) && moment.isBefore(end(day));
    }

    /** The first moment at or after {@code earliest} inside calling hours, if it is not after {@code notAfter}. */
    Optional<Instant> firstAtOrAfter(Instant earliest, Instant notAfter) {
        LocalDate day = LocalDate.ofInstant(earliest, zone);
        for (int i = 0; i < DAYS_SCANNED; i++, day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek()) || !earliest.isBefore(end(day))) {
                continue;
            }
            Instant candidate = later(earliest, start(day));
            return candidate.isAfter(notAfter) ? Optional.empty() : Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** The start of the last calling hours that begin at or before {@code latest}, if not before {@code notBefore}. */
    Optional<Instant> lastStartBefore(Instant latest, Instant notBefore) {
        LocalDate day = LocalDate.ofInstant(latest, zone);
        for (int i = 0; i < DAYS_SCANNED; i++, day = day.minusDays(1)) {
            if (!days.contains(day.getDayOfWeek()) || start(day).isAfter(latest)) {
                continue;
            }
            // The day's hours began before the latest moment: call when they began, or at once if that has passed.
            Instant candidate = later(start(day), notBefore);
            return candidate.isBefore(end(day)) && !candidate.isAfter(latest) ? Optional.of(candidate)
                    : Optional.empty();
        }
        return Optional.empty();
    }

    private Instant start(LocalDate day) {
        return day.atTime(from).atZone(zone).toInstant();
    }

    private Instant end(LocalDate day) {
        return day.atTime(until).atZone(zone).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
