package com.dentaldesk.booking.appointments;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.dentaldesk.booking.closures.ClosedDays;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.operatories.OperatoryService;
import com.dentaldesk.booking.providers.ProviderEntity;
import com.dentaldesk.booking.providers.ProviderService;
import com.dentaldesk.booking.slots.OpenHours;
import com.dentaldesk.booking.slots.SlotReads;

/**
 * CreateAppointment's check of who and where is booked, and the provider's hours that day (to choose the room), sent
 * in the booking's first round trip: a profile of racing bookings (JFR) showed Hibernate building a fresh entity
 * loader for every find by id (the tenant filter makes it skip its cached one), a quarter of booking-api's CPU for
 * the patient and the provider. Same answers as {@code PatientService.require},
 * {@code ProviderService.requireBookable}, {@code ClosedDays.requireOpen} and {@code OperatoryService.requireActive}.
 */
final class BookingParties {

    /** The checks, then the provider's open hours on the day: two results. */
    static final String SQL = "select (select true from patients where organization_id = ? and id = ?),"
            + " p.first_name, p.last_name, p.specialty, p.is_hidden,"
            + " (select true from clinic_closures where organization_id = ? and closed_on = ?),"
            + " (select is_active from operatories where organization_id = ? and id = ?)"
            + " from (select 1) one left join providers p on p.organization_id = ? and p.id = ?;\n"
            + SlotReads.OPEN_HOURS_SQL;

    private BookingParties() {
    }

    /** The provider's name as callers hear it, and their open hours on the day. */
    record Parties(String providerName, List<OpenHours> providerHours) {
    }

    /** Binds {@link #SQL}'s parameters from {@code first} on; {@code opNum} empty when the room is auto-filled. */
    static int bind(PreparedStatement statement, int first, long clinic, long patNum, long provNum, LocalDate day,
            Optional<Long> opNum) throws SQLException {
        statement.setLong(first, clinic);
        statement.setLong(first + 1, patNum);
        statement.setLong(first + 2, clinic);
        statement.setObject(first + 3, day);
        statement.setLong(first + 4, clinic);
        statement.setObject(first + 5, opNum.orElse(null), Types.BIGINT);
        statement.setLong(first + 6, clinic);
        statement.setLong(first + 7, provNum);
        return SlotReads.bindOpenHours(statement, first + 8, clinic, day, day, Optional.of(provNum), Optional.empty());
    }

    /**
     * Once the patient, a bookable provider and (when named) a room in use are known to exist, and the clinic is
     * open that day: the provider's name and hours on the day. The statement is positioned on {@link #SQL}'s first
     * result.
     */
    static Parties read(PreparedStatement statement, long patNum, long provNum, LocalDate day, Optional<Long> opNum)
            throws SQLException {
        String name;
        try (ResultSet row = statement.getResultSet()) {
            row.next();
            if (row.getObject(1) == null) {
                throw BookingException.notFound("Patient " + patNum);
            }
            if (row.getString(2) == null) {
                throw BookingException.notFound("Provider " + provNum);
            }
            if (row.getBoolean(5)) {
                throw ProviderService.notBookable(provNum);
            }
            if (row.getObject(6) != null) {
                throw ClosedDays.closedOn(day);
            }
            if (opNum.isPresent() && row.getObject(7) == null) {
                throw OperatoryService.notFound(opNum.get());
            }
            if (opNum.isPresent() && !row.getBoolean(7)) {
                throw OperatoryService.notInUse(opNum.get());
            }
            name = ProviderEntity.displayName(row.getString(2), row.getString(3), row.getString(4));
        }
        statement.getMoreResults();
        try (ResultSet rows = statement.getResultSet()) {
            return new Parties(name, SlotReads.openHours(rows));
        }
    }
}
