package com.dentaldesk.booking.confirmations;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Where a confirmation call stands. Due, placing and calling are open; every other status is its outcome. */
public enum ConfirmationStatus {
    /** Waiting for its time ({@code next_attempt_at}), or for a plan when that is null. */
    DUE,
    /** Claimed by an instance that is asking Retell to place it; if Retell's answer is lost, its webhooks settle it. */
    PLACING,
    /** Placed; the call's end decides unless the patient already answered. */
    CALLING,
    CONFIRMED,
    CANCELLED,
    MOVED,
    NO_ANSWER,
    VOICEMAIL,
    OPTED_OUT,
    /** The patient was reached but neither confirmed, cancelled nor moved. */
    UNRESOLVED,
    /** Not called: the appointment was no longer scheduled, or no calling hours fell before it. */
    SKIPPED,
    /** Retell refused or failed to place the call on every attempt. */
    FAILED;

    public boolean isOpen() {
        return this == DUE || this == PLACING || this == CALLING;
    }

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How staff read it. */
    public String label() {
        return switch (this) {
            case DUE -> "To call";
            case PLACING, CALLING -> "Calling";
            case CONFIRMED -> "Confirmed";
            case CANCELLED -> "Cancelled";
            case MOVED -> "Moved";
            case NO_ANSWER -> "No answer";
            case VOICEMAIL -> "Voicemail";
            case OPTED_OUT -> "Asked not to be called";
            case UNRESOLVED -> "Reached, no answer given";
            case SKIPPED -> "Not called";
            case FAILED -> "Call failed";
        };
    }

    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<ConfirmationStatus, String> {

        @Override
        public String convertToDatabaseColumn(ConfirmationStatus status) {
            return status == null ? null : status.dbValue();
        }

        @Override
        public ConfirmationStatus convertToEntityAttribute(String value) {
            return value == null ? null : ConfirmationStatus.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
