package com.dentaldesk.voice.agent;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import com.dentaldesk.contracts.calls.CallOutcome;
import com.dentaldesk.voice.client.BookingApiClient;
import com.dentaldesk.voice.config.GatewayConfig;
import com.dentaldesk.voice.outbox.Letter;
import com.dentaldesk.voice.outbox.Outbox;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Ships each call's record to booking-api beside the call, never on its path: {@link #record} only marks the call
 * dirty and returns. A few uploader lanes take dirty calls from one queue (a call is in it at most once, so memory
 * is bounded by the calls alive) and upload a snapshot taken at upload time, so any number of changes while a call
 * waits cost one upload. A live call's failed upload is retried with backoff (its next change or its end carries it
 * anyway); the record of an ended call that booking-api did not take goes to the {@link Outbox}, on disk, and so
 * does whatever a clean shutdown could not upload in time.
 *
 * <p>A change of facts (a tool call, the outcome, an appointment, a lead, the end) is queued at once: it is what
 * another instance needs to continue the call and what the clinic sees. A turn that only adds transcript waits up to
 * {@code transcript-interval}; when the queue is longer than {@code max-queued}, such turns are not queued at all
 * (the next fact change or the hang-up carries their transcript), so overload means fewer snapshots, not slower
 * calls.
 */
@ApplicationScoped
public class ConversationRecorder {

    private static final Logger LOG = Logger.getLogger(ConversationRecorder.class);

    private final BookingApiClient booking;
    private final Outbox outbox;
    private final Workers workers;
    private final GatewayConfig.ConversationLog config;
    private final LinkedBlockingQueue<String> ready = new LinkedBlockingQueue<>();
    private final Map<String, Dirty> dirty = new ConcurrentHashMap<>();
    private final Map<String, Facts> lastFacts = new ConcurrentHashMap<>();
    private final ExecutorService lanes;
    /** Uploads taken off the queue and not yet finished: the shutdown drain waits for them too. */
    private final AtomicInteger uploading = new AtomicInteger();
    /** Calls handed to another instance as this one stops: their record there must not be overwritten from here. */
    private final Set<String> handedOff = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    /** A call waiting for upload: its live state, and how often uploading it has failed in a row. */
    private record Dirty(CallState state, int failures, boolean queued) {
    }

    /** What must reach booking-api without delay when it changes. */
    private record Facts(int toolCalls, CallOutcome outcome, Long appointmentId, Long leadId, boolean ended) {
        /** A call that has only talked: its first snapshot can wait for the transcript interval like any other. */
        static final Facts NONE = new Facts(0, null, null, null, false);

        static Facts of(CallState state) {
            return new Facts(state.toolCallCount(), state.outcome(), state.appointmentId(), state.leadId(),
                    state.endedAt() != null);
        }
    }

    public ConversationRecorder(BookingApiClient booking, Outbox outbox, Workers workers, GatewayConfig config) {
        this.booking = booking;
        this.outbox = outbox;
        this.workers = workers;
        this.config = config.conversationLog();
        int lanes = this.config.uploadLanes();
        this.lanes = Executors.newFixedThreadPool(lanes, Thread.ofVirtual().name("call-log-", 0).factory());
        for (int i = 0; i < lanes; i++) {
            this.lanes.execute(this::uploadLoop);
        }
    }

    /** Notes that the call changed. Never blocks, never throws, never uploads on the caller's thread. */
    public void record(CallState state) {
        if (state.clinicSlug() == null || state.clinic() == null || handedOff.contains(state.callId())) {
            return;
        }
        String callId = state.callId();
        Facts facts = Facts.of(state);
        Facts seen = lastFacts.put(callId, facts);
        boolean factsChanged = !facts.equals(seen == null ? Facts.NONE : seen);
        if (factsChanged) {
            enqueue(callId, state);
        } else if (ready.size() < config.maxQueued()) {
            Dirty previous = dirty.putIfAbsent(callId, new Dirty(state, 0, false));
            if (previous == null) {
                schedule(() -> promote(callId), config.transcriptInterval());
            }
        }
    }

    /** Queues the call once (a call already queued is simply uploaded with its newest state). */
    private void enqueue(String callId, CallState state) {
        // One atomic step: an upload taking the entry meanwhile must not leave it marked queued but off the queue.
        boolean[] notQueuedYet = new boolean[1];
        dirty.compute(callId, (id, before) -> {
            notQueuedYet[0] = before == null || !before.queued();
            return new Dirty(state, before == null ? 0 : before.failures(), true);
        });
        if (notQueuedYet[0]) {
            ready.add(callId);
        }
    }

