package com.dentaldesk.booking.agents;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** A voice agent of a clinic; for Retell, the ids of what was provisioned there. */
@Entity
@Table(name = "agents")
public class AgentEntity {

    public static final String ACTIVE = "active";
    public static final String NOT_PROVISIONED = "not_provisioned";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "organization_id")
    public String organizationId;

    public String name;
    public String description;

    @Column(name = "provider_type")
    public String providerType;

    @Column(name = "voice_id")
    public String voiceId;

    @Column(name = "area_code")
    public String areaCode;

    public String status;

    @Column(name = "retell_agent_id")
    public String retellAgentId;

    /** Retell identifies a number by itself (E.164); kept apart from {@link #phoneNumber} to mirror the API. */
    @Column(name = "retell_phone_number_id")
    public String retellPhoneNumberId;

    @Column(name = "phone_number")
    public String phoneNumber;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
