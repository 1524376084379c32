package com.dentaldesk.voice.support;

import java.util.List;

import com.dentaldesk.contracts.booking.ClinicFacts;
import com.dentaldesk.contracts.booking.ClinicProfile;
import com.dentaldesk.contracts.booking.Provider;

/** The demo clinic the tests call, with variations. */
public final class Clinics {

    public static final String SLUG = "demo-dental";
    public static final String AGENT_ID = "agent_demo";
    public static final String GREETING = "Thanks for calling Bright Smile Dental, this is Ava. How can I help?";
    public static final String TRANSFER = "+15550001111";
    public static final String CALLER = "+15551230000";

    private Clinics() {
    }

    public static ClinicProfile demo() {
        return inZone("America/New_York");
    }

    public static ClinicProfile inZone(String timezone) {
        return new ClinicProfile(SLUG, "Bright Smile Dental", timezone, GREETING,
                "Mention that new patients get a free whitening kit.", "Cleanings take 60 minutes.", TRANSFER,
                List.of(new Provider(1, "Maya", "Patel", "MP", "General", false),
                        new Provider(2, "Sam", "Lee", "SL", "Hygienist", false)),
                new ClinicFacts("12 Harbor Street, Springfield", "Free parking behind the building",
                        "Most PPO plans; cards and cash", List.of(new ClinicFacts.Service("Cleaning", 60),
                                new ClinicFacts.Service("Emergency exam", 30)),
                        List.of("Monday 8:00 AM to 5:00 PM", "Tuesday 8:00 AM to 5:00 PM"),
                        List.of("Thursday, December 24 (Christmas Eve)")));
    }
}
