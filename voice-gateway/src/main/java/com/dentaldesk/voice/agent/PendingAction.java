package com.dentaldesk.voice.agent;

import com.dentaldesk.contracts.booking.Appointment;
import com.dentaldesk.contracts.booking.Slot;

/**
 * A write the agent proposed and the caller must confirm. Bound to one slot and/or one appointment, and to the
 * gateway's own {@code question}, spoken word for word in turn {@code askedInResponseId}: a "yes" confirms exactly
 * this, and only as the answer to that question.
 */
public record PendingAction(Kind kind, Slot slot, Appointment appointment, long askedInResponseId, String question) {

    public enum Kind {
        BOOK, RESCHEDULE, CANCEL
    }

    public boolean sameAs(Kind otherKind, Slot otherSlot, Appointment otherAppointment) {
        return kind == otherKind && java.util.Objects.equals(slot, otherSlot)
                && (appointment == null ? otherAppointment == null
                        : otherAppointment != null && appointment.aptNum() == otherAppointment.aptNum());
    }
}
