package com.dentaldesk.booking.appointments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.dentaldesk.booking.tenancy.TenantContext;

/**
 * The only code that gives an appointment its time. The exclusion constraints in the schema decide every race: an
 * insert that would overlap does nothing; a move runs behind a savepoint, and a violation (SQLSTATE 23P01) is rolled
 * back to it. Either way the loser is reported as "taken" and the surrounding transaction stays usable for finding
 * alternatives.
 */
@ApplicationScoped
public class OverlapSafeWriter {

    /** What the loser of a race hears. */
    static final String TAKEN = "That time is no longer available";
    private static final String EXCLUSION_VIOLATION = "23P01";

    private final EntityManager entityManager;
    private final TenantContext tenant;

    public OverlapSafeWriter(EntityManager entityManager, TenantContext tenant) {
        this.entityManager = entityManager;
        this.tenant = tenant;
    }

    /**
     * The booking's id, taken before its insert so that its answer (and a stored idempotent answer) can travel with
     * the insert.
     */
    static final String NEXT_ID = "select nextval(pg_get_serial_sequence('appointments', 'id'))";

    /**
     * Inserts a Scheduled appointment with the id from {@link #NEXT_ID}; returns no row when the time is no longer
     * free. {@code on conflict do nothing} covers the exclusion constraints in the same statement (PostgreSQL waits
     * for a racing writer's outcome first), so booking takes one round trip, not three with a savepoint.
     */
    static final String INSERT = "insert into appointments (id, organization_id, patient_id, provider_id,"
            + " operatory_id, starts_at, ends_at, status, appointment_type, note, session_id)"
            + " values (?, ?, ?, ?, ?, ?, ?, 'Scheduled', ?, ?, ?) on conflict do nothing returning id";

    /** Binds {@link #INSERT}'s parameters from {@code first} on; returns the next free index. */
    static int bindInsert(PreparedStatement statement, int first, long id, long clinic, long patientId,
            long providerId, long operatoryId, Instant start, Instant end, String type, String note, String sessionId)
            throws SQLException {
        statement.setLong(first, id);
        statement.setLong(first + 1, clinic);
        statement.setLong(first + 2, patientId);
        statement.setLong(first + 3, providerId);
        statement.setLong(first + 4, operatoryId);
        statement.setTimestamp(first + 5, Timestamp.from(start));
        statement.setTimestamp(first + 6, Timestamp.from(end));
        statement.setString(first + 7, type);
        statement.setString(first + 8, note);
        statement.setString(first + 9, sessionId);
        return first + 10;
    }

    /** Moves an appointment; false when the new time is no longer free. */
    public boolean move(long appointmentId, long providerId, long operatoryId, Instant start, Instant end) {
        String sql = "update appointments set provider_id = ?, operatory_id = ?, starts_at = ?, ends_at = ?,"
                + " updated_at = now() where id = ? and organization_id = ? returning id";
        return run(sql, statement -> {
            statement.setLong(1, providerId);
            statement.setLong(2, operatoryId);
            statement.setTimestamp(3, Timestamp.from(start));
            statement.setTimestamp(4, Timestamp.from(end));
            statement.setLong(5, appointmentId);
            statement.setLong(6, tenant.organizationId());
        }).isPresent();
    }

    /** Makes a broken or cancelled appointment Scheduled again; false when its time is no longer free. */
    public boolean reschedule(long appointmentId) {
        String sql = "update appointments set status = 'Scheduled', updated_at = now() where id = ?"
                + " and organization_id = ? returning id";
        return run(sql, statement -> {
            statement.setLong(1, appointmentId);
            statement.setLong(2, tenant.organizationId());
        }).isPresent();
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private OptionalLong run(String sql, Binder binder) {
        Session session = entityManager.unwrap(Session.class);
        session.flush();
        // Savepoints as SQL: the pool forbids Connection.rollback(Savepoint) inside a JTA transaction.
        return session.doReturningWork(connection -> {
            execute(connection, "savepoint overlap_check");
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    OptionalLong id = rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
                    execute(connection, "release savepoint overlap_check");
                    return id;
                }
            } catch (SQLException e) {
                if (EXCLUSION_VIOLATION.equals(e.getSQLState())) {
                    execute(connection, "rollback to savepoint overlap_check");
                    return OptionalLong.empty();
                }
                throw e;
            }
        });
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
