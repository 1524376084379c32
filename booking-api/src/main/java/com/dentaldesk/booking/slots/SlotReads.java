package com.dentaldesk.booking.slots;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.dentaldesk.booking.providers.ProviderEntity;
import com.dentaldesk.booking.tenancy.ClinicTransaction;
import com.dentaldesk.booking.tenancy.TenantContext;

/**
 * The reads of a slot search, as plain SQL on the transaction's connection (a {@link ClinicTransaction}'s, or a
 * JTA transaction's): a profile of the 14-day search (JFR)
 * showed Hibernate's query and row handling as a third of its CPU, for rows that become no entity. Both queries
 * name the clinic (Row-Level Security names it too) and are served by indexes: {@code schedules_by_date} and
 * {@code appointments_holding_time} (V5); benchmarks/README.md shows their plans.
 */
@ApplicationScoped
public class SlotReads {

    public static final String OPEN_HOURS_SQL = "select s.provider_id, p.first_name, p.last_name, p.specialty,"
            + " s.operatory_id, s.sched_date, s.start_time, s.stop_time"
            + " from schedules s"
            + " join providers p on p.id = s.provider_id and p.organization_id = s.organization_id and not p.is_hidden"
            + " join operatories o on o.id = s.operatory_id and o.organization_id = s.organization_id and o.is_active"
            + " where s.organization_id = ? and s.sched_date between ? and ?"
            + " and (?::bigint is null or s.provider_id = ?) and (?::bigint is null or s.operatory_id = ?)"
            + " order by s.sched_date, s.start_time, s.id";

    // Epoch seconds as numbers: parsing timestamp text was most of this read's time.
    private static final String HELD_TIME = "select id, provider_id, operatory_id, patient_id,"
            + " extract(epoch from starts_at)::bigint, extract(epoch from ends_at)::bigint"
            + " from appointments"
            + " where organization_id = ? and status in ('Scheduled', 'Complete')"
            + " and tstzrange(starts_at, ends_at) && tstzrange(?, ?)";
    private static final String IN_TIME_ORDER = " order by starts_at";

    // A search for one provider needs only the time held by them, in the rooms of their schedules, or by the
    // patient: in the benchmark book, 167 of 2,028 held appointments over two weeks.
    private static final String HELD_TIME_OF_ONE_PROVIDER = HELD_TIME
            + " and (provider_id = ? or patient_id = ? or operatory_id in (select operatory_id from schedules"
            + " where organization_id = ? and provider_id = ? and sched_date between ? and ?))" + IN_TIME_ORDER;

    private final EntityManager entityManager;
    private final TenantContext tenant;

    public SlotReads(EntityManager entityManager, TenantContext tenant) {
        this.entityManager = entityManager;
        this.tenant = tenant;
    }

    /** What a search needs of [from, to]: open hours (optionally of one provider or room) and the time held. */
    public record Reading(List<OpenHours> openHours, List<HeldTime> held) {
    }

    /**
     * Open hours on the clinic-local dates [from, to] and the time held in [heldFrom, heldTo) (with a provider: only
     * what can stand in the way of that provider and the patient), in one round trip that also names the clinic: the
     * statements travel together (pgjdbc sends them with one sync), and a profile of racing bookings showed each
     * round trip's socket write and wake-up costing more CPU than the query itself. On a {@link ClinicTransaction}'s
     * connection, or a JTA transaction's (naming its clinic once more).
     */
    public static Reading read(Connection connection, long clinic, LocalDate from, LocalDate to,
            Optional<Long> provNum, Optional<Long> opNum, Optional<Long> patNum, Instant heldFrom, Instant heldTo)
            throws SQLException {
        String held = provNum.isPresent() ? HELD_TIME_OF_ONE_PROVIDER : HELD_TIME + IN_TIME_ORDER;
        try (PreparedStatement statement = ClinicTransaction.prepare(connection, clinic,
                OPEN_HOURS_SQL + ";\n" + held)) {
            int next = bindOpenHours(statement, 2, clinic, from, to, provNum, opNum);
            next = bindHeldTime(statement, next, clinic, heldFrom, heldTo);
            if (provNum.isPresent()) {
                statement.setLong(next, provNum.get());
                statement.setObject(next + 1, patNum.orElse(null), Types.BIGINT);
                statement.setLong(next + 2, clinic);
                statement.setLong(next + 3, provNum.get());
                statement.setObject(next + 4, from);
                statement.setObject(next + 5, to);
            }
            ClinicTransaction.results(statement);
            List<OpenHours> hours;
            try (ResultSet rows = statement.getResultSet()) {
                hours = openHours(rows);
            }
            statement.getMoreResults();
            try (ResultSet rows = statement.getResultSet()) {
                return new Reading(hours, heldTime(rows));
            }
        }
    }

    /** Schedules of bookable providers in active rooms on the clinic-local dates [from, to]. */
    public List<OpenHours> openHours(LocalDate from, LocalDate to, Optional<Long> provNum, Optional<Long> opNum) {
        long clinic = tenant.organizationId();
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(OPEN_HOURS_SQL)) {
                bindOpenHours(statement, 1, clinic, from, to, provNum, opNum);
                try (ResultSet rows = statement.executeQuery()) {
                    return openHours(rows);
                }
            }
        });
    }

    /**
     * Binds {@link #OPEN_HOURS_SQL}'s parameters from {@code first} on; returns the next free index, for a caller
     * that sends it in one round trip with a statement of its own.
     */
    public static int bindOpenHours(PreparedStatement statement, int first, long clinic, LocalDate from, LocalDate to,
            Optional<Long> provNum, Optional<Long> opNum) throws SQLException {
        statement.setLong(first, clinic);
        statement.setObject(first + 1, from);
        statement.setObject(first + 2, to);
        statement.setObject(first + 3, provNum.orElse(null), Types.BIGINT);
        statement.setObject(first + 4, provNum.orElse(null), Types.BIGINT);
        statement.setObject(first + 5, opNum.orElse(null), Types.BIGINT);
        statement.setObject(first + 6, opNum.orElse(null), Types.BIGINT);
        return first + 7;
    }

    public static List<OpenHours> openHours(ResultSet rows) throws SQLException {
        List<OpenHours> hours = new ArrayList<>();
        while (rows.next()) {
            hours.add(new OpenHours(rows.getLong(1),
                    ProviderEntity.displayName(rows.getString(2), rows.getString(3), rows.getString(4)),
                    rows.getLong(5), rows.getObject(6, LocalDate.class), rows.getObject(7, LocalTime.class),
                    rows.getObject(8, LocalTime.class)));
        }
        return hours;
    }

    private static int bindHeldTime(PreparedStatement statement, int first, long clinic, Instant from, Instant to)
            throws SQLException {
        statement.setLong(first, clinic);
        statement.setObject(first + 1, from.atOffset(ZoneOffset.UTC));
        statement.setObject(first + 2, to.atOffset(ZoneOffset.UTC));
        return first + 3;
    }

    private static List<HeldTime> heldTime(ResultSet rows) throws SQLException {
        List<HeldTime> held = new ArrayList<>();
        while (rows.next()) {
            held.add(new HeldTime(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5),
                    rows.getLong(6)));
        }
        return held;
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
