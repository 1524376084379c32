package com.dentaldesk.contracts.booking;

import java.util.List;

/**
 * What callers ask about, as the clinic entered it: where it is, parking, insurance and payment, its services with
 * their usual lengths (a cleaning is 60 minutes), and when it is open: per weekday from the coming week's working
 * hours ("Monday 8:00 AM to 5:00 PM"; a weekday nobody works is absent), and the closed days ahead. Blank texts are
 * null; the receptionist answers from these and passes a service's length to the slot search.
 */
public record ClinicFacts(String address, String parking, String payment, List<Service> services,
        List<String> openingHours, List<String> closedDays) {

    /** A service the clinic offers and how long it usually takes. */
    public record Service(String name, int minutes) {
    }

    public static ClinicFacts none() {
        return new ClinicFacts(null, null, null, List.of(), List.of(), List.of());
    }
}
