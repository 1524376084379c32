package com.dentaldesk.booking.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console writes times and durations: in the clinic's zone, short. */
public final class Display {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    private Display() {
    }

    public static String day(LocalDate date) {
        return DAY.format(date);
    }

    public static String time(LocalTime time) {
        return TIME.format(time);
    }

    public static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    public static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? "–" : DAY.format(instant.atZone(zone)) + ", " + TIME.format(instant.atZone(zone));
    }

    /** {@code 3 min 05 s}; "–" while the call has not ended. */
    public static String duration(Instant start, Instant end) {
        if (start == null || end == null || end.isBefore(start)) {
            return "–";
        }
        long seconds = Duration.between(start, end).toSeconds();
        return seconds < 60 ? seconds + " s" : String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
}
