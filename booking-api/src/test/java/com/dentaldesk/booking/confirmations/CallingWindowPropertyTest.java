package com.dentaldesk.booking.confirmations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * When a confirmation call goes out, checked minute by minute against the rules staff are told: only inside calling
 * hours (in the clinic's zone, across DST changes), never before now or within 2 hours of the visit, at the first
 * calling minute from "hours before" on, and only when there is none, at the start of the last calling hours before
 * that (at most 3 days earlier).
 */
class CallingWindowPropertyTest {

    record Case(CallingWindow window, Instant visit, Duration before, Instant now) {
    }

    @Property(tries = 400)
    void shouldCallAtTheFirstAllowedMinuteFromTheDueTimeOrTheLastWindowBeforeIt(@ForAll("cases") Case c) {
        Optional<Instant> planned = c.window().firstCall(c.visit(), c.before(), c.now());
        Instant due = c.visit().minus(c.before());
        Instant latest = c.visit().minus(CallingWindow.LAST_CALL_BEFORE_VISIT);
        Optional<Instant> firstFromDue = firstAllowedMinute(c.window(), later(due, c.now()), latest);
        if (firstFromDue.isPresent()) {
            assertThat(planned).as("the first calling minute from the due time").isPresent();
            assertThat(planned.get().truncatedTo(ChronoUnit.MINUTES)).isEqualTo(firstFromDue.get());
            return;
        }
        Optional<Instant> earlier = lastWindowStart(c.window(), due, later(c.now(), due.minus(Duration.ofDays(3))));
        assertThat(planned.map(t -> t.truncatedTo(ChronoUnit.MINUTES))).as("the last calling hours before the due time")
                .isEqualTo(earlier);
        planned.ifPresent(t -> {
            assertThat(c.window().allows(t)).isTrue();
            assertThat(t).isAfterOrEqualTo(c.now()).isBeforeOrEqualTo(latest);
        });
    }

    /** Minute by minute: the first minute in [from, notAfter] that calling hours allow. */
    private static Optional<Instant> firstAllowedMinute(CallingWindow window, Instant from, Instant notAfter) {
        for (Instant t = ceilMinute(from); !t.isAfter(notAfter); t = t.plus(Duration.ofMinutes(1))) {
            if (window.allows(t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * Minute by minute backwards from {@code latest}: the start of the calling hours holding the last allowed minute
     * at or before it, or {@code notBefore} when those hours began earlier (then only if that minute is allowed).
     */
    private static Optional<Instant> lastWindowStart(CallingWindow window, Instant latest, Instant notBefore) {
        Instant t = latest.truncatedTo(ChronoUnit.MINUTES);
        while (!t.isBefore(ceilMinute(notBefore)) && !window.allows(t)) {
            t = t.minus(Duration.ofMinutes(1));
        }
        if (t.isBefore(ceilMinute(notBefore))) {
            return Optional.empty();
        }
        while (window.allows(t.minus(Duration.ofMinutes(1))) && !t.minus(Duration.ofMinutes(1)).isBefore(notBefore)) {
            t = t.minus(Duration.ofMinutes(1));
        }
        return Optional.of(t);
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<ZoneId> zones = Arbitraries.of("America/New_York", "Europe/London", "Australia/Sydney",
                "America/Los_Angeles").map(ZoneId::of);
        Arbitrary<Integer> fromHour = Arbitraries.integers().between(0, 20);
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 10);
        Arbitrary<Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(7)
                .map(set -> EnumSet.copyOf(set));
        // Days around both DST changes of 2026 (March and October/November), and an ordinary week.
        Arbitrary<LocalDate> visitDay = Arbitraries.of(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 30),
                LocalDate.of(2026, 4, 6), LocalDate.of(2026, 10, 26), LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 6, 15)).flatMap(day -> Arbitraries.integers().between(0, 6).map(day::plusDays));
        Arbitrary<Integer> visitMinute = Arbitraries.integers().between(7 * 60, 19 * 60).map(m -> m - m % 15);
        Arbitrary<Integer> hoursBefore = Arbitraries.integers().between(3, 72);
        Arbitrary<Integer> nowBeforeDue = Arbitraries.integers().between(-600, 5 * 24 * 60);
        return Combinators.combine(zones, fromHour, length, days, visitDay, visitMinute, hoursBefore, nowBeforeDue)
                .as((zone, from, hours, chosen, day, minute, before, earlier) -> {
                    LocalTime start = LocalTime.of(from, 0);
                    LocalTime end = from + hours >= 24 ? LocalTime.of(23, 59) : LocalTime.of(from + hours, 0);
                    Instant visit = day.atTime(LocalTime.ofSecondOfDay(minute * 60L)).atZone(zone).toInstant();
                    Duration due = Duration.ofHours(before);
                    Instant now = visit.minus(due).minus(Duration.ofMinutes(earlier));
                    return new Case(new CallingWindow(zone, start, end, chosen), visit, due, now);
                });
    }

    private static Instant ceilMinute(Instant t) {
        Instant floor = t.truncatedTo(ChronoUnit.MINUTES);
        return floor.equals(t) ? t : floor.plus(Duration.ofMinutes(1));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
