package com.dentaldesk.voice.tools;

import java.time.LocalDate;

/** Inclusive range of clinic-local dates. */
public record DateRange(LocalDate start, LocalDate end) {

    public static DateRange day(LocalDate date) {
        return new DateRange(date, date);
    }

    public boolean singleDay() {
        return start.equals(end);
    }
}