    /** A call waiting for its transcript interval or a retry: queue it now, unless something already did. */
    private void promote(String callId) {
        Dirty waiting = dirty.get(callId);
        if (waiting != null && !waiting.queued()) {
            enqueue(callId, waiting.state());
        }
    }

    private void uploadLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            String callId;
            try {
                callId = ready.take();
            } catch (InterruptedException e) {
                return;
            }
            upload(callId);
        }
    }

    private void upload(String callId) {
        // Counted before the entry leaves the map, so the drain never sees neither (nothing dirty, nothing uploading).
        uploading.incrementAndGet();
        try {
            Dirty entry = dirty.remove(callId);
            if (entry != null) {
                upload(callId, entry);
            }
        } finally {
            uploading.decrementAndGet();
        }
    }

    private void upload(String callId, Dirty entry) {
        CallState state = entry.state();
        try {
            booking.putConversation(state.clinicSlug(), state.snapshot());
            if (state.endedAt() != null) {
                lastFacts.remove(callId);
            }
        } catch (RuntimeException e) {
            if (handedOff.contains(callId)) {
                // Neither retried nor kept: a late copy from here would overwrite the record of the instance that
                // continues the call, which writes its own.
                LOG.warnf("call %s: record not saved before the hand-off (%s)", callId, e.getClass().getSimpleName());
                return;
            }
            if (state.endedAt() != null || stopping) {
                keepInOutbox(state);
                return;
            }
            int failures = entry.failures() + 1;
            if (failures >= config.maxAttempts()) {
                // The call goes on: its next change of facts, or its end, queues it again.
                LOG.warnf("call %s: conversation record not saved after %d attempts (%s)", callId, failures,
                        e.getClass().getSimpleName());
                lastFacts.remove(callId);
                return;
            }
            // A newer change that arrived meanwhile rides along with the retry.
            dirty.merge(callId, new Dirty(state, failures, false),
                    (newer, failed) -> new Dirty(newer.state(), failures, newer.queued()));
            schedule(() -> promote(callId), config.retryDelay().multipliedBy(1L << Math.min(failures - 1, 10)));
        }
    }

    /** The record goes to the outbox, on disk, which delivers it once booking-api is back. */
    private void keepInOutbox(CallState state) {
        dirty.remove(state.callId());
        lastFacts.remove(state.callId());
        outbox.keep(state.letter(Letter.Kind.CALL_RECORD, booking.json().valueToTree(state.snapshot())));
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            workers.timer().schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Stopping: the shutdown drain takes whatever is dirty.
        }
    }

    /**
     * A call leaving this instance as it stops (its socket dropped, and Retell reconnects it elsewhere): its record is
     * queued at once, and later changes here are ignored. Never blocks.
     */
    public void handOff(CallState state) {
        handedOff.add(state.callId());
        if (state.clinic() != null) {
            enqueue(state.callId(), state);
        }
    }

    /**
     * Calls about to be handed to another instance as this one stops: their record is uploaded now, before the other
     * instance reads it to continue the call, and later changes here are ignored (an older snapshot from here must
     * not overwrite what the other instance writes). Waits up to {@code timeout}; a record still queued then goes
     * with the shutdown drain.
     */
    public void uploadBeforeHandOff(List<CallState> states, Duration timeout) throws InterruptedException {
        states.forEach(this::handOff);
        List<CallState> recorded = states.stream().filter(state -> state.clinic() != null).toList();
        Waits.until(() -> recorded.stream().noneMatch(state -> dirty.containsKey(state.callId()))
                && uploading.get() == 0, timeout);
    }

    /**
     * SIGINT/SIGTERM: upload every call still dirty (transcript-only ones too); what is left at the deadline goes
     * to the outbox, which runs its own last round after this.
     */
    void drainOnShutdown(@Observes ShutdownEvent event) {
        stopping = true;
        long deadline = System.nanoTime() + config.shutdownDrain().toNanos();
        while ((!ready.isEmpty() || !dirty.isEmpty() || uploading.get() > 0) && System.nanoTime() < deadline) {
            // Again each round: a retry or a last change may have come in meanwhile.
            dirty.keySet().forEach(this::promote);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        lanes.shutdownNow();
        try {
            // An upload interrupted at the deadline hands its record to the outbox on its lane: let it finish.
            lanes.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A handed-off call's record is left to the instance that continues the call (a late copy would overwrite it).
        dirty.keySet().removeAll(handedOff);
        if (!dirty.isEmpty()) {
            LOG.infof("%d call records not uploaded before shutdown, kept in the outbox", dirty.size());
            dirty.values().forEach(waiting -> keepInOutbox(waiting.state()));
        }
    }

    /** Calls waiting for an upload (the {@code voice_call_log_waiting} gauge). */
    public int waiting() {
        return dirty.size();
    }
}
