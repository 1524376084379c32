package com.dentaldesk.booking.tenancy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A clinic's API key, stored only as its SHA-256 hash; revoked keys stop working at once. */
@Entity
@Table(name = "api_keys")
public class ApiKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "organization_id")
    public Long organizationId;

    public String label;

    @Column(name = "key_hash")
    public String keyHash;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** To the minute (see {@link ApiKeys#noteUse}). */
    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}
