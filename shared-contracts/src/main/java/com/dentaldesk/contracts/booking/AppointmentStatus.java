package com.dentaldesk.contracts.booking;

/** OpenDental's appointment states. Scheduled and Complete hold their time; Broken and Cancelled free it. */
public enum AppointmentStatus {
    Scheduled,
    Complete,
    Broken,
    Cancelled;

    public boolean holdsTime() {
        return this == Scheduled || this == Complete;
    }
}
