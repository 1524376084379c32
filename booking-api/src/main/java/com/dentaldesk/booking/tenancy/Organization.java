package com.dentaldesk.booking.tenancy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A clinic: the tenant every business row belongs to. */
@Entity
@Table(name = "organizations")
public class Organization {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;
    public String name;
    public String timezone;
    public String greeting;

    @Column(name = "custom_instructions")
    public String customInstructions;

    @Column(name = "business_rules")
    public String businessRules;

    @Column(name = "transfer_number")
    public String transferNumber;

    /** Facts callers ask about (see {@code ClinicFacts}). */
    public String address;
    public String parking;
    public String payment;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
