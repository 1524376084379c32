package com.dentaldesk.booking.time;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Formats instants as clinic wall time ({@code YYYY-MM-DD HH:mm:ss}, the same text as {@link ClinicTime#WALL_TIME})
 * for the slots a search returns: the zone's offset is looked up once per stretch between two clock changes, the date
 * once per day, and the text is written as digits into one buffer, so a slot's time costs one string. (Formatting
 * was half of a slot search's CPU time with the JDK's formatter; later, with a string concatenation per slot and an
 * offset lookup per slot that boxes the year, 16% of the bytes booking-api allocated under searches.) One instance
 * per request, not thread-safe.
 */
public final class WallTimeFormatter {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final int TEXT_LENGTH = 19;

    private final ZoneRules rules;
    private final byte[] text = new byte[TEXT_LENGTH];
    /** The offset in force from {@link #offsetFrom} (inclusive) to {@link #offsetUntil} (exclusive), epoch seconds. */
    private long offsetFrom = Long.MAX_VALUE;
    private long offsetUntil = Long.MIN_VALUE;
    private int offsetSeconds;
    private long dayInText = Long.MIN_VALUE;

    public WallTimeFormatter(ZoneId zone) {
        this.rules = zone.getRules();
    }

    public String format(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        if (epochSecond < offsetFrom || epochSecond >= offsetUntil) {
            learnOffsetAround(epochSecond);
        }
        long local = epochSecond + offsetSeconds;
        long day = Math.floorDiv(local, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(local, SECONDS_PER_DAY);
        if (day != dayInText && !writeDate(day)) {
            return LocalDate.ofEpochDay(day) + " " + time(secondOfDay);
        }
        twoDigits(11, secondOfDay / 3600);
        text[13] = ':';
        twoDigits(14, secondOfDay / 60 % 60);
        text[16] = ':';
        twoDigits(17, secondOfDay % 60);
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /** Transitions fall on whole seconds: the offset holds from the last one at or before this second to the next. */
    private void learnOffsetAround(long epochSecond) {
        Instant second = Instant.ofEpochSecond(epochSecond);
        offsetSeconds = rules.getOffset(second).getTotalSeconds();
        ZoneOffsetTransition previous = rules.previousTransition(second.plusSeconds(1));
        ZoneOffsetTransition next = rules.nextTransition(second);
        offsetFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
        offsetUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond();
    }

    /** Writes {@code YYYY-MM-DD } for the day; false for a year that is not four digits (formatted the long way). */
    private boolean writeDate(long epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            return false;
        }
        twoDigits(0, year / 100);
        twoDigits(2, year % 100);
        text[4] = '-';
        twoDigits(5, date.getMonthValue());
        text[7] = '-';
        twoDigits(8, date.getDayOfMonth());
        text[10] = ' ';
        dayInText = epochDay;
        return true;
    }

    private static String time(int secondOfDay) {
        return String.format("%02d:%02d:%02d", secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60);
    }

    private void twoDigits(int at, int value) {
        text[at] = (byte) ('0' + value / 10);
        text[at + 1] = (byte) ('0' + value % 10);
    }
}
