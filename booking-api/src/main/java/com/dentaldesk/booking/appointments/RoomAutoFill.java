package com.dentaldesk.booking.appointments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.dentaldesk.booking.slots.OpenHours;
import com.dentaldesk.booking.time.ClinicTime;

/**
 * The room of a booking or a move made without one: the room of the provider's schedule covering the whole time,
 * else the first active room (lowest id) that no appointment holds during it. The exclusion constraints still
 * decide: a room chosen here can be lost to a racing writer before the insert.
 */
final class RoomAutoFill {

    /** What a caller hears when every room is taken. */
    static final String NO_ROOM = "No operatory is free at that time";

    private static final String FIRST_FREE_ROOM = "select o.id from operatories o"
            + " where o.organization_id = ? and o.is_active and not exists (select 1 from appointments a"
            + " where a.organization_id = o.organization_id and a.operatory_id = o.id"
            + " and a.status in ('Scheduled', 'Complete') and tstzrange(a.starts_at, a.ends_at) && tstzrange(?, ?)"
            + " and (?::bigint is null or a.id <> ?))"
            + " order by o.id limit 1";

    private RoomAutoFill() {
    }

    /**
     * {@code providerHours}: the provider's open hours on the day of {@code start} (active rooms only);
     * {@code ignoreAppointment}: the appointment being moved, whose own time does not hold a room. Empty when every
     * room is taken.
     */
    static Optional<Long> choose(Connection connection, long clinic, ClinicTime clinicTime,
            List<OpenHours> providerHours, Instant start, Instant end, Optional<Long> ignoreAppointment)
            throws SQLException {
        for (OpenHours hours : providerHours) {
            if (!start.isBefore(clinicTime.at(hours.date(), hours.startTime()))
                    && !end.isAfter(clinicTime.at(hours.date(), hours.stopTime()))) {
                return Optional.of(hours.operatoryId());
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(FIRST_FREE_ROOM)) {
            statement.setLong(1, clinic);
            statement.setObject(2, start.atOffset(ZoneOffset.UTC));
            statement.setObject(3, end.atOffset(ZoneOffset.UTC));
            statement.setObject(4, ignoreAppointment.orElse(null), Types.BIGINT);
            statement.setObject(5, ignoreAppointment.orElse(null), Types.BIGINT);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }
}
