package com.dentaldesk.booking.confirmations;

import java.util.List;

/**
 * Confirmation-call settings as the API and the console read and write them. Times are the clinic's wall times
 * ({@code HH:mm}), days three-letter codes ({@code MON}), types the appointment types to call about (empty: all).
 */
public record ConfirmationSettingsView(Boolean enabled, Integer hoursBefore, String callingFrom, String callingUntil,
        List<String> callingDays, Integer retries, Integer retryAfterMinutes, Boolean newPatientsOnly,
        List<String> appointmentTypes) {

    public static ConfirmationSettingsView of(ConfirmationSettings s) {
        return new ConfirmationSettingsView(s.enabled, s.hoursBefore, s.callingFrom.toString(),
                s.callingUntil.toString(), s.days().stream().sorted().map(ConfirmationSettings::code).toList(),
                s.retries, s.retryAfterMinutes, s.newPatientsOnly, s.types());
    }
}
