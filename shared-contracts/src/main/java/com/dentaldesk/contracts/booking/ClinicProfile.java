package com.dentaldesk.contracts.booking;

import java.util.List;

/**
 * What the voice gateway needs to run a clinic's calls, returned by {@code GET /api/organizations/resolve}.
 * The slug is the only clinic identifier the gateway passes back; internal ids stay in booking-api.
 */
public record ClinicProfile(
        String slug,
        String name,
        String timezone,
        String greeting,
        String customInstructions,
        String businessRules,
        String transferNumber,
        List<Provider> providers,
        ClinicFacts facts) {

    /** The facts, or none (a booking-api from before facts existed sends none). */
    public ClinicFacts factsOrNone() {
        return facts == null ? ClinicFacts.none() : facts;
    }
}
