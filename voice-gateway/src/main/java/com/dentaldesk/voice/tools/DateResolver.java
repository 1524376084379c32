package com.dentaldesk.voice.tools;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.dentaldesk.voice.speech.NumberWords;

/**
 * Turns what a caller says about a day ("tomorrow", "next Tuesday", "the 3rd", "June 3") into clinic-local dates,
 * in code and in the clinic's timezone, so the model never does calendar arithmetic.
 *
 * <p>Rules, chosen to be predictable and read back to the caller:
 * <ul>
 * <li>"Tuesday", "this Tuesday", "coming Tuesday": the next Tuesday after today ("this Tuesday" on a Tuesday is
 * today).</li>
 * <li>"next Tuesday": the Tuesday of next week (weeks start on Monday). On a Sunday that is in two days; on a
 * Monday it is in eight.</li>
 * <li>"the 3rd": the next 3rd of a month, today included. "June 3" without a year: the next June 3.</li>
 * <li>"this week": today to Sunday; "next week": next Monday to Sunday; "weekend": the next Saturday and Sunday.</li>
 * </ul>
 */
public final class DateResolver {

    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern WEEKDAY = Pattern.compile(
            "\\b(?:(this|next|coming)\\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\\b");
    private static final Pattern IN_DAYS = Pattern.compile("\\bin\\s+(\\d{1,2}|a|one|two|three|four|five|six|seven)\\s+(day|days|week|weeks)\\b");
    private static final String MONTHS = "(january|february|march|april|may|june|july|august|september|october|november|december|"
            + "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)";
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTHS + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b");
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTHS + "(?:,?\\s+(\\d{4}))?\\b");
    private static final Pattern ORDINAL = Pattern.compile("\\b(?:the\\s+)?(\\d{1,2})(st|nd|rd|th)\\b");

    private DateResolver() {
    }

    /** The date(s) meant, seen from {@code now} in {@code zone}; empty if the words name no day. */
    public static Optional<DateRange> resolve(String phrase, ZoneId zone, Instant now) {
        if (phrase == null || phrase.isBlank()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        String text = phrase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9\\-\\s]", " ").replaceAll("\\s+", " ").trim();

        Matcher iso = ISO.matcher(text);
        if (iso.find()) {
            try {
                return Optional.of(DateRange.day(LocalDate.of(Integer.parseInt(iso.group(1)),
                        Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)))));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        if (text.contains("day after tomorrow")) {
            return Optional.of(DateRange.day(today.plusDays(2)));
        }
        if (text.contains("tomorrow")) {
            return Optional.of(DateRange.day(today.plusDays(1)));
        }
        if (text.matches(".*\\b(today|tonight|this morning|this afternoon|this evening)\\b.*")) {
            return Optional.of(DateRange.day(today));
        }
        if (text.contains("next week")) {
            LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            return Optional.of(new DateRange(monday, monday.plusDays(6)));
        }
        if (text.contains("this week")) {
            return Optional.of(new DateRange(today, today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))));
        }
        if (text.contains("weekend")) {
            LocalDate saturday = today.getDayOfWeek() == DayOfWeek.SUNDAY ? today.plusDays(6)
                    : today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
            if (text.contains("next weekend") && today.getDayOfWeek() != DayOfWeek.SUNDAY) {
                saturday = saturday.plusWeeks(1);
            }
            return Optional.of(new DateRange(saturday, saturday.plusDays(1)));
        }
        Matcher in = IN_DAYS.matcher(text);
        if (in.find()) {
            int n = in.group(1).equals("a") ? 1 : NumberWords.value(in.group(1));
            int days = in.group(2).startsWith("week") ? n * 7 : n;
            return Optional.of(DateRange.day(today.plusDays(days)));
        }
        Matcher weekday = WEEKDAY.matcher(text);
        if (weekday.find()) {
            DayOfWeek day = DayOfWeek.valueOf(weekday.group(2).toUpperCase(Locale.ROOT));
            String qualifier = weekday.group(1);
            if ("next".equals(qualifier)) {
                LocalDate nextMonday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
                return Optional.of(DateRange.day(nextMonday.with(TemporalAdjusters.nextOrSame(day))));
            }
            if ("this".equals(qualifier) && today.getDayOfWeek() == day) {
                return Optional.of(DateRange.day(today));
            }
            return Optional.of(DateRange.day(today.with(TemporalAdjusters.next(day))));
        }
        Matcher monthDay = MONTH_DAY.matcher(text);
        if (monthDay.find()) {
            return monthAndDay(today, month(monthDay.group(1)), Integer.parseInt(monthDay.group(2)), monthDay.group(3));
        }
        Matcher dayMonth = DAY_MONTH.matcher(text);
        if (dayMonth.find()) {
            return monthAndDay(today, month(dayMonth.group(2)), Integer.parseInt(dayMonth.group(1)), dayMonth.group(3));
        }
        Matcher ordinal = ORDINAL.matcher(text);
        if (ordinal.find()) {
            int dayOfMonth = Integer.parseInt(ordinal.group(1));
            if (dayOfMonth < 1 || dayOfMonth > 31) {
                return Optional.empty();
            }
            LocalDate month = today.withDayOfMonth(1);
            for (int i = 0; i < 13; i++) {
                LocalDate candidateMonth = month.plusMonths(i);
                if (dayOfMonth <= candidateMonth.lengthOfMonth()) {
                    LocalDate candidate = candidateMonth.withDayOfMonth(dayOfMonth);
                    if (!candidate.isBefore(today)) {
                        return Optional.of(DateRange.day(candidate));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** "Tuesday, June 9" as a caller would hear it. */
    public static String spoken(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US) + ", "
                + date.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + date.getDayOfMonth();
    }

    private static Optional<DateRange> monthAndDay(LocalDate today, Month month, int day, String year) {
        try {
            if (year != null) {
                return Optional.of(DateRange.day(LocalDate.of(Integer.parseInt(year), month, day)));
            }
            LocalDate candidate = LocalDate.of(today.getYear(), month, day);
            return Optional.of(DateRange.day(candidate.isBefore(today) ? candidate.plusYears(1) : candidate));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Month month(String name) {
        for (Month m : Month.values()) {
            if (m.name().toLowerCase(Locale.ROOT).startsWith(name.substring(0, 3))) {
                return m;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
