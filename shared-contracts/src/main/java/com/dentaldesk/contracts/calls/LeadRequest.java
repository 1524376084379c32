package com.dentaldesk.contracts.calls;

/** A message taken for a callback ({@code POST /api/leads}); at most one lead per call id. */
public record LeadRequest(String callId, String name, String phone, String reason) {
}
