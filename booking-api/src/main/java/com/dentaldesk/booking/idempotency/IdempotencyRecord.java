package com.dentaldesk.booking.idempotency;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** The first successful answer to a write, keyed by the clinic and the client's Idempotency-Key. */
@Entity
@Table(name = "idempotency_records")
public class IdempotencyRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "organization_id")
    public String organizationId;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "status_code")
    public int statusCode;

    @Column(name = "response_body")
    public String responseBody;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
