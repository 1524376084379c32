package com.dentaldesk.booking.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Formats instants as clinic wall time ({@code YYYY-MM-DD HH:mm:ss}, the same text as {@link ClinicTime#WALL_TIME})
 * for the thousands of slots a two-week search returns: the date part is built once per day and the time part
 * from digits, which made formatting drop from half of a slot search's CPU time to noise. One instance per
 * request (it remembers the last day), not thread-safe.
 */
public final class WallTimeFormatter {

    private static final int SECONDS_PER_DAY = 86_400;

    private final ZoneRules rules;
    private long lastDay = Long.MIN_VALUE;
    private String lastDayPrefix;

    public WallTimeFormatter(ZoneId zone) {
        this.rules = zone.getRules();
    }

    public String format(Instant instant) {
        long local = instant.getEpochSecond() + rules.getOffset(instant).getTotalSeconds();
        long day = Math.floorDiv(local, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(local, SECONDS_PER_DAY);
        if (day != lastDay) {
            lastDay = day;
            lastDayPrefix = LocalDate.ofEpochDay(day) + " ";
        }
        char[] time = new char[8];
        twoDigits(time, 0, secondOfDay / 3600);
        time[2] = ':';
        twoDigits(time, 3, secondOfDay / 60 % 60);
        time[5] = ':';
        twoDigits(time, 6, secondOfDay % 60);
        return lastDayPrefix.concat(new String(time));
    }

    private static void twoDigits(char[] into, int at, int value) {
        into[at] = (char) ('0' + value / 10);
        into[at + 1] = (char) ('0' + value % 10);
    }
}
