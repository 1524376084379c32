package com.dentaldesk.booking.slots;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.functions.Page;
import com.dentaldesk.booking.functions.Params;
import com.dentaldesk.booking.slots.FreeTime.Start;
import com.dentaldesk.booking.slots.FreeTime.Window;
import com.dentaldesk.booking.tenancy.ClinicTransaction;
import com.dentaldesk.booking.time.ClinicTime;
import com.dentaldesk.booking.time.WallTimeFormatter;
import com.dentaldesk.contracts.booking.Slot;

/**
 * Free slots = schedules minus time held by appointments (provider, room and patient must all be free for the
 * whole interval) minus the past, computed by {@link FreeTime} from two reads ({@link SlotReads}: open hours and
 * held time) per stretch of days. Nothing is cached: every answer reads the book as it is. A search reads in a
 * {@link ClinicTransaction} of its own; a refused booking's alternatives read on the booking's connection.
 */
@ApplicationScoped
public class SlotFinder {

    public static final int MAX_RANGE_DAYS = 31;
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 240;
    public static final int DEFAULT_LENGTH = 30;
    /** A page a caller-facing search can use at once; more through {@code next}, or ask with a larger limit. */
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 10_000;
    private static final int ALTERNATIVES = 3;
    private static final int ALTERNATIVES_WINDOW_DAYS = 14;
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,12})-(\\d{1,18})-(\\d{1,18})");

    private final ClinicTransaction transaction;
    private final ClinicTime clinicTime;

    public SlotFinder(ClinicTransaction transaction, ClinicTime clinicTime) {
        this.transaction = transaction;
        this.clinicTime = clinicTime;
    }

    /**
     * GetAvailableSlots: free slots in time order (then provider, then room), at most {@code limit} (default 100);
     * {@code next} in the answer, given back as {@code after}, continues where the page ended. {@code timeFrom} /
     * {@code timeTo} (clinic wall clock) keep starts in part of the day, e.g. afternoons only.
     */
    public Page<Slot> find(Params params) {
        LocalDate from = params.requiredDate("dateStart");
        LocalDate to = params.requiredDate("dateEnd");
        params.requireAll();
        int length = params.optionalInt("lengthMinutes").orElse(DEFAULT_LENGTH);
        int limit = params.optionalInt("limit").orElse(DEFAULT_LIMIT);
        Optional<Start> after = params.optionalString("after").map(SlotFinder::parseCursor);
        Optional<LocalTime> timeFrom = params.optionalTime("timeFrom");
        Optional<LocalTime> timeTo = params.optionalTime("timeTo");
        if (to.isBefore(from)) {
            throw BookingException.invalid("dateEnd", "dateEnd must not be before dateStart");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
            throw BookingException.invalid("dateEnd", "Search at most " + MAX_RANGE_DAYS + " days at a time");
        }
        checkLength(length);
        if (timeFrom.isPresent() && timeTo.isPresent() && !timeTo.get().isAfter(timeFrom.get())) {
            throw BookingException.invalid("timeTo", "timeTo must be after timeFrom");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw BookingException.invalid("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        Optional<Long> provNum = params.optionalLong("ProvNum");
        Optional<Long> opNum = params.optionalLong("OpNum");
        Optional<Long> patNum = params.optionalLong("PatNum");
        Instant now = clinicTime.now();
        Predicate<Start> inHours = timeFrom.isEmpty() && timeTo.isEmpty() ? start -> true
                : startsBetween(timeFrom.orElse(LocalTime.MIN), timeTo);
        Predicate<Start> wanted = after.map(cursor -> inHours.and(start -> FreeTime.IN_TIME_ORDER.compare(start,
                cursor) > 0)).orElse(inHours);
        WallTimeFormatter wallTime = new WallTimeFormatter(clinicTime.zone());
        LocalDate firstDay = latest(from, clinicTime.today(),
                after.map(cursor -> clinicTime.dateOf(Instant.ofEpochSecond(cursor.start()))).orElse(from));
        // A page rarely needs the whole range: read the book a day, then 2, 4, 8 days at a time, until the page
        // and one more slot (is there a next page?) are found. Schedules are per day, so each read is exact.
        return transaction.read((connection, clinic) -> {
            List<Start> starts = new ArrayList<>();
            List<Slot> slots = new ArrayList<>();
            LocalDate chunkFrom = firstDay;
            long days = limit > DEFAULT_LIMIT * 10 ? MAX_RANGE_DAYS : 1;
            while (!chunkFrom.isAfter(to) && starts.size() <= limit) {
                LocalDate chunkTo = chunkFrom.plusDays(days - 1).isAfter(to) ? to : chunkFrom.plusDays(days - 1);
                Book book = book(SlotReads.read(connection, clinic, chunkFrom, chunkTo, provNum, opNum, patNum,
                        clinicTime.startOfDay(chunkFrom), clinicTime.startOfDay(chunkTo.plusDays(1))),
                        Optional.empty());
                for (Start start : book.free(length, provNum, patNum, now)) {
                    if (starts.size() > limit) {
                        break;
                    }
                    if (wanted.test(start)) {
                        starts.add(start);
                        slots.add(book.slot(start, length, wallTime));
                    }
                }
                chunkFrom = chunkTo.plusDays(1);
                days *= 2;
            }
            if (starts.size() > limit) {
                return new Page<>(slots.subList(0, limit), cursor(starts.get(limit - 1)));
            }
            return new Page<>(slots, null);
        });
    }

    private static LocalDate latest(LocalDate a, LocalDate b, LocalDate c) {
        LocalDate later = a.isAfter(b) ? a : b;
        return later.isAfter(c) ? later : c;
    }

    public static void checkLength(int length) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw BookingException.invalid("lengthMinutes",
                    "lengthMinutes must be between " + MIN_LENGTH + " and " + MAX_LENGTH);
        }
    }

    /**
     * Up to three free slots nearest to the requested start, with the same provider when possible, else any:
     * what a caller who just lost a slot is offered instead. The provider's days around it are read first; their two
     * weeks after it only when those cannot prove the answer (fewer than three with that provider, or the third
     * farther away than the first day not read); everyone's two weeks only when the provider has no free time.
     * Reads on the booking's {@code connection}, in its transaction.
     */
    public List<Slot> alternatives(Connection connection, long clinic, Instant requested, long provNum,
            int lengthMinutes, long patNum, Optional<Long> ignoreAppointment) throws SQLException {
        LocalDate day = clinicTime.dateOf(requested);
        LocalDate from = day.minusDays(1).isBefore(clinicTime.today()) ? clinicTime.today() : day.minusDays(1);
        long wanted = requested.getEpochSecond();
        Comparator<Start> nearest = Comparator.comparingLong((Start s) -> Math.abs(s.start() - wanted) / 60)
                .thenComparing(FreeTime.IN_TIME_ORDER);
        Instant now = clinicTime.now();

        LocalDate nearTo = day.plusDays(1);
        Book near = read(connection, clinic, from, nearTo, Optional.of(provNum), Optional.empty(),
                Optional.of(patNum), ignoreAppointment);
        List<Start> sameProvider = others(near.free(lengthMinutes, Optional.of(provNum), Optional.of(patNum), now),
                requested, provNum).sorted(nearest).limit(ALTERNATIVES).toList();
        long unread = clinicTime.startOfDay(nearTo.plusDays(1)).getEpochSecond() - wanted;
        if (sameProvider.size() == ALTERNATIVES && Math.abs(sameProvider.get(ALTERNATIVES - 1).start() - wanted)
                <= unread) {
            return slots(near, sameProvider, lengthMinutes);
        }

        // The provider's two weeks first: the whole clinic's held time (pg_stat_statements: 5 ms for 1,270 rows in
        // the benchmark's book) is read only when the provider has no free time at all.
        LocalDate to = day.plusDays(ALTERNATIVES_WINDOW_DAYS);
        Book book = read(connection, clinic, from, to, Optional.of(provNum), Optional.empty(), Optional.of(patNum),
                ignoreAppointment);
        List<Start> candidates = book.free(lengthMinutes, Optional.of(provNum), Optional.of(patNum), now);
        if (candidates.isEmpty()) {
            book = read(connection, clinic, from, to, Optional.empty(), Optional.empty(), Optional.empty(),
                    ignoreAppointment);
            candidates = book.free(lengthMinutes, Optional.empty(), Optional.of(patNum), now);
        }
        return slots(book, others(candidates, requested, provNum).sorted(nearest).limit(ALTERNATIVES).toList(),
                lengthMinutes);
    }

    /** Every candidate but the requested slot itself. */
    private static java.util.stream.Stream<Start> others(List<Start> candidates, Instant requested, long provNum) {
        long wanted = requested.getEpochSecond();
        return candidates.stream().filter(s -> s.start() != wanted || s.providerId() != provNum);
    }

    private List<Slot> slots(Book book, List<Start> starts, int lengthMinutes) {
        WallTimeFormatter wallTime = new WallTimeFormatter(clinicTime.zone());
        return starts.stream().map(s -> book.slot(s, lengthMinutes, wallTime)).toList();
    }

    /** What the alternatives read, in the booking's transaction: see {@link #book}. */
    private Book read(Connection connection, long clinic, LocalDate from, LocalDate to, Optional<Long> provNum,
            Optional<Long> opNum, Optional<Long> patNum, Optional<Long> ignoreAppointment) throws SQLException {
        return book(SlotReads.read(connection, clinic, from, to, provNum, opNum, patNum, clinicTime.startOfDay(from),
                clinicTime.startOfDay(to.plusDays(1))), ignoreAppointment);
    }

    /** Bookable providers' working windows in active rooms, and the time held in them. */
    private Book book(SlotReads.Reading reading, Optional<Long> ignoreAppointment) {
        Map<Long, String> names = new HashMap<>();
        List<Window> windows = new ArrayList<>();
        for (OpenHours hours : reading.openHours()) {
            names.put(hours.providerId(), hours.providerName());
            windows.add(new Window(hours.providerId(), hours.operatoryId(),
                    clinicTime.at(hours.date(), hours.startTime()).getEpochSecond(),
                    clinicTime.at(hours.date(), hours.stopTime()).getEpochSecond()));
        }
        List<HeldTime> busy = reading.held();
        if (ignoreAppointment.isPresent()) {
            busy = busy.stream().filter(held -> held.appointmentId() != ignoreAppointment.get()).toList();
        }
        return new Book(windows, busy, names);
    }

    private record Book(List<Window> windows, List<HeldTime> busy, Map<Long, String> providerNames) {

        List<Start> free(int lengthMinutes, Optional<Long> provNum, Optional<Long> patNum, Instant now) {
            List<Window> searched = provNum.map(p -> windows.stream().filter(w -> w.providerId() == p).toList())
                    .orElse(windows);
            // Starts are whole seconds; "not in the past" is at or after now.
            long notBefore = now.getEpochSecond() + (now.getNano() > 0 ? 1 : 0);
            long step = (lengthMinutes % 15 == 0 ? 15 : 10) * 60L;
            return FreeTime.starts(searched, busy,
                    patNum.map(OptionalLong::of).orElse(OptionalLong.empty()), lengthMinutes * 60L, step, notBefore);
        }

        Slot slot(Start start, int lengthMinutes, WallTimeFormatter wallTime) {
            Instant begin = Instant.ofEpochSecond(start.start());
            return new Slot(wallTime.format(begin), wallTime.format(begin.plus(Duration.ofMinutes(lengthMinutes))),
                    start.providerId(), start.operatoryId(), lengthMinutes, providerNames.get(start.providerId()));
        }
    }

    private Predicate<Start> startsBetween(LocalTime from, Optional<LocalTime> to) {
        ZoneRules rules = clinicTime.zone().getRules();
        int fromSecond = from.toSecondOfDay();
        int toSecond = to.map(LocalTime::toSecondOfDay).orElse(Integer.MAX_VALUE);
        return start -> {
            Instant instant = Instant.ofEpochSecond(start.start());
            int secondOfDay = (int) Math.floorMod(start.start() + rules.getOffset(instant).getTotalSeconds(), 86_400L);
            return secondOfDay >= fromSecond && secondOfDay < toSecond;
        };
    }

    /** The page cursor: the last start's instant, provider and room. Opaque to clients. */
    private static String cursor(Start start) {
        return start.start() + "-" + start.providerId() + "-" + start.operatoryId();
    }

    private static Start parseCursor(String value) {
        Matcher matcher = CURSOR.matcher(value);
        if (!matcher.matches()) {
            throw BookingException.invalid("after", "after must be the 'next' value of an earlier answer");
        }
        return new Start(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
                Long.parseLong(matcher.group(3)));
    }

}
