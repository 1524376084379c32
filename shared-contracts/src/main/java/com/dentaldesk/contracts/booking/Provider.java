package com.dentaldesk.contracts.booking;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A dentist or hygienist. Hidden providers are soft-deleted and never offered. */
public record Provider(
        @JsonProperty("ProvNum") long provNum,
        @JsonProperty("FName") String firstName,
        @JsonProperty("LName") String lastName,
        @JsonProperty("Abbr") String abbr,
        @JsonProperty("Specialty") String specialty,
        @JsonProperty("IsHidden") boolean hidden) {
}
