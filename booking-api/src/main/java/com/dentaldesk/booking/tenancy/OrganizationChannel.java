package com.dentaldesk.booking.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A way a call reaches a clinic: its Retell agent id or a phone number it owns. Each value has one owner. */
@Entity
@Table(name = "organization_channels")
public class OrganizationChannel {

    public static final String RETELL_AGENT = "retell_agent";
    public static final String PHONE_NUMBER = "phone_number";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "organization_id")
    public Long organizationId;

    public String kind;
    public String value;
}
