package com.dentaldesk.booking.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** One change made in the console: who (their name then, kept if the account goes), what, and when. */
@Entity
@Table(name = "audit_events")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "organization_id")
    public String organizationId;

    @Column(name = "staff_member_id")
    public Long staffMemberId;

    public String actor;
    public String action;
    public String detail;

    @Column(name = "at", insertable = false, updatable = false)
    public Instant at;
}
