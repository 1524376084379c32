package com.dentaldesk.voice.agent;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The bounded waits of a stop, on the thread that stops the application (never on a call's path). */
final class Waits {

    private Waits() {
    }

    /** Returns when {@code done} holds or {@code timeout} has passed, whichever comes first. */
    static void until(BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
