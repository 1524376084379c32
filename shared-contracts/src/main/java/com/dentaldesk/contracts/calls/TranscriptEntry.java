package com.dentaldesk.contracts.calls;

/** One utterance of a call: role is {@code agent} or {@code user}. */
public record TranscriptEntry(String role, String content) {
}
