package com.dentaldesk.booking.calls;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import com.dentaldesk.contracts.calls.CallOutcome;

/** The call log entry of one call: transcript and tool calls as JSON, outcome and links. */
@Entity
@Table(name = "conversations")
public class ConversationEntity {

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

    @Column(name = "from_number")
    public String fromNumber;

    @Column(name = "to_number")
    public String toNumber;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** JSON array of {@code TranscriptEntry}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String transcript = "[]";

    /** JSON array of {@code ToolCallRecord}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "tool_calls")
    public String toolCalls = "[]";

    @Enumerated(EnumType.STRING)
    public CallOutcome outcome;

    @Column(name = "appointment_id")
    public Long appointmentId;

    @Column(name = "lead_id")
    public Long leadId;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
