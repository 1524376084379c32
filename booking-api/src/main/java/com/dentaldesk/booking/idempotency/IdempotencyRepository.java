package com.dentaldesk.booking.idempotency;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class IdempotencyRepository implements PanacheRepository<IdempotencyRecord> {

    /**
     * Makes concurrent requests with one key take turns until this transaction ends: the later ones then find the
     * first one's stored answer instead of racing it (and losing as "slot taken"). A transaction-scoped advisory
     * lock on the clinic and key, released by commit or rollback.
     */
    void lockKey(long organizationId, String key) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, ?2))")
                .setParameter(1, key).setParameter(2, organizationId).getSingleResult();
    }

    Optional<IdempotencyRecord> find(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    void store(String key, String requestHash, String responseBody) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.idempotencyKey = key;
        record.requestHash = requestHash;
        record.statusCode = 200;
        record.responseBody = responseBody;
        persistAndFlush(record);
    }

    /** Runs without a clinic: a native delete across all clinics, the only such statement, for housekeeping. */
    long deleteOlderThan(Instant cutoff) {
        return getEntityManager().createNativeQuery("delete from idempotency_records where created_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
    }
}
