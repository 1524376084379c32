package com.dentaldesk.voice.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something that happens in the background (a delivery, an upload), failing after a deadline. */
public final class Await {

    private Await() {
    }

    public static void until(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }
}
