package com.dentaldesk.booking.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

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
        for (Instant t = Instant.parse("2026-01-01T00:00:00Z"); t.isBefore(Instant.parse("2027-01-01T00:00:00Z"));
                t = t.plus(Duration.ofMinutes(7))) {
            assertThat(fast.format(t)).as("%s in %s", t, zone).isEqualTo(ClinicTime.WALL_TIME.format(t.atZone(zone)));
        }
    }
}
