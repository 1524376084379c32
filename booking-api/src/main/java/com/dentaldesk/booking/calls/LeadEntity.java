package com.dentaldesk.booking.calls;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

import com.dentaldesk.contracts.calls.Lead;

/** A callback the front desk owes: at most one per call. */
@Entity
@Table(name = "leads")
public class LeadEntity {

    public static final String NEW = "new";
    public static final String DONE = "done";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "organization_id")
    public String organizationId;

    @Column(name = "call_id")
    public String callId;

    public String name;
    public String phone;
    public String reason;
    public String status = NEW;

    /** Who created it: {@code gateway} (message taken during the call), {@code webhook} (unbooked call), {@code api}. */
    public String source;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "done_at")
    public Instant doneAt;

    public Lead toContract() {
        return new Lead(id, callId, name, phone, reason, status, createdAt);
    }
}
