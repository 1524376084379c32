package com.dentaldesk.contracts.booking;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A treatment room. Inactive rooms are never auto-filled or offered. */
public record Operatory(
        @JsonProperty("OperatoryNum") long operatoryNum,
        @JsonProperty("OpName") String name,
        @JsonProperty("Abbrev") String abbrev,
        @JsonProperty("IsActive") boolean active,
        @JsonProperty("Tags") List<String> tags) {
}
