package com.dentaldesk.voice.agent;

import com.dentaldesk.contracts.booking.Appointment;
import com.dentaldesk.contracts.booking.Slot;

/**
 * A write the agent proposed and the caller must confirm in a later turn. Bound to one slot and/or one
 * appointment: a "yes" confirms exactly this, nothing else.
 */
public record PendingAction(Kind kind, Slot slot, Appointment appointment, long askedInResponseId) {

    public enum Kind {
        BOOK, RESCHEDULE, CANCEL
    }

    public boolean sameAs(Kind otherKind, Slot otherSlot, Appointment otherAppointment) {
        return kind == otherKind && java.util.Objects.equals(slot, otherSlot)
                && (appointment == null ? otherAppointment == null
                        : otherAppointment != null && appointment.aptNum() == otherAppointment.aptNum());
    }
}
