package com.dentaldesk.booking.slots;

/**
 * The time an appointment holds (Scheduled or Complete), [start, end) in epoch seconds: read as plain numbers,
 * as the slot engine works on them.
 */
public record HeldTime(long appointmentId, long providerId, long operatoryId, long patientId, long start, long end) {
}
