package com.dentaldesk.booking.retell;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.dentaldesk.booking.observability.BookingMetrics;

import io.quarkus.scheduler.Scheduled;

/**
 * Works the webhook inbox after Retell has had its 2xx: woken by each new event, and swept on a timer so events
 * left by a crash or a failed attempt are picked up. One drain runs at a time per instance; across instances
 * events are claimed with {@code skip locked}.
 */
@ApplicationScoped
public class WebhookProcessor {

    private static final Logger LOG = Logger.getLogger(WebhookProcessor.class);
    private static final int BATCH = 50;

    private final CallEventHandler handler;
    private final RetellConfig config;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    // Its own thread: it has no request context, so every event gets a fresh one (and a fresh clinic).
    private final ExecutorService worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(1), r -> {
                Thread thread = new Thread(r, "retell-webhook-processor");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    public WebhookProcessor(CallEventHandler handler, RetellConfig config) {
        this.handler = handler;
        this.config = config;
    }

    /** Asks for a drain soon; repeated wakes while one is queued collapse into it. */
    public void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    wakeQueued.set(false);
                    try {
                        drain();
                    } catch (RuntimeException e) {
                        LOG.errorf("Retell webhook drain failed; the next sweep retries: %s", e.getClass().getName());
                    }
                });
            } catch (RejectedExecutionException e) {
                wakeQueued.set(false);
            }
        }
    }

    @Scheduled(every = "${retell.webhook.sweep-every:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        wake();
    }

    /** Processes every due event; returns how many were attempted. */
    int drain() {
        int attempted = 0;
        int rounds = 0;
        List<Long> due;
        do {
            due = handler.due(config.webhook().maxAttempts(), BATCH);
            for (long id : due) {
                attempted++;
                try {
                    handler.process(id);
                } catch (RuntimeException e) {
                    // Class only: messages can carry SQL parameters, and with them patient data.
                    String error = describe(e);
                    if (handler.recordFailure(id, error, config.webhook().maxAttempts())) {
                        LOG.errorf("Retell webhook event %d failed %d times and is now a dead letter "
                                + "(GET /api/retell/dead-letters): %s", id, config.webhook().maxAttempts(), error);
                        BookingMetrics.webhookDeadLetter();
                    } else {
                        LOG.errorf("Retell webhook event %d failed; will retry: %s", id, error);
                    }
                }
            }
        } while (due.size() == BATCH && ++rounds < 100);
        return attempted;
    }

    /** The exception class and, for constraint violations, the constraint: never a message (it may hold data). */
    static String describe(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                return violation.getClass().getName() + " (" + violation.getConstraintName() + ")";
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return e.getClass().getName();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
