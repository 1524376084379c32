package com.dentaldesk.voice.speech;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Month;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The appointment facts a sentence states: weekday, relative day, month and day, clock time, part of day and
 * provider surname. One reader for the model's sentences and the caller's answers, so "Tuesday at 9" means the
 * same thing on both sides. Anything not stated is null.
 *
 * <p>A time without "am"/"pm" is read in clinic hours: 7 to 11 in the morning, 12 at noon, 1 to 6 in the
 * afternoon; {@code meridiemStated} says whether the sentence settled it.
 */
record SpokenFacts(DayOfWeek day, RelativeDay relative, Month month, Integer dayOfMonth, LocalTime time,
        boolean meridiemStated, PartOfDay partOfDay, String provider) {

    enum PartOfDay {
        MORNING, AFTERNOON, EVENING;

        boolean contains(LocalTime t) {
            return switch (this) {
                case MORNING -> t.getHour() < 12;
                case AFTERNOON -> t.getHour() >= 12 && t.getHour() < 17;
                case EVENING -> t.getHour() >= 17;
            };
        }
    }

    static final SpokenFacts NONE = new SpokenFacts(null, null, null, null, null, false, null, null);

    private static final String WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
    private static final String MONTHS = "january|february|march|april|may|june|july|august|september|october|"
            + "november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
    private static final String[] UNITS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
            "seventeenth", "eighteenth", "nineteenth"};
    private static final Map<String, Integer> ORDINAL_WORDS = ordinalWords();
    private static final String ORDINAL_WORD = "(?:twenty |thirty )?(?:" + String.join("|", UNITS)
            + ")|twentieth|thirtieth";
    private static final String DAY_NUMBER = "(\\d{1,2})(?:st|nd|rd|th)?|(" + ORDINAL_WORD + ")";
    private static final String HOUR_WORD = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
    private static final String MINUTE_WORD = "oh five|o five|oh one|fifteen|twenty five|twenty|thirty five|thirty|"
            + "forty five|forty|fifty five|fifty|ten|oh oh|hundred";
    private static final String NOT_A_CLOCK = "(?! ?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|people|"
            + "patients|percent|dollars|bucks|kids|children|of|visits|appointments|times|x|st|nd|rd|th)\\b)";

    private static final Pattern WEEKDAY = Pattern.compile("\\b(" + WEEKDAYS + ")s?\\b");
    private static final Pattern DAY_AFTER_TOMORROW = Pattern.compile("\\bday after tomorrow\\b");
    private static final Pattern TOMORROW = Pattern.compile("\\btomorrow\\b");
    private static final Pattern TODAY = Pattern.compile("\\b(?:today|tonight|this (?:morning|afternoon|evening))\\b");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b(" + MONTHS + ") (?:the )?(?:" + DAY_NUMBER + ")\\b");
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(?:the )?(?:" + DAY_NUMBER + ") (?:of )?(" + MONTHS + ")\\b");
    private static final Pattern WEEKDAY_ORDINAL = Pattern.compile(
            "\\b(?:" + WEEKDAYS + ") (?:the )?(?:(\\d{1,2})(?:st|nd|rd|th)|(" + ORDINAL_WORD + "))\\b");
    private static final Pattern THE_ORDINAL = Pattern.compile("\\bthe (\\d{1,2})(?:st|nd|rd|th)\\b");

    private static final Pattern CLOCK_MERIDIEM = Pattern.compile("\\b(\\d{1,2})(?::(\\d{2}))? ?(am|pm)\\b");
    private static final Pattern WORDS_MERIDIEM = Pattern.compile(
            "\\b(" + HOUR_WORD + ")(?: (" + MINUTE_WORD + "))? ?(am|pm)\\b");
    private static final Pattern NOON = Pattern.compile("\\b(?:noon|midday)\\b");
    private static final Pattern PAST = Pattern.compile("\\b(half|quarter) past (\\d{1,2}|" + HOUR_WORD + ")\\b");
    private static final Pattern TO = Pattern.compile("\\bquarter (?:to|of|till) (\\d{1,2}|" + HOUR_WORD + ")\\b");
    private static final Pattern CLOCK = Pattern.compile("\\b(\\d{1,2}):(\\d{2})\\b");
    private static final Pattern OCLOCK = Pattern.compile("\\b(\\d{1,2}|" + HOUR_WORD + ") ?o'?clock\\b");
    private static final Pattern WORDS = Pattern.compile("\\b(" + HOUR_WORD + ") (" + MINUTE_WORD + ")\\b" + NOT_A_CLOCK);
    private static final Pattern AT_HOUR = Pattern.compile("\\bat (\\d{1,2}|" + HOUR_WORD + ")\\b" + NOT_A_CLOCK);
    private static final Pattern BARE_HOUR = Pattern.compile(
            "\\b(\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\b" + NOT_A_CLOCK);
    private static final Pattern MORNING = Pattern.compile("\\b(?:in the morning|this morning|morning)\\b");
    private static final Pattern LATER_IN_DAY = Pattern.compile(
            "\\b(?:in the afternoon|in the evening|this afternoon|this evening|at night|tonight)\\b");
    private static final Pattern AFTERNOON = Pattern.compile("\\bafternoon\\b");
    private static final Pattern EVENING = Pattern.compile("\\b(?:evening|tonight|after work|after school)\\b");

    private static final Pattern DOCTOR = Pattern.compile(
            "(?i)\\b(?:dr|doctor)\\.?\\s+([a-z][a-z'\\-]+)(?:\\s+([a-z][a-z'\\-]+))?");
    private static final Pattern WITH_NAME = Pattern.compile("\\bwith ([A-Z][a-z'\\-]+)\\b");
    private static final Set<String> NOT_A_NAME = Set.of("the", "a", "an", "your", "our", "is", "will", "on", "at",
            "for", "who", "and", "or", "that", "this", "in", "with", "dr", "doctor", "us", "you", "me", "him", "her",
            "them", "i", "we", "it", "today", "tomorrow", "has", "can", "would", "could", "should", "was", "next",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december");

    /** Facts stated in a model sentence; bare numbers are not read as times ("2 appointments"). */
    static SpokenFacts of(String text) {
        return of(text, false);
    }

    /**
     * @param bareNumbersAreTimes read a lone "10" or "ten" as a clock time, as a caller answering a time offer
     *        means it ("yes, 10 works")
     */
    static SpokenFacts of(String text, boolean bareNumbersAreTimes) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String cased = text.replace('’', '\'').replace('‘', '\'');
        String s = normalise(cased);

        DayOfWeek day = null;
        Matcher w = WEEKDAY.matcher(s);
        if (w.find()) {
            day = DayOfWeek.valueOf(w.group(1).toUpperCase(Locale.ROOT));
        }
        RelativeDay relative = DAY_AFTER_TOMORROW.matcher(s).find() ? RelativeDay.DAY_AFTER_TOMORROW
                : TOMORROW.matcher(s).find() ? RelativeDay.TOMORROW
                        : TODAY.matcher(s).find() ? RelativeDay.TODAY : null;

        Month month = null;
        Integer dayOfMonth = null;
        Matcher m;
        if ((m = MONTH_DAY.matcher(s)).find()) {
            month = month(m.group(1));
            dayOfMonth = dayNumber(m.group(2), m.group(3));
        } else if ((m = DAY_MONTH.matcher(s)).find()) {
            month = month(m.group(3));
            dayOfMonth = dayNumber(m.group(1), m.group(2));
        } else if ((m = WEEKDAY_ORDINAL.matcher(s)).find()) {
            dayOfMonth = dayNumber(m.group(1), m.group(2));
        } else if ((m = THE_ORDINAL.matcher(s)).find()) {
            dayOfMonth = dayNumber(m.group(1), null);
        }
        if (dayOfMonth != null && (dayOfMonth < 1 || dayOfMonth > 31)) {
            month = null;
            dayOfMonth = null;
        }
        String withoutDates = m != null && dayOfMonth != null ? blank(s, m.start(), m.end()) : s;

        Clock clock = clock(withoutDates, bareNumbersAreTimes);
        PartOfDay part = MORNING.matcher(s).find() ? PartOfDay.MORNING
                : AFTERNOON.matcher(s).find() ? PartOfDay.AFTERNOON
                        : EVENING.matcher(s).find() ? PartOfDay.EVENING : null;
        return new SpokenFacts(day, relative, month, dayOfMonth, clock == null ? null : clock.time,
                clock != null && clock.meridiemStated, part, provider(cased));
    }

    /** Whether the sentence states any fact about when or with whom. */
    boolean any() {
        return day != null || relative != null || dayOfMonth != null || time != null || partOfDay != null
                || provider != null;
    }

    /** Lowercase, "a.m." as "am", punctuation other than apostrophes and clock colons as spaces. */
    static String normalise(String text) {
        String s = text.replace('’', '\'').replace('‘', '\'').toLowerCase(Locale.ROOT);
        s = s.replaceAll("(?<=\\d|\\b(?:" + HOUR_WORD + "))\\s?([ap])\\.?\\s?m\\b\\.?", " $1m");
        s = s.replaceAll("(?<![0-9]):|:(?![0-9])", " ");
        s = s.replaceAll("[^a-z0-9':\\s]", " ");
        return s.replaceAll("\\s+", " ").trim();
    }

    private record Clock(LocalTime time, boolean meridiemStated) {
    }

    private static Clock clock(String s, boolean bareNumbersAreTimes) {
        Matcher m;
        if ((m = CLOCK_MERIDIEM.matcher(s)).find()) {
            return at(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)), m.group(3));
        }
        if ((m = WORDS_MERIDIEM.matcher(s)).find()) {
            return at(NumberWords.value(m.group(1)), minutes(m.group(2)), m.group(3));
        }
        if (NOON.matcher(s).find()) {
            return new Clock(LocalTime.NOON, true);
        }
        String meridiem = LATER_IN_DAY.matcher(s).find() ? "pm" : MORNING.matcher(s).find() ? "am" : null;
        if ((m = PAST.matcher(s)).find()) {
            return at(NumberWords.value(m.group(2)), m.group(1).equals("half") ? 30 : 15, meridiem);
        }
        if ((m = TO.matcher(s)).find()) {
            int h = NumberWords.value(m.group(1));
            return at(h == 1 ? 12 : h - 1, 45, meridiem);
        }
        if ((m = CLOCK.matcher(s)).find()) {
            return at(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), meridiem);
        }
        if ((m = OCLOCK.matcher(s)).find()) {
            return at(NumberWords.value(m.group(1)), 0, meridiem);
        }
        if ((m = WORDS.matcher(s)).find()) {
            return at(NumberWords.value(m.group(1)), minutes(m.group(2)), meridiem);
        }
        if ((m = AT_HOUR.matcher(s)).find()) {
            return at(NumberWords.value(m.group(1)), 0, meridiem);
        }
        if (bareNumbersAreTimes && (m = BARE_HOUR.matcher(s)).find()) {
            return at(NumberWords.value(m.group(1)), 0, meridiem);
        }
        return null;
    }

    private static Clock at(int hour, int minute, String meridiem) {
        if (minute > 59 || hour > 23) {
            return null;
        }
        if (hour > 12 || hour == 0) {
            return new Clock(LocalTime.of(hour, minute), true);
        }
        if (meridiem == null) {
            int h = hour == 12 ? 12 : hour <= 6 ? hour + 12 : hour;
            return new Clock(LocalTime.of(h, minute), false);
        }
        int h = hour % 12 + (meridiem.equals("pm") ? 12 : 0);
        return new Clock(LocalTime.of(h, minute), true);
    }

    private static int minutes(String word) {
        if (word == null) {
            return 0;
        }
        return switch (word) {
            case "oh five", "o five" -> 5;
            case "oh one" -> 1;
            case "ten" -> 10;
            case "fifteen" -> 15;
            case "twenty" -> 20;
            case "twenty five" -> 25;
            case "thirty" -> 30;
            case "thirty five" -> 35;
            case "forty" -> 40;
            case "forty five" -> 45;
            case "fifty" -> 50;
            case "fifty five" -> 55;
            default -> 0;
        };
    }

    private static String provider(String cased) {
        Matcher m = DOCTOR.matcher(cased);
        while (m.find()) {
            String first = m.group(1);
            if (NOT_A_NAME.contains(first.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String second = m.group(2);
            if (second != null && Character.isUpperCase(second.charAt(0)) && Character.isUpperCase(first.charAt(0))
                    && !NOT_A_NAME.contains(second.toLowerCase(Locale.ROOT))) {
                return surname(second);
            }
            return surname(first);
        }
        Matcher with = WITH_NAME.matcher(cased);
        while (with.find()) {
            if (!NOT_A_NAME.contains(with.group(1).toLowerCase(Locale.ROOT))) {
                return surname(with.group(1));
            }
        }
        return null;
    }

    private static String surname(String word) {
        String name = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
        return name.replaceAll("['\\-]+$", "");
    }

    private static Month month(String name) {
        String prefix = name.substring(0, 3);
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return month;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static Integer dayNumber(String digits, String word) {
        if (digits != null) {
            return Integer.parseInt(digits);
        }
        return word == null ? null : ORDINAL_WORDS.get(word);
    }

    private static String blank(String s, int start, int end) {
        return s.substring(0, start) + " ".repeat(end - start) + s.substring(end);
    }

    private static Map<String, Integer> ordinalWords() {
        Map<String, Integer> words = new HashMap<>();
        for (int i = 0; i < UNITS.length; i++) {
            words.put(UNITS[i], i + 1);
        }
        words.put("twentieth", 20);
        words.put("thirtieth", 30);
        for (int i = 0; i < 9; i++) {
            words.put("twenty " + UNITS[i], 21 + i);
        }
        words.put("thirty first", 31);
        return words;
    }
}
