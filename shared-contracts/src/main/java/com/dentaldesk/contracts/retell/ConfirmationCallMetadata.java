package com.dentaldesk.contracts.retell;

/**
 * The metadata booking-api's confirmation job gives Retell when it places a confirmation call. Retell hands it back
 * to the gateway ({@code call_details}) and to booking-api (webhooks), so both read the same keys.
 */
public final class ConfirmationCallMetadata {

    public static final String PURPOSE_KEY = "purpose";
    /** The value of {@link #PURPOSE_KEY} that makes a call a confirmation call. */
    public static final String PURPOSE = "appointment_confirmation";
    /** booking-api's confirmation row: the webhooks settle it. */
    public static final String CONFIRMATION_ID = "confirmation_id";
    /** Which claim of that row placed the call, so a late report of an earlier one settles nothing. */
    public static final String CLAIM = "claim";
    public static final String APPOINTMENT_ID = "appointment_id";
    public static final String PATIENT_FIRST_NAME = "patient_first_name";
    /** How the visit is said: "Tuesday, December 1 at 9:00 AM". */
    public static final String APPOINTMENT_TIME = "appointment_time";
    /** The visit's clinic-local start, {@code yyyy-MM-dd HH:mm:ss}. */
    public static final String APPOINTMENT_START = "appointment_start";
    public static final String PROVIDER = "provider";

    private ConfirmationCallMetadata() {
    }
}
