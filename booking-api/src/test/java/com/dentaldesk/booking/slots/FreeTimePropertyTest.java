package com.dentaldesk.booking.slots;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

import com.dentaldesk.booking.slots.FreeTime.Start;
import com.dentaldesk.booking.slots.FreeTime.Window;

/**
 * The interval engine offers exactly the starts a minute-by-minute check offers: random working hours (across DST
 * changes in three zones), appointments for providers, rooms and patients, lengths, and "now".
 */
class FreeTimePropertyTest {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("America/New_York"), ZoneId.of("Europe/London"),
            ZoneId.of("Australia/Sydney"));
    /** Days on which the clocks change in those zones (2027), and an ordinary one. */
    private static final List<LocalDate> DAYS = List.of(LocalDate.of(2027, 3, 14), LocalDate.of(2027, 11, 7),
            LocalDate.of(2027, 3, 28), LocalDate.of(2027, 10, 31), LocalDate.of(2027, 4, 4),
            LocalDate.of(2027, 10, 3), LocalDate.of(2027, 6, 15));
    private static final long MINUTE = 60;

    record Book(ZoneId zone, List<Window> windows, List<HeldTime> busy, OptionalLong patient, int lengthMinutes,
            long now) {
    }

    @Property(tries = 1500, shrinking = ShrinkingMode.FULL)
    void shouldOfferExactlyTheStartsAMinuteByMinuteCheckOffers(@ForAll("books") Book book) {
        long length = book.lengthMinutes() * MINUTE;
        long step = (book.lengthMinutes() % 15 == 0 ? 15 : 10) * MINUTE;
        List<Start> engine = FreeTime.starts(book.windows(), book.busy(), book.patient(), length, step, book.now());
        assertThat(engine).isEqualTo(bruteForce(book, length, step));
    }

    /** Every step of every window, every minute of it checked against every appointment. */
    private static List<Start> bruteForce(Book book, long length, long step) {
        List<Start> free = new ArrayList<>();
        for (Window w : book.windows()) {
            for (long start = w.open(); start + length <= w.close(); start += step) {
                if (start < book.now()) {
                    continue;
                }
                boolean clear = true;
                for (long minute = start; minute < start + length && clear; minute += MINUTE) {
                    for (HeldTime b : book.busy()) {
                        boolean concerns = b.providerId() == w.providerId() || b.operatoryId() == w.operatoryId()
                                || book.patient().isPresent() && b.patientId() == book.patient().getAsLong();
                        if (concerns && b.start() <= minute && minute < b.end()) {
                            clear = false;
                            break;
                        }
                    }
                }
                Start candidate = new Start(start, w.providerId(), w.operatoryId());
                if (clear && !free.contains(candidate)) {
                    free.add(candidate);
                }
            }
        }
        free.sort(FreeTime.IN_TIME_ORDER);
        return free;
    }

    @Provide
    Arbitrary<Book> books() {
        Arbitrary<ZoneId> zones = Arbitraries.of(ZONES);
        Arbitrary<LocalDate> days = Arbitraries.of(DAYS);
        return Combinators.combine(zones, days).flatAs((zone, day) -> {
            long base = day.atStartOfDay(zone).toEpochSecond();
            Arbitrary<Window> windows = Combinators.combine(Arbitraries.longs().between(1, 3),
                    Arbitraries.longs().between(1, 3), Arbitraries.integers().between(-1, 1),
                    Arbitraries.integers().between(0, 22 * 12), Arbitraries.integers().between(1, 14 * 12))
                    .as((provider, room, dayOffset, startFiveMinutes, fiveMinutes) -> window(zone,
                            day.plusDays(dayOffset), provider, room, startFiveMinutes * 5, fiveMinutes * 5));
            Arbitrary<HeldTime> busy = Combinators.combine(Arbitraries.longs().between(1, 3),
                    Arbitraries.longs().between(1, 3), Arbitraries.longs().between(1, 3),
                    Arbitraries.longs().between(-36 * 60, 60 * 60), Arbitraries.longs().between(1, 240))
                    .as((provider, room, patient, startMinute, minutes) -> new HeldTime(0, provider, room, patient,
                            base + startMinute * MINUTE, base + (startMinute + minutes) * MINUTE));
            Arbitrary<OptionalLong> patient = Arbitraries.longs().between(1, 3).map(OptionalLong::of)
                    .injectNull(0.4).map(p -> p == null ? OptionalLong.empty() : p);
            return Combinators.combine(windows.list().ofMinSize(1).ofMaxSize(6),
                    busy.list().ofMaxSize(15), patient, Arbitraries.integers().between(10, 240),
                    Arbitraries.longs().between(-30 * 60, 50 * 60))
                    .as((w, b, p, length, nowMinute) -> new Book(zone, w, b, p, length, base + nowMinute * MINUTE));
        });
    }

    /** As the clinic's clock reads a schedule: wall times in the zone, a time in a DST gap moved forward. */
    private static Window window(ZoneId zone, LocalDate date, long provider, long room, int startMinute, int minutes) {
        LocalTime start = LocalTime.MIN.plusMinutes(startMinute);
        LocalTime stop = LocalTime.MIN.plusMinutes(Math.min(startMinute + minutes, 24 * 60 - 1));
        return new Window(provider, room, ZonedDateTime.of(date, start, zone).toEpochSecond(),
                ZonedDateTime.of(date, stop, zone).toEpochSecond());
    }
}
