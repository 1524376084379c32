package com.dentaldesk.voice.speech;

/** What a successful write did to the book. */
public enum WriteKind {
    BOOKED, MOVED, CANCELLED
}
