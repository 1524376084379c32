package com.dentaldesk.contracts.booking;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A provider's working hours in one operatory on one date ({@code HH:mm:ss}, clinic-local). */
public record Schedule(
        @JsonProperty("ScheduleNum") long scheduleNum,
        @JsonProperty("SchedDate") String schedDate,
        @JsonProperty("StartTime") String startTime,
        @JsonProperty("StopTime") String stopTime,
        @JsonProperty("ProvNum") long provNum,
        @JsonProperty("OpNum") long opNum) {
}
