package com.dentaldesk.booking.retell;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Serialises writers of one call (webhook events processed in parallel, repeated gateway writes) for the rest
 * of the current transaction, so find-or-create never races into a duplicate.
 */
@ApplicationScoped
public class CallLocks {

    private final EntityManager entityManager;

    public CallLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void lock(String callId) {
        entityManager.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) l")
                .setParameter(1, key(callId)).getSingleResult();
    }

    /** The lock's key, for a statement that takes the same lock itself: {@code hashtextextended(key, 0)}. */
    public static String key(String callId) {
        return "call:" + callId;
    }
}
