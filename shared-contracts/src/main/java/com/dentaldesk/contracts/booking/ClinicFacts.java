package com.dentaldesk.contracts.booking;

import java.util.List;

/**
 * What callers ask about, as the clinic entered it: where it is, parking, insurance and payment, and its services
 * with their usual lengths (a cleaning is 60 minutes). Blank texts are null; the receptionist answers from these
 * and passes a service's length to the slot search.
 */
public record ClinicFacts(String address, String parking, String payment, List<Service> services) {

    /** A service the clinic offers and how long it usually takes. */
    public record Service(String name, int minutes) {
    }

    public static ClinicFacts none() {
        return new ClinicFacts(null, null, null, List.of());
    }
}
