package com.dentaldesk.voice.agent;

import java.time.Instant;

/** "Now", replaceable in tests so date resolution can be checked on a chosen weekday. */
public interface TimeSource {
    Instant now();
}
