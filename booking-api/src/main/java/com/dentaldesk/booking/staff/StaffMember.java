package com.dentaldesk.booking.staff;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who signs in to one clinic's console. The password hash is bcrypt, absent until a link sets it. */
@Entity
@Table(name = "staff_members")
public class StaffMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "organization_id")
    public Long organizationId;

    public String email;

    @Column(name = "display_name")
    public String displayName;

    public String role;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    public StaffRole staffRole() {
        return StaffRole.fromStored(role);
    }

    public boolean active() {
        return disabledAt == null;
    }
}
