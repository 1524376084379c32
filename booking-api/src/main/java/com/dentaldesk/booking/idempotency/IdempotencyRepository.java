package com.dentaldesk.booking.idempotency;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.dentaldesk.booking.tenancy.TenantContext;

/**
 * Stored answers of writes, as plain SQL on the transaction's connection (a JTA transaction's, or a
 * {@code ClinicTransaction}'s through {@link IdempotentRequest}): a profile of racing bookings (JFR) showed
 * Hibernate interpreting the key lookup's query under the tenant filter on every request, 14% of booking-api's CPU.
 * Every statement names the clinic (Row-Level Security names it too).
 */
@ApplicationScoped
public class IdempotencyRepository {

    /** The first successful answer to a write with a key. */
    record StoredAnswer(String requestHash, String responseBody) {
    }

    /**
     * Makes concurrent requests with one key take turns until the transaction ends, then looks for the stored
     * answer: a later twin finds the first one's answer instead of racing it (and losing as "slot taken"). The lock
     * is a transaction-scoped advisory lock on the clinic and key, released by commit or rollback. The lookup is
     * a statement of its own, so it takes its snapshot once the lock is held and sees what the twin committed; the
     * two travel in one round trip (pgjdbc sends them with one sync), with whatever else the write sends in it.
     */
    static final String LOCK_AND_FIND = "select pg_advisory_xact_lock(hashtextextended(?, ?));\n"
            + "select request_hash, response_body from idempotency_records"
            + " where organization_id = ? and idempotency_key = ?";

    private final EntityManager entityManager;
    private final TenantContext tenant;

    public IdempotencyRepository(EntityManager entityManager, TenantContext tenant) {
        this.entityManager = entityManager;
        this.tenant = tenant;
    }

    /** {@link #LOCK_AND_FIND} on the JTA transaction's connection. */
    Optional<StoredAnswer> lockAndFind(String key) {
        long clinic = tenant.organizationId();
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(LOCK_AND_FIND)) {
                bindLockAndFind(statement, 1, clinic, key);
                statement.execute();
                return storedAnswer(statement);
            }
        });
    }

    /** Binds {@link #LOCK_AND_FIND}'s parameters from {@code first} on; returns the next free index. */
    static int bindLockAndFind(PreparedStatement statement, int first, long clinic, String key) throws SQLException {
        statement.setString(first, key);
        statement.setLong(first + 1, clinic);
        statement.setLong(first + 2, clinic);
        statement.setString(first + 3, key);
        return first + 4;
    }

    /**
     * The answer {@link #LOCK_AND_FIND} found, the statement positioned on the lock's result; leaves it on the result
     * of the statement sent after it, if any.
     */
    static Optional<StoredAnswer> storedAnswer(PreparedStatement statement) throws SQLException {
        statement.getMoreResults();
        Optional<StoredAnswer> stored;
        try (ResultSet rows = statement.getResultSet()) {
            stored = rows.next() ? Optional.of(new StoredAnswer(rows.getString(1), rows.getString(2)))
                    : Optional.empty();
        }
        statement.getMoreResults();
        return stored;
    }

    /** The stored answer's columns, for an insert of the answer with the values given or selected. */
    static final String INSERT_ANSWER = "insert into idempotency_records"
            + " (organization_id, idempotency_key, request_hash, status_code, response_body)";

    void store(String key, String requestHash, String responseBody) {
        long clinic = tenant.organizationId();
        session().doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT_ANSWER
                    + " values (?, ?, ?, 200, ?)")) {
                statement.setLong(1, clinic);
                statement.setString(2, key);
                statement.setString(3, requestHash);
                statement.setString(4, responseBody);
                statement.executeUpdate();
            }
        });
    }

    /** Runs without a clinic: a delete across all clinics, the only such statement, for housekeeping. */
    long deleteOlderThan(Instant cutoff) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "delete from idempotency_records where created_at < ?")) {
                statement.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
                return (long) statement.executeUpdate();
            }
        });
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
