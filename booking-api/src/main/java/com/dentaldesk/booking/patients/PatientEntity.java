package com.dentaldesk.booking.patients;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

import com.dentaldesk.contracts.booking.Patient;

@Entity
@Table(name = "patients")
public class PatientEntity {

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

    public LocalDate birthdate;

    /** E.164. */
    public String phone;

    public String email;

    /** When the patient asked not to be called by the clinic's receptionist; null while they have not. */
    @Column(name = "calls_opted_out_at")
    public Instant callsOptedOutAt;

    public Patient toContract() {
        return new Patient(id, firstName, lastName, birthdate == null ? null : birthdate.toString(), phone, email);
    }
}
