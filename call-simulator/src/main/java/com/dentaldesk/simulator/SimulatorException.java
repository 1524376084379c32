package com.dentaldesk.simulator;

/** A call could not be held (connection refused, bad scenario file): exit code 2, not a failed expectation. */
public class SimulatorException extends RuntimeException {
    public SimulatorException(String message, Throwable cause) {
        super(message, cause);
    }

    public SimulatorException(String message) {
        super(message);
    }
}
