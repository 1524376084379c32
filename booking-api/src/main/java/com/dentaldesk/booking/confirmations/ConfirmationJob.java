package com.dentaldesk.booking.confirmations;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Places the confirmation calls that are due, every minute, on every instance. What makes each call happen once:
 * one queue row per appointment (unique key), rows claimed with {@code for update skip locked} and marked placing
 * (attempt counted) in a committed transaction before Retell is asked; Retell is asked with no transaction held.
 * A crash after the claim leaves the row placing: Retell's webhooks for the call (its metadata names the row)
 * mark it called, and one never reported after {@link ConfirmationCalls#PLACING_GIVES_UP} is tried again. A
 * timeout of Retell's answer is treated the same way, never as a failure, since the call may have gone out.
 */
@ApplicationScoped
public class ConfirmationJob {

    private static final Logger LOG = Logger.getLogger(ConfirmationJob.class);

    private final ConfirmationRound round;
    private final Clock clock;

    public ConfirmationJob(ConfirmationRound round, Clock clock) {
        this.round = round;
        this.clock = clock;
    }

    @Scheduled(every = "${confirmations.every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyMinute() {
        runOnce(clock.instant());
    }

    /** One pass over every clinic with confirmation calls on, as of {@code now}; returns the calls placed. */
    public int runOnce(Instant now) {
        int placed = 0;
        for (long clinic : round.clinicsWithCallsOn()) {
            try {
                int placedForClinic = round.runFor(clinic, now);
                if (placedForClinic > 0) {
                    LOG.infof("Placed %d confirmation calls for clinic %d", placedForClinic, clinic);
                }
                placed += placedForClinic;
            } catch (RuntimeException e) {
                // Class only: messages can carry SQL parameters, and with them patient data.
                LOG.errorf("Confirmation calls of clinic %d failed this round; the next retries: %s", clinic,
                        e.getClass().getName());
            }
        }
        return placed;
    }
}
