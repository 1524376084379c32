package com.dentaldesk.voice.agent;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/** The wall clock. */
@ApplicationScoped
public class SystemTimeSource implements TimeSource {
    @Override
    public Instant now() {
        return Instant.now();
    }
}
