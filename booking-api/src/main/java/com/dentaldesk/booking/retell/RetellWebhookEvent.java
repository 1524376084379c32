package com.dentaldesk.booking.retell;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A verified webhook as received, waiting to be (or already) processed. Not tenant-scoped: see the migration. */
@Entity
@Table(name = "retell_webhook_events")
public class RetellWebhookEvent {

    @Id
    public Long id;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "call_id")
    public String callId;

    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    @Column(name = "received_at")
    public Instant receivedAt;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "processed_at")
    public Instant processedAt;

    @Column(name = "organization_id")
    public Long organizationId;

    @Column(name = "last_error")
    public String lastError;
}
