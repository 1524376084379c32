package com.dentaldesk.booking.tenancy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.crypto.RandomTokens;
import com.dentaldesk.booking.crypto.Sha256;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.input.ControlCharacters;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Issues, checks and revokes clinic API keys. Keys are random 256-bit tokens; only their hash is stored. */
@ApplicationScoped
public class ApiKeys implements PanacheRepository<ApiKey> {

    static final int MAX_LABEL = 80;
    /** Last use is written at most this often per key, so a busy integration does not write on every request. */
    static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

    public static String newKey() {
        return "dk_" + RandomTokens.random256();
    }

    public static String hash(String key) {
        return Sha256.hex(key);
    }

    /** Stores a key for the clinic; returns false when that exact key is already registered. */
    @Transactional
    public boolean register(long organizationId, String label, String key) {
        String keyHash = hash(key);
        if (count("keyHash", keyHash) > 0) {
            return false;
        }
        ApiKey apiKey = new ApiKey();
        apiKey.organizationId = organizationId;
        apiKey.label = label;
        apiKey.keyHash = keyHash;
        persist(apiKey);
        return true;
    }

    /** Revokes the clinic's other live keys with this label: a demo key made anew replaces the one before it. */
    @Transactional
    public long revokeOthers(long organizationId, String label, String keep) {
        return update("revokedAt = ?1 where organizationId = ?2 and label = ?3 and keyHash <> ?4 and revokedAt is null",
                Instant.now(), organizationId, label, hash(keep));
    }

    /** A new key for the clinic, named by the owner; the key itself is returned once and never stored. */
    @Transactional
    public String create(long organizationId, String label) {
        String name = ControlCharacters.field(label);
        if (name.isEmpty()) {
            throw BookingException.missing(List.of("label"));
        }
        if (name.length() > MAX_LABEL) {
            throw BookingException.invalid("label", "Use at most " + MAX_LABEL + " characters for the name.");
        }
        String key = newKey();
        register(organizationId, name, key);
        return key;
    }

    /** The clinic's keys, live first, newest first. */
    public List<ApiKey> ofClinic(long organizationId) {
        return list("organizationId = ?1 order by revokedAt nulls first, createdAt desc, id desc", organizationId);
    }

    /** Revokes one of the clinic's keys: requests with it are refused from now on. */
    @Transactional
    public ApiKey revoke(long organizationId, long keyId) {
        ApiKey key = find("id = ?1 and organizationId = ?2", keyId, organizationId).firstResultOptional()
                .orElseThrow(() -> BookingException.notFound("API key " + keyId));
        if (key.revokedAt == null) {
            key.revokedAt = Instant.now();
        }
        return key;
    }

    /** Notes that a key was used now, when its last noted use is older than {@link #USE_RESOLUTION}. */
    @Transactional
    public void noteUse(ApiKey key) {
        Instant now = Instant.now();
        if (key.lastUsedAt == null || key.lastUsedAt.isBefore(now.minus(USE_RESOLUTION))) {
            update("lastUsedAt = ?1 where id = ?2", now, key.id);
        }
    }

    public Optional<ApiKey> findActive(String key) {
        return find("keyHash = ?1 and revokedAt is null", hash(key)).firstResultOptional();
    }
}
