package com.dentaldesk.voice.speech;

import java.time.LocalDate;

/** A day named relative to today ("today", "tomorrow"), resolved only against the clinic's own date. */
public enum RelativeDay {
    TODAY(0), TOMORROW(1), DAY_AFTER_TOMORROW(2);

    private final int offset;

    RelativeDay(int offset) {
        this.offset = offset;
    }

    /** The date meant, seen from {@code today} in the clinic's timezone. */
    public LocalDate from(LocalDate today) {
        return today.plusDays(offset);
    }
}
