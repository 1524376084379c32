package com.dentaldesk.voice.support;

import java.time.Instant;

import com.dentaldesk.voice.agent.TimeSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** Replaces the wall clock in tests; {@link #fixed} set = that instant, null = real time. */
@Alternative
@Priority(1)
@ApplicationScoped
public class MutableTimeSource implements TimeSource {

    public static volatile Instant fixed;

    @Override
    public Instant now() {
        Instant at = fixed;
        return at == null ? Instant.now() : at;
    }
}
