package com.dentaldesk.booking.retell;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** A clinic's Retell call, merged from its webhook events and our own call requests. */
@Entity
@Table(name = "retell_call_sessions")
public class CallSessionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "organization_id")
    public String organizationId;

    @Column(name = "call_id")
    public String callId;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "call_type")
    public String callType;

    public String direction;
    public String status;

    @Column(name = "from_number")
    public String fromNumber;

    @Column(name = "to_number")
    public String toNumber;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "duration_ms")
    public Long durationMs;

    @Column(name = "disconnection_reason")
    public String disconnectionReason;

    @Column(name = "recording_url")
    public String recordingUrl;

    @JdbcTypeCode(SqlTypes.JSON)
    public String metadata;

    public String summary;

    @Column(name = "user_sentiment")
    public String userSentiment;

    @Column(name = "call_successful")
    public Boolean callSuccessful;

    @JdbcTypeCode(SqlTypes.JSON)
    public String analysis;

    @Column(name = "last_event")
    public String lastEvent;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean isFinished() {
        return "ended".equals(status) || "error".equals(status) || "not_connected".equals(status) || endedAt != null;
    }
}
