package com.dentaldesk.booking.appointments;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.dentaldesk.booking.closures.ClosedDays;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.providers.ProviderEntity;
import com.dentaldesk.booking.providers.ProviderService;
import com.dentaldesk.booking.slots.OpenHours;
import com.dentaldesk.booking.slots.SlotReads;
import com.dentaldesk.booking.tenancy.TenantContext;

/**
 * CreateAppointment's check of who is booked, and the provider's hours that day (to choose the room), in one plain
 * SQL round trip: a profile of racing bookings (JFR) showed
 * Hibernate building a fresh entity loader for every find by id (the tenant filter makes it skip its cached one),
 * a quarter of booking-api's CPU for the patient and the provider. Same answers as {@code PatientService.require}
 * and {@code ProviderService.requireBookable}.
 */
@ApplicationScoped
public class BookingParties {

    private static final String PARTIES = "select (select true from patients where organization_id = ? and id = ?),"
            + " p.first_name, p.last_name, p.specialty, p.is_hidden,"
            + " (select true from clinic_closures where organization_id = ? and closed_on = ?)"
            + " from (select 1) one left join providers p on p.organization_id = ? and p.id = ?";

    private final EntityManager entityManager;
    private final TenantContext tenant;

    public BookingParties(EntityManager entityManager, TenantContext tenant) {
        this.entityManager = entityManager;
        this.tenant = tenant;
    }

    /** The provider's name as callers hear it, and their open hours on {@code day}. */
    public record Parties(String providerName, List<OpenHours> providerHours) {
    }

    /**
     * Once the patient and a bookable provider are known to exist, and the clinic is open that day (a closed day is
     * refused, in the same round trip): the provider's name and hours on the day.
     */
    public Parties require(long patNum, long provNum, LocalDate day) {
        long clinic = tenant.organizationId();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    PARTIES + ";\n" + SlotReads.OPEN_HOURS_SQL)) {
                statement.setLong(1, clinic);
                statement.setLong(2, patNum);
                statement.setLong(3, clinic);
                statement.setObject(4, day);
                statement.setLong(5, clinic);
                statement.setLong(6, provNum);
                SlotReads.bindOpenHours(statement, 7, clinic, day, day, Optional.of(provNum), Optional.empty());
                statement.execute();
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
                    name = ProviderEntity.displayName(row.getString(2), row.getString(3), row.getString(4));
                }
                statement.getMoreResults();
                try (ResultSet rows = statement.getResultSet()) {
                    return new Parties(name, SlotReads.openHours(rows));
                }
            }
        });
    }
}
