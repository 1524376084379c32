package com.dentaldesk.booking.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Issues, checks and revokes clinic API keys. Keys are random 256-bit tokens; only their hash is stored. */
@ApplicationScoped
public class ApiKeys implements PanacheRepository<ApiKey> {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "dk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
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

    public Optional<ApiKey> findActive(String key) {
        return find("keyHash = ?1 and revokedAt is null", hash(key)).firstResultOptional();
    }

    @Transactional
    public void revoke(String key) {
        update("revokedAt = ?1 where keyHash = ?2", Instant.now(), hash(key));
    }
}
