package com.dentaldesk.booking.confirmations;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** One appointment's confirmation call: the job's queue entry while open, its outcome after. */
@Entity
@Table(name = "confirmation_calls")
public class ConfirmationCall {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "organization_id")
    public String organizationId;

    @Column(name = "appointment_id")
    public long appointmentId;

    @Column(name = "appointment_starts_at")
    public Instant appointmentStartsAt;

    public ConfirmationStatus status;

    /** Tries that count against the clinic's retries. */
    public int attempts;

    /** Every claim of this row, lost ones included: only goes up; the call's metadata carries it. */
    public int claims;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "placing_since")
    public Instant placingSince;

    /** When the last attempt was claimed: a retry is timed from it. */
    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "retell_call_id")
    public String retellCallId;

    /** Why it ended as it did, for staff: never patient data. */
    public String detail;

    @Column(name = "updated_at")
    public Instant updatedAt;

    void settle(ConfirmationStatus outcome, String why, Instant now) {
        status = outcome;
        detail = why;
        nextAttemptAt = null;
        placingSince = null;
        updatedAt = now;
    }
}
