package com.dentaldesk.contracts.booking;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An appointment in clinic-local wall time ({@code YYYY-MM-DD HH:mm:ss}). */
public record Appointment(
        @JsonProperty("AptNum") long aptNum,
        @JsonProperty("PatNum") long patNum,
        @JsonProperty("ProvNum") long provNum,
        @JsonProperty("Op") long op,
        @JsonProperty("AptDateTime") String aptDateTime,
        @JsonProperty("AptDateTimeEnd") String aptDateTimeEnd,
        @JsonProperty("LengthMinutes") int lengthMinutes,
        @JsonProperty("AptStatus") AppointmentStatus status,
        @JsonProperty("AptType") String type,
        @JsonProperty("Note") String note,
        @JsonProperty("ProviderName") String providerName) {
}
