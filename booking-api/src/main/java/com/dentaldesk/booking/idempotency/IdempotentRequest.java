package com.dentaldesk.booking.idempotency;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A write with an Idempotency-Key in a {@code ClinicTransaction}, with the guarantees of {@link Idempotency#once}:
 * the write sends {@link #SQL} first in its first round trip; {@link #replay} is the answer of an earlier request
 * with the key (the write then does nothing), else the write goes on and stores its answer in its own statement
 * ({@link #storeWhen}) before it commits. A write that fails stores nothing.
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
     * statement sent after it. A key used before with other parameters is a 422.
     */
    public Optional<Object> replay(PreparedStatement statement) throws SQLException {
        return idempotency.replay(IdempotencyRepository.storedAnswer(statement), requestHash);
    }

    /**
     * Stores the answer in the statement of the write itself, as part of a {@code WITH}: only when {@code written},
     * the name of a data-modifying part of the same {@code WITH}, returned a row (nothing is stored for a write that
     * did nothing). Bound by {@link #bindStore}.
     */
    public static String storeWhen(String written) {
        return IdempotencyRepository.INSERT_ANSWER + " select ?, ?, ?, 200, ? from " + written;
    }

    /** Binds {@link #storeWhen}'s parameters from {@code first} on; returns the next free index. */
    public int bindStore(PreparedStatement statement, int first, long clinic, Object answer) throws SQLException {
        statement.setLong(first, clinic);
        statement.setString(first + 1, key);
        statement.setString(first + 2, requestHash);
        statement.setString(first + 3, idempotency.answer(answer));
        return first + 4;
    }
}
