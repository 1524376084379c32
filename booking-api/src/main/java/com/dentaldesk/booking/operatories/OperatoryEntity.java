package com.dentaldesk.booking.operatories;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

import com.dentaldesk.contracts.booking.Operatory;

@Entity
@Table(name = "operatories")
public class OperatoryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "organization_id")
    public String organizationId;

    public String name;
    public String abbrev;

    /** Soft delete: inactive rooms are never auto-filled or offered. */
    @Column(name = "is_active")
    public boolean active = true;

    /** Comma-separated, e.g. {@code Hygiene,Surgery}. */
    public String tags = "";

    public List<String> tagList() {
        return tags == null || tags.isBlank() ? List.of()
                : Arrays.stream(tags.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    public Operatory toContract() {
        return new Operatory(id, name, abbrev, active, tagList());
    }
}
