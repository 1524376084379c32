package com.dentaldesk.booking.tenancy;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.crypto.RandomTokens;
import com.dentaldesk.booking.crypto.Sha256;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Issues, checks and revokes clinic API keys. Keys are random 256-bit tokens; only their hash is stored. */
@ApplicationScoped
public class ApiKeys implements PanacheRepository<ApiKey> {

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

    public Optional<ApiKey> findActive(String key) {
        return find("keyHash = ?1 and revokedAt is null", hash(key)).firstResultOptional();
    }

    @Transactional
    public void revoke(String key) {
        update("revokedAt = ?1 where keyHash = ?2", Instant.now(), hash(key));
    }
}
