package com.dentaldesk.booking.providers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

import com.dentaldesk.contracts.booking.Provider;

@Entity
@Table(name = "providers")
public class ProviderEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "organization_id")
    public String organizationId;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    public String abbr;
    public String specialty;

    /** Soft delete: hidden providers keep their history but are never offered. */
    @Column(name = "is_hidden")
    public boolean hidden;

    public String displayName() {
        return displayName(firstName, lastName, specialty);
    }

    /** How callers hear a provider's name: "Dr. Patel", or a hygienist's full name. */
    public static String displayName(String firstName, String lastName, String specialty) {
        boolean hygienist = specialty != null && specialty.toLowerCase().contains("hygien");
        return hygienist ? firstName + " " + lastName : "Dr. " + lastName;
    }

    public Provider toContract() {
        return new Provider(id, firstName, lastName, abbr, specialty, hidden);
    }
}
