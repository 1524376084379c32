package com.dentaldesk.booking.appointments;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

import com.dentaldesk.contracts.booking.AppointmentStatus;

/**
 * An appointment. Rows are inserted and moved only through {@link OverlapSafeWriter}, where the database's
 * exclusion constraints decide races; Hibernate only reads them and changes status and notes.
 */
@Entity
@Table(name = "appointments")
public class AppointmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "organization_id")
    public String organizationId;

    @Column(name = "patient_id")
    public Long patientId;

    @Column(name = "provider_id")
    public Long providerId;

    @Column(name = "operatory_id")
    public Long operatoryId;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Enumerated(EnumType.STRING)
    public AppointmentStatus status;

    @Column(name = "appointment_type")
    public String type;

    public String note;

    @Column(name = "session_id")
    public String sessionId;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public int lengthMinutes() {
        return (int) Duration.between(startsAt, endsAt).toMinutes();
    }

    public boolean overlaps(Instant start, Instant end) {
        return startsAt.isBefore(end) && start.isBefore(endsAt);
    }
}
