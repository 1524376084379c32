package com.dentaldesk.booking.retell;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A call whose agent and numbers belong to no clinic, kept for an operator to sort out. */
@Entity
@Table(name = "retell_unassigned_calls")
public class UnassignedCallEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "call_id")
    public String callId;

    @Column(name = "agent_id")
    public String agentId;

    public String direction;
    public String status;

    @Column(name = "from_number")
    public String fromNumber;

    @Column(name = "to_number")
    public String toNumber;

    @Column(name = "last_event")
    public String lastEvent;

    @Column(name = "first_seen_at", insertable = false, updatable = false)
    public Instant firstSeenAt;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;
}
