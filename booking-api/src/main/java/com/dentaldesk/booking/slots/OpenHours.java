package com.dentaldesk.booking.slots;

import java.time.LocalDate;
import java.time.LocalTime;

/** A bookable provider's schedule in an active room: when and where slots can be offered. */
public record OpenHours(long providerId, String providerName, long operatoryId, LocalDate date, LocalTime startTime,
        LocalTime stopTime) {
}
