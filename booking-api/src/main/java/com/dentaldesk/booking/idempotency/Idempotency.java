package com.dentaldesk.booking.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.dentaldesk.booking.crypto.Sha256;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.contracts.booking.ApiError;
import com.dentaldesk.contracts.booking.ErrorCode;
import com.dentaldesk.contracts.booking.NextAction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Makes a write happen once per Idempotency-Key. The write and its stored answer commit in one transaction, so a
 * replay sees either nothing (and runs the write) or the finished answer; requests with the same key at the same
 * time take turns on a lock, so a client retrying a slow booking gets the booking's answer, not "slot taken".
 * Failed writes change nothing and are not stored: replaying them simply runs them again.
 */
@ApplicationScoped
public class Idempotency {

    private static final Logger LOG = Logger.getLogger(Idempotency.class);
    /** Keys are honoured at least 24 h; the purge removes them after 48 h. */
    static final Duration RETENTION = Duration.ofHours(48);

    private final IdempotencyRepository records;
    private final ObjectMapper canonicalJson;

    public Idempotency(IdempotencyRepository records, ObjectMapper objectMapper) {
        this.records = records;
        this.canonicalJson = objectMapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    public Object once(String key, String functionName, Map<String, Object> parameters, Supplier<Object> write) {
        String requestHash = hash(functionName, parameters);
        return QuarkusTransaction.requiringNew().call(() -> {
            // A twin with this key waits here until this transaction ends, then finds the stored answer.
            Optional<Object> replay = replay(records.lockAndFind(key), requestHash);
            if (replay.isPresent()) {
                return replay.get();
            }
            Object result = write.get();
            records.store(key, requestHash, answer(result));
            return result;
        });
    }

    /**
     * The same guarantee for a write that runs in a {@code ClinicTransaction} (a booking): the key's lock and lookup
     * travel in the write's first round trip, and its answer is stored on the write's connection before it commits.
     */
    public IdempotentRequest request(String key, String functionName, Map<String, Object> parameters) {
        return new IdempotentRequest(this, key, hash(functionName, parameters));
    }

    String answer(Object result) {
        try {
            return canonicalJson.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not store the answer of an idempotent write", e);
        }
    }

    Optional<Object> replay(Optional<IdempotencyRepository.StoredAnswer> stored, String requestHash) {
        return stored.map(record -> {
            if (!record.requestHash().equals(requestHash)) {
                throw new BookingException(new ApiError(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was already used with different parameters", NextAction.ASK_USER,
                        List.of(), List.of()));
            }
            try {
                return canonicalJson.readValue(record.responseBody(), JsonNode.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored idempotent response is not JSON", e);
            }
        });
    }

    private String hash(String functionName, Map<String, Object> parameters) {
        try {
            return Sha256.hex(functionName + ":" + canonicalJson.writeValueAsString(parameters));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not fingerprint the request", e);
        }
    }

    @Scheduled(every = "1h", delayed = "1m")
    void purgeExpired() {
        long purged = QuarkusTransaction.requiringNew().call(() -> records.deleteOlderThan(Instant.now().minus(RETENTION)));
        LOG.debugf("Purged %d expired idempotency records", purged);
    }
}
