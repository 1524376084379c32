package com.dentaldesk.contracts.calls;

import java.time.Instant;

/** A callback the front desk owes; {@code phone} is E.164 when it could be parsed. */
public record Lead(long id, String callId, String name, String phone, String reason, String status,
        Instant createdAt) {
}
