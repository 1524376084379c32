package com.dentaldesk.booking.errors;

import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

/**
 * The database's unique constraints are the arbiter when two requests add the same value at once (a slug, an email,
 * a service name, a closed day): the loser's flush fails, and it gets the same 422 a plain duplicate gets, not a 500.
 */
public final class UniqueValues {

    private UniqueValues() {
    }

    /**
     * Runs the inserts and flushes them (an identity id is inserted at persist already); a constraint violation
     * becomes {@code refusal}.
     */
    public static void insertOrRefuse(EntityManager entityManager, Runnable insert,
            Supplier<BookingException> refusal) {
        try {
            insert.run();
            entityManager.flush();
        } catch (PersistenceException e) {
            for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
                if (cause instanceof ConstraintViolationException) {
                    throw refusal.get();
                }
            }
            throw e;
        }
    }
}
