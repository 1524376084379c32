package com.dentaldesk.contracts.booking;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A free interval for one provider in one operatory, in the clinic's local wall time ({@code YYYY-MM-DD HH:mm:ss}). */
public record Slot(
        @JsonProperty("DateTimeStart") String dateTimeStart,
        @JsonProperty("DateTimeEnd") String dateTimeEnd,
        @JsonProperty("ProvNum") long provNum,
        @JsonProperty("OpNum") long opNum,
        @JsonProperty("LengthMinutes") int lengthMinutes,
        @JsonProperty("ProviderName") String providerName) {
}
