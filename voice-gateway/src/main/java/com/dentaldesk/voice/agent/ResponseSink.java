package com.dentaldesk.voice.agent;

import com.dentaldesk.contracts.retell.RetellResponse;

/** Where a call's frames go: the current socket. Implementations never block. */
public interface ResponseSink {

    void send(RetellResponse frame);

    String connectionId();

    /** Whether frames still reach Retell (false after the socket closed, while a reconnect is awaited). */
    boolean isOpen();

    /** Closes with 1000 (Retell does not reconnect). */
    void hangUp();

    /** Closes with 1001, going away: Retell reconnects the call (to another instance when this one stops). */
    void goAway();
}
