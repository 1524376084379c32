package com.dentaldesk.voice.speech;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Month;

/**
 * What a model sentence tells the caller about a write, with the facts it states; every fact is null when not
 * said. Produced by {@link ClaimDetector#detect(String)} and checked against {@link CompletedWrite}s.
 *
 * @param kind what the sentence says was done
 * @param day weekday named ("Tuesday")
 * @param relative "today", "tomorrow" or "the day after tomorrow"
 * @param month month named with a day ("December 1")
 * @param dayOfMonth day of the month ("December 1", "Dec 1st", "the 1st")
 * @param time clock time ("9", "9:30 a.m.", "nine thirty", "noon"); without am/pm read in clinic hours
 * @param provider surname as said ("Patel" from "Dr. Patel")
 * @param aboutSomeoneElse the sentence speaks of another person's appointment ("your son is booked too")
 */
public record Claim(Kind kind, DayOfWeek day, RelativeDay relative, Month month, Integer dayOfMonth, LocalTime time,
        String provider, boolean aboutSomeoneElse) {

    /** What a claim says was done. */
    public enum Kind {
        /** "You're booked", "I've scheduled", "we'll see you Tuesday at 9". */
        BOOKED,
        /** "I've moved your appointment", "it's been rescheduled". */
        MOVED,
        /** "I cancelled it", "it's been cancelled". */
        CANCELLED,
        /** Something was done, not saying what, and no day or time: "Done!", "consider it done", "you're all set". */
        DONE;

        /**
         * Whether a write of that kind makes this kind of claim true. A BOOKED claim is also true after a move: after
         * moving, "you're all set for Wednesday" tells the caller where they are booked now, and the facts still
         * have to match the new time.
         */
        public boolean satisfiedBy(WriteKind write) {
            return switch (this) {
                case BOOKED -> write == WriteKind.BOOKED || write == WriteKind.MOVED;
                case MOVED -> write == WriteKind.MOVED;
                case CANCELLED -> write == WriteKind.CANCELLED;
                case DONE -> true;
            };
        }
    }

    /** Whether the sentence states any day, time or provider. */
    public boolean hasFacts() {
        return day != null || relative != null || dayOfMonth != null || time != null || provider != null;
    }
}
