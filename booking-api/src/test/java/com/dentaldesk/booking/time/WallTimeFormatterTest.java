package com.dentaldesk.booking.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WallTimeFormatterTest {

    /** Every 7 minutes across a year (both DST changes included): the same text as the JDK formatter gives. */
    @ParameterizedTest
    @ValueSource(strings = {"America/New_York", "America/Los_Angeles", "Europe/London", "Australia/Lord_Howe",
            "Asia/Kolkata", "UTC"})
    void formatsExactlyLikeTheWallTimePattern(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        WallTimeFormatter fast = new WallTimeFormatter(zone);
        for (Instant t : everySevenMinutesOf2026()) {
            assertThat(fast.format(t)).as("%s in %s", t, zone).isEqualTo(ClinicTime.WALL_TIME.format(t.atZone(zone)));
        }
    }

    /**
     * In any order, as a refused booking's alternatives come (nearest first, on both sides of the asked time), and
     * at the very second of each clock change and the seconds around it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"America/New_York", "America/Los_Angeles", "Europe/London", "Australia/Lord_Howe",
            "Asia/Kolkata", "UTC"})
    void formatsExactlyInAnyOrderAndAtTheClockChanges(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        List<Instant> instants = new ArrayList<>(everySevenMinutesOf2026());
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (var change = zone.getRules().nextTransition(t); change != null
                && change.getInstant().isBefore(Instant.parse("2027-01-01T00:00:00Z"));
                change = zone.getRules().nextTransition(change.getInstant())) {
            for (int second = -2; second <= 2; second++) {
                instants.add(change.getInstant().plusSeconds(second).plusNanos(second == 0 ? 0 : 500_000_000));
                instants.add(change.getInstant().plusSeconds(second));
            }
        }
        Collections.shuffle(instants, new Random(zoneName.hashCode()));
        WallTimeFormatter fast = new WallTimeFormatter(zone);
        for (Instant instant : instants) {
            assertThat(fast.format(instant)).as("%s in %s", instant, zone)
                    .isEqualTo(ClinicTime.WALL_TIME.format(instant.atZone(zone)));
        }
    }

    private static List<Instant> everySevenMinutesOf2026() {
        List<Instant> instants = new ArrayList<>();
        for (Instant t = Instant.parse("2026-01-01T00:00:00Z"); t.isBefore(Instant.parse("2027-01-01T00:00:00Z"));
                t = t.plus(Duration.ofMinutes(7))) {
            instants.add(t);
        }
        return instants;
    }
}
