package com.dentaldesk.contracts.booking;

/**
 * What the patient said in a confirmation call, as the receptionist reports it ({@code POST
 * /api/confirmations/{appointmentId}/answer}): {@code answer} is {@code confirmed}, {@code opted_out} ("don't call
 * me") or {@code voicemail}; {@code callId} is the call placed for that appointment.
 */
public record ConfirmationAnswer(String callId, String answer) {

    public static final String CONFIRMED = "confirmed";
    public static final String OPTED_OUT = "opted_out";
    public static final String VOICEMAIL = "voicemail";
}
