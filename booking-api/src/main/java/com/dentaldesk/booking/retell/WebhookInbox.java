package com.dentaldesk.booking.retell;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.dentaldesk.booking.crypto.Sha256;
import com.dentaldesk.booking.input.ControlCharacters;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The durable inbox of webhook events; every method expects the caller's transaction. */
@ApplicationScoped
public class WebhookInbox implements PanacheRepository<RetellWebhookEvent> {

    /** Stores the event unless the very same bytes were stored before; true when it is new. */
    public boolean store(byte[] body, String eventType, String callId) {
        int inserted = getEntityManager().createNativeQuery("insert into retell_webhook_events"
                + " (payload_sha256, event_type, call_id, payload) values (?1, ?2, ?3, cast(?4 as jsonb))"
                + " on conflict (payload_sha256) do nothing")
                .setParameter(1, Sha256.hex(body))
                .setParameter(2, eventType)
                .setParameter(3, callId)
                // jsonb refuses NUL: the stored copy drops control characters (the hash is of the bytes received).
                .setParameter(4, ControlCharacters.cleanJson(new String(body, StandardCharsets.UTF_8)))
                .executeUpdate();
        return inserted == 1;
    }

    /** Ids of events due for processing, oldest first. */
    public List<Long> due(int maxAttempts, int limit) {
        return getEntityManager().createQuery("select e.id from RetellWebhookEvent e where e.processedAt is null"
                + " and e.nextAttemptAt <= ?1 and e.attempts < ?2 order by e.id", Long.class)
                .setParameter(1, Instant.now()).setParameter(2, maxAttempts).setMaxResults(limit).getResultList();
    }

    /**
     * Locks an unprocessed event for this transaction; false when it is processed or another worker holds it.
     */
    public boolean claim(long id) {
        return !getEntityManager().createNativeQuery("select id from retell_webhook_events"
                + " where id = ?1 and processed_at is null for update skip locked")
                .setParameter(1, id).getResultList().isEmpty();
    }

    /** Every event received for a call, in arrival order. */
    public List<RetellWebhookEvent> forCall(String callId) {
        return list("callId = ?1 order by id", callId);
    }

    public void markProcessed(long id, Long organizationId) {
        update("processedAt = ?1, organizationId = ?2, lastError = null where id = ?3", Instant.now(),
                organizationId, id);
    }

    /** Events no longer tried: every attempt failed. Newest first. */
    public List<RetellWebhookEvent> dead(int maxAttempts, int limit) {
        return find("processedAt is null and attempts >= ?1 order by id desc", maxAttempts).page(0, limit).list();
    }

    /** Gives a dead event a fresh set of attempts, due now; empty when there is no such unprocessed event. */
    public Optional<RetellWebhookEvent> revive(long id) {
        RetellWebhookEvent event = findById(id);
        if (event == null || event.processedAt != null) {
            return Optional.empty();
        }
        event.attempts = 0;
        event.nextAttemptAt = Instant.now();
        return Optional.of(event);
    }

    /**
     * Records a failed attempt and backs off exponentially (2 s, 4 s, ... capped at 10 min); true when that was
     * the last attempt and the event is now a dead letter.
     */
    public boolean markFailed(long id, String error, int maxAttempts) {
        RetellWebhookEvent event = findById(id);
        if (event == null) {
            return false;
        }
        event.attempts++;
        long backoffSeconds = Math.min(600, 1L << Math.min(event.attempts, 10));
        event.nextAttemptAt = Instant.now().plus(Duration.ofSeconds(backoffSeconds));
        event.lastError = error;
        return event.attempts >= maxAttempts;
    }
}
