package com.dentaldesk.voice.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateResolverTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    @ParameterizedTest(name = "{0} at {1} in {2}: ''{3}'' is {4}")
    @CsvSource({
            // Sunday 2026-06-07 mid-day in New York; Monday 2026-06-08 in New York.
            "Sunday, 2026-06-07T16:00:00Z, America/New_York, next Tuesday, 2026-06-09",
            "Monday, 2026-06-08T16:00:00Z, America/New_York, next Tuesday, 2026-06-16",
            // Sunday and Monday in Sydney (UTC+10 in June).
            "Sunday, 2026-06-07T02:00:00Z, Australia/Sydney, next Tuesday, 2026-06-09",
            "Monday, 2026-06-08T02:00:00Z, Australia/Sydney, next Tuesday, 2026-06-16",
            "Sunday, 2026-06-07T16:00:00Z, America/New_York, Tuesday, 2026-06-09",
            "Monday, 2026-06-08T16:00:00Z, America/New_York, this Tuesday, 2026-06-09",
            "Monday, 2026-06-08T16:00:00Z, America/New_York, tomorrow, 2026-06-09",
            "Monday, 2026-06-08T16:00:00Z, America/New_York, the 3rd, 2026-07-03",
            "Monday, 2026-06-08T16:00:00Z, America/New_York, the 8th, 2026-06-08",
            "Monday, 2026-06-08T16:00:00Z, America/New_York, June 3, 2027-06-03",
            "Monday, 2026-06-08T16:00:00Z, America/New_York, on the 12th of June, 2026-06-12",
            "Monday, 2026-06-08T16:00:00Z, America/New_York, in 3 days, 2026-06-11",
            "Monday, 2026-06-08T16:00:00Z, America/New_York, day after tomorrow, 2026-06-10",
    })
    void shouldResolveSpokenDaysInTheClinicsZone(String weekday, String now, String zone, String phrase,
            String expected) {
        var range = DateResolver.resolve(phrase, ZoneId.of(zone), Instant.parse(now)).orElseThrow();
        assertEquals(LocalDate.parse(expected), range.start());
        assertTrue(range.singleDay());
    }

    @Test
    void shouldUseTheClinicsLocalDateNotUtcWhenTheyDiffer() {
        // 03:00 UTC on Monday is still Sunday evening in New York but Monday afternoon in Sydney.
        Instant now = Instant.parse("2026-06-08T03:00:00Z");
        assertEquals(LocalDate.parse("2026-06-08"), DateResolver.resolve("tomorrow", NEW_YORK, now).orElseThrow().start());
        assertEquals(LocalDate.parse("2026-06-09"), DateResolver.resolve("tomorrow", SYDNEY, now).orElseThrow().start());
        assertEquals(LocalDate.parse("2026-06-09"), DateResolver.resolve("next Tuesday", NEW_YORK, now).orElseThrow().start());
        assertEquals(LocalDate.parse("2026-06-16"), DateResolver.resolve("next Tuesday", SYDNEY, now).orElseThrow().start());
    }

    @Test
    void shouldResolveWeeksAsRanges() {
        Instant wednesday = Instant.parse("2026-06-10T15:00:00Z");
        DateRange next = DateResolver.resolve("sometime next week", NEW_YORK, wednesday).orElseThrow();
        assertEquals(LocalDate.parse("2026-06-15"), next.start());
        assertEquals(LocalDate.parse("2026-06-21"), next.end());
        DateRange rest = DateResolver.resolve("this week", NEW_YORK, wednesday).orElseThrow();
        assertEquals(LocalDate.parse("2026-06-10"), rest.start());
        assertEquals(LocalDate.parse("2026-06-14"), rest.end());
    }

    @Test
    void shouldNotGuessWhenNoDayIsNamed() {
        assertTrue(DateResolver.resolve("whenever works", NEW_YORK, Instant.now()).isEmpty());
        assertTrue(DateResolver.resolve("February 30", NEW_YORK, Instant.now()).isEmpty());
    }
}
