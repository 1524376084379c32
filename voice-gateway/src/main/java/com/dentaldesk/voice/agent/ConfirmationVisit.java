package com.dentaldesk.voice.agent;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

import com.dentaldesk.contracts.retell.ConfirmationCallMetadata;

/**
 * The visit a confirmation call is about, as booking-api's job described it in the call's metadata. Only an
 * outbound call whose metadata says {@code purpose: appointment_confirmation} has one.
 *
 * @param appointmentId the appointment to confirm (the job's, never the model's choice)
 * @param spokenTime how to say it: "Tuesday, December 1 at 9:00 AM"
 * @param start clinic-local start, what a spoken "confirmed" is checked against
 * @param provider as booking-api names the provider; may be null
 */
public record ConfirmationVisit(long appointmentId, String spokenTime, LocalDateTime start, String provider) {

    private static final DateTimeFormatter WALL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The visit named by an outbound call's metadata, or null when the call is not a confirmation call. */
    static ConfirmationVisit of(boolean outbound, Map<String, Object> metadata) {
        if (!outbound || metadata == null || !ConfirmationCallMetadata.PURPOSE.equals(text(metadata, ConfirmationCallMetadata.PURPOSE_KEY))) {
            return null;
        }
        String id = text(metadata, ConfirmationCallMetadata.APPOINTMENT_ID);
        String spoken = text(metadata, ConfirmationCallMetadata.APPOINTMENT_TIME);
        String start = text(metadata, ConfirmationCallMetadata.APPOINTMENT_START);
        if (id == null || !id.matches("\\d{1,18}") || spoken == null || start == null) {
            return null;
        }
        try {
            return new ConfirmationVisit(Long.parseLong(id), spoken, LocalDateTime.parse(start, WALL_TIME),
                    text(metadata, ConfirmationCallMetadata.PROVIDER));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(Map<String, Object> metadata, String key) {
        Object value = metadata.get(key);
        String text = value == null ? null : value.toString().strip();
        return text == null || text.isEmpty() || text.length() > 120 ? null : text;
    }
}
