package com.dentaldesk.simulator;

import com.dentaldesk.contracts.retell.RetellResponse;

/** Hooks for printing a call as it happens; every method has a quiet default. */
public interface CallListener {

    default void onFrame(RetellResponse frame) {
    }

    default void onLatePing(long delayMillis) {
    }

    /** Every echoed ping, with the time from handing it to the socket to its echo. */
    default void onPingEcho(long delayNanos) {
    }

    default void onUndecodable(String text) {
    }

    default void onClosed(int statusCode, String reason) {
    }

    CallListener QUIET = new CallListener() {
    };
}
