package com.dentaldesk.contracts.booking;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A patient; {@code WirelessPhone} is E.164 and {@code Birthdate} is {@code YYYY-MM-DD}. */
public record Patient(
        @JsonProperty("PatNum") long patNum,
        @JsonProperty("FName") String firstName,
        @JsonProperty("LName") String lastName,
        @JsonProperty("Birthdate") String birthdate,
        @JsonProperty("WirelessPhone") String wirelessPhone,
        @JsonProperty("Email") String email) {
}
