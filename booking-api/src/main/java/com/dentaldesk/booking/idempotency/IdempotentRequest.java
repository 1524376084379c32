package com.dentaldesk.booking.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A write with an Idempotency-Key in a {@code ClinicTransaction}, with the guarantees of {@link Idempotency#once}:
 * the write sends {@link #SQL} first in its first round trip; {@link #replay} is the answer of an earlier request
 * with the key (the write then does nothing), else the write goes on and {@link #store}s its answer before it
 * commits. A write that fails stores nothing.
 */
public final class IdempotentRequest {

    /** The key's lock, then its lookup: two results. */
    public static final String SQL = IdempotencyRepository.LOCK_AND_FIND;

    private final Idempotency idempotency;
    private final String key;
    private final String requestHash;

    IdempotentRequest(Idempotency idempotency, String key, String requestHash) {
        this.idempotency = idempotency;
        this.key = key;
        this.requestHash = requestHash;
    }

    /** Binds {@link #SQL}'s parameters from {@code first} on; returns the next free index. */
    public int bind(PreparedStatement statement, int first, long clinic) throws SQLException {
        return IdempotencyRepository.bindLockAndFind(statement, first, clinic, key);
    }

    /**
     * The earlier answer, the statement positioned on {@link #SQL}'s first result; leaves it on the result of the
     * statement sent after it. A key used before with other parameters is a 409.
     */
    public Optional<Object> replay(PreparedStatement statement) throws SQLException {
        return idempotency.replay(IdempotencyRepository.storedAnswer(statement), requestHash);
    }

    public void store(Connection connection, long clinic, Object answer) throws SQLException {
        IdempotencyRepository.store(connection, clinic, key, requestHash, idempotency.answer(answer));
    }
}
