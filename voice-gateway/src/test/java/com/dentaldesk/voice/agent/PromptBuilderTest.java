package com.dentaldesk.voice.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.dentaldesk.contracts.booking.ClinicProfile;
import com.dentaldesk.voice.support.Clinics;

/** The receptionist is told the clinic's facts as the clinic entered them, and nothing when there are none. */
class PromptBuilderTest {

    private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");

    @Test
    void shouldGiveTheReceptionistTheClinicsFactsAndServiceLengthsForTheSlotSearch() {
        CallState state = new CallState("call-facts", NOW);
        state.clinic(Clinics.demo());

        String prompt = PromptBuilder.system(state, NOW).text();

        for (String fact : List.of("Clinic address: 12 Harbor Street, Springfield",
                "Parking: Free parking behind the building", "Insurance and payment: Most PPO plans; cards and cash",
                "Services and their usual lengths: Cleaning 60 minutes, Emergency exam 30 minutes",
                "pass its length to find_slots as length_minutes",
                "Opening hours (other weekdays closed): Monday 8:00 AM to 5:00 PM; Tuesday 8:00 AM to 5:00 PM.",
                "Closed days ahead: Thursday, December 24 (Christmas Eve).")) {
            assertTrue(prompt.contains(fact), fact + " in: " + prompt);
        }
    }

    @Test
    void shouldPassTheStaffsInstructionsFromALiveCallToTheReceptionist() {
        CallState state = new CallState("call-staff", NOW);
        state.clinic(Clinics.demo());
        assertFalse(PromptBuilder.system(state, NOW).text().contains("The clinic's staff"));

        state.staffNote("Offer the 3 pm cancellation.");
        String prompt = PromptBuilder.system(state, NOW).text();

        assertTrue(prompt.contains("The clinic's staff, listening in, asked you: Offer the 3 pm cancellation."), prompt);
    }

    @Test
    void shouldSayNothingOfFactsAClinicHasNotEntered() {
        ClinicProfile demo = Clinics.demo();
        CallState state = new CallState("call-no-facts", NOW);
        state.clinic(new ClinicProfile(demo.slug(), demo.name(), demo.timezone(), demo.greeting(), null, null, null,
                List.of(), null));

        String prompt = PromptBuilder.system(state, NOW).text();

        for (String absent : List.of("Clinic address", "Parking:", "Insurance and payment:",
                "Services and their usual lengths", "Opening hours", "Closed days ahead")) {
            assertFalse(prompt.contains(absent), absent + " in: " + prompt);
        }
    }
}
