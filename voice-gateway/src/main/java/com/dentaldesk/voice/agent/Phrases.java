package com.dentaldesk.voice.agent;

import com.dentaldesk.contracts.booking.ClinicProfile;

/** Every line the gateway speaks without the model, in one place. */
public final class Phrases {

    public static final String TOOL_FILLER = "One moment while I check the schedule. ";
    public static final String SILENCE_FILLER = "One moment. ";
    public static final String UNKNOWN_CLINIC = "I'm sorry, this number isn't set up with our reception service yet. "
            + "Please call the clinic directly. Goodbye.";
    public static final String NO_CLINIC_GREETING = "Thanks for calling. I'm sorry, our booking system isn't available "
            + "at the moment, but I can take a message and have the team call you back. May I have your name, please?";
    public static final String MODEL_DOWN = "I'm sorry, I'm having some technical trouble on my end.";
    public static final String BOOKING_DOWN = "I'm sorry, I can't reach our scheduling system right now.";
    public static final String NO_MODEL = "I'm sorry, I can't book appointments over the phone right now.";
    public static final String OFFER_MESSAGE = " I can take a message and have the team call you back.";
    public static final String TOO_MANY_STEPS = "Sorry, I'm having trouble with that. Could you tell me once more "
            + "what you'd like to do?";
    public static final String MESSAGE_NOT_SAVED = "I'm sorry, I couldn't save your message just now. Please call "
            + "the clinic again a little later. Goodbye!";
    public static final String NOTHING_SAID = "Let me make sure I have everything right before I go ahead.";

    private Phrases() {
    }

    /** The clinic's greeting; on a call the clinic placed, who is calling and for whom instead. */
    public static String greeting(CallState state) {
        ClinicProfile clinic = state.clinic();
        if (state.outbound()) {
            String callee = state.calleeName();
            if (state.confirmation() != null) {
                // No reason, date or time before a person is on the line: an answering machine may be recording.
                return "Hi, this is " + clinic.name() + ". " + (callee == null ? "Do you have a moment?"
                        : "May I speak with " + callee + "?");
            }
            return "Hi, this is " + clinic.name() + " calling" + (callee == null ? "" : " for " + callee)
                    + ". Do you have a moment?";
        }
        if (clinic.greeting() != null && !clinic.greeting().isBlank()) {
            return clinic.greeting();
        }
        return "Thanks for calling " + clinic.name() + ". How can I help you today?";
    }

    /** Left on an answering machine: who called and to call back, nothing about whom or why (no patient data). */
    public static String voicemail(CallState state) {
        return "Hello, this is a message from " + state.clinic().name() + ". Please give us a call back when you"
                + " have a moment. Thank you, goodbye!";
    }

    public static String goodbye(CallState state) {
        if (state.outbound()) {
            return "Thank you for your time. Goodbye!";
        }
        ClinicProfile clinic = state.clinic();
        return "Thank you for calling" + (clinic == null ? "" : " " + clinic.name()) + ". Goodbye!";
    }
}
