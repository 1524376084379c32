package com.dentaldesk.voice.agent;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.dentaldesk.contracts.calls.ConversationLog;
import com.dentaldesk.contracts.calls.CallOutcome;
import com.dentaldesk.contracts.retell.RetellCall;
import com.dentaldesk.contracts.retell.RetellRequest;
import com.dentaldesk.contracts.retell.RetellResponse;
import com.dentaldesk.voice.client.BookingApiClient;
import com.dentaldesk.voice.client.ClinicDirectory;
import com.dentaldesk.voice.config.GatewayConfig;
import com.dentaldesk.voice.metrics.CallMetrics;
import com.dentaldesk.voice.tools.ToolResult;

/**
 * One call: its state, its current socket and its turns. Socket events arrive on the event loop and only
 * update fields or hand work to the call's serial executor, so pings are echoed at once whatever a turn does.
 * The newest {@code response_id} wins: {@link #emit} drops anything from an older turn.
 */
public final class CallSession {

    private static final Logger LOG = Logger.getLogger(CallSession.class);

    private final CallState state;
    private final Executor serial;
    private final Collaborators with;
    private final AtomicBoolean openingStarted = new AtomicBoolean();
    private volatile ResponseSink sink;
    private long latestResponseId = -1;
    private Turn current;
    /** The call goes on on another instance (a stop): no turn starts here any more. Guarded by this. */
    private boolean handedOff;
    private static final long SLUG_CALL_DETAILS_WAIT_MILLIS = 300;
    private ScheduledFuture<?> callDetailsTimer;
    /** Retell's {@code start_timestamp} (epoch ms) from call details; null until they arrive. */
    private volatile Long retellStartMillis;
    /** Retell's interrupt ids are this call's own sequence. */
    private final AtomicLong interrupts = new AtomicLong();

    /** The beans a session works with, grouped so the session stays a plain object. */
    public record Collaborators(ClinicDirectory clinics, BookingApiClient booking, AgentLoop agent,
            MessageTaker messages, ConversationRecorder recorder, CallStateRebuilder rebuilder, ChatModels models,
            Workers workers, TimeSource time, GatewayConfig config) {
    }

    CallSession(CallState state, ResponseSink sink, Collaborators with) {
        this.state = state;
        this.sink = sink;
        this.with = with;
        this.serial = with.workers().serial();
    }

    public CallState state() {
        return state;
    }

    ResponseSink sink() {
        return sink;
    }

    /**
     * A new call: ask for call details and greet when they arrive (Retell sends them at once). They say whether the
     * clinic placed the call, which changes the greeting; with the clinic's slug in the URL the wait is short, then
     * the greeting goes out without them.
     */
    void start() {
        sink.send(RetellResponse.Config.standard());
        long waitMillis = state.clinicSlugHint() != null ? SLUG_CALL_DETAILS_WAIT_MILLIS
                : with.config().socket().callDetailsTimeout().toMillis();
        callDetailsTimer = with.workers().timer().schedule(this::beginOpening, waitMillis, TimeUnit.MILLISECONDS);
    }

    /** Retell reconnected to this instance: continue on the new socket without greeting again. */
    synchronized void reattach(ResponseSink newSink) {
        if (current != null) {
            current.cancel();
        }
        sink = newSink;
        newSink.send(RetellResponse.Config.standard());
        newSink.send(RetellResponse.Response.complete(0, ""));
        LOG.infof("call %s: reconnected", state.callId());
    }

    /**
     * What the clinic's staff sent into this live call: text spoken at once, whole ({@code agent_interrupt}), an
     * instruction the receptionist reads from the next turn on, or the call put through to the clinic's transfer
     * number after the text. Never blocks. False when a transfer was asked and the clinic has no number.
     */
    boolean staffText(String text, StaffMode mode) {
        switch (mode) {
            case SPEAK -> sink.send(RetellResponse.AgentInterrupt.uninterruptible(interrupts.incrementAndGet(), text));
            case INSTRUCT -> state.staffNote(text);
            case TRANSFER -> {
                String number = state.clinic() == null ? null : state.clinic().transferNumber();
                if (number == null || number.isBlank()) {
                    return false;
                }
                sink.send(RetellResponse.AgentInterrupt.transfer(interrupts.incrementAndGet(), text, number));
                state.outcome(CallOutcome.transferred);
            }
        }
        return true;
    }

    /** How staff text reaches the call. */
    public enum StaffMode {
        SPEAK, INSTRUCT, TRANSFER
    }

    /** Called on the event loop: nothing here may block. */
    void receive(RetellRequest request) {
        if (request instanceof RetellRequest.PingPong ping) {
            sink.send(new RetellResponse.PingPong(ping.timestamp()));
        } else if (request instanceof RetellRequest.CallDetails details) {
            if (details.call() != null) {
                RetellCall call = details.call();
                boolean outbound = "outbound".equalsIgnoreCase(call.direction());
                state.callDetails(call.agentId(), call.fromNumber(), call.toNumber(), outbound, calleeName(call));
                state.confirmation(ConfirmationVisit.of(outbound, call.metadata()));
                retellStartMillis = details.call().startTimestamp();
            }
            if (callDetailsTimer != null) {
                callDetailsTimer.cancel(false);
            }
            beginOpening();
        } else if (request instanceof RetellRequest.UpdateOnly update) {
            state.transcript(update.transcript());
        } else if (request instanceof RetellRequest.ResponseRequired r) {
            startTurn(r.responseId(), false, r);
        } else if (request instanceof RetellRequest.ReminderRequired r) {
            startTurn(r.responseId(), true, r);
        }
    }

    private void startTurn(long responseId, boolean reminder, RetellRequest.TurnRequest request) {
        Turn turn;
        synchronized (this) {
            if (handedOff) {
                // Asked between the hand-off and the socket's close: the instance that continues the call answers.
                return;
            }
            if (responseId <= latestResponseId) {
                LOG.warnf("call %s: ignoring out-of-order response_id %d (latest %d)", state.callId(), responseId,
                        latestResponseId);
                return;
            }
            latestResponseId = responseId;
            if (current != null) {
                current.cancel();
            }
            turn = new Turn(responseId, reminder, request.transcript(), this);
            current = turn;
        }
        long silenceMs = with.config().agent().silenceFillerAfter().toMillis();
        ScheduledFuture<?> watchdog = with.workers().timer().schedule(() -> {
            if (!turn.hasSpoken() && !turn.isFinished() && !turn.isCancelled()) {
                turn.filler(Phrases.SILENCE_FILLER);
            }
        }, silenceMs, TimeUnit.MILLISECONDS);
        serial.execute(() -> runTurn(turn, watchdog));
    }

    private void runTurn(Turn turn, ScheduledFuture<?> watchdog) {
        if (turn.isCancelled()) {
            watchdog.cancel(false);
            return;
        }
        MDC.put("call_id", state.callId());
        putClinic();
        try {
            state.transcript(turn.transcript());
            switch (state.mode()) {
                case CLOSED -> turn.finish(new ToolResult.Closing(Phrases.goodbye(state), true, null));
                case MESSAGE_TAKING, OPENING -> with.messages().handle(turn, state);
                case AGENT -> {
                    if (turn.reminder()) {
                        turn.finish(reminderLine());
                    } else {
                        with.agent().run(turn, state);
                    }
                }
            }
        } catch (RuntimeException e) {
            // One bad turn must not end the call: apologise and fall back to taking a message.
            LOG.errorf("call %s: turn %d failed (%s)", state.callId(), turn.responseId(), e.getClass().getSimpleName());
            CallMetrics.error("turn");
            if (!turn.isFinished()) {
                with.messages().coverTurn(turn, state, Phrases.MODEL_DOWN);
            }
        } finally {
            watchdog.cancel(false);
            if (!turn.isFinished() && !turn.isCancelled()) {
                turn.finish("");
            }
            if (turn.firstChunkNanos() >= 0) {
                LOG.debugf("call %s: turn %d first chunk after %d ms", state.callId(), turn.responseId(),
                        TimeUnit.NANOSECONDS.toMillis(turn.firstChunkNanos()));
            }
            CallMetrics.turn(state.mode().name(), turn.firstChunkNanos());
            with.recorder().record(state);
            MDC.remove("call_id");
            MDC.remove("clinic");
        }
    }

    /** A check-in, not a replay: a pending confirmation is asked again, otherwise a nudge. */
    private String reminderLine() {
        PendingAction pending = state.pending();
        if (pending != null && pending.question() != null) {
            // The same question word for word, so a "yes" to the reminder still answers it.
            return "Are you still there? " + pending.question();
        }
        return "Are you still there? Take your time, I'm here when you're ready.";
    }

    /**
     * Emits a frame for a turn unless a newer turn has started: this is what keeps barge-in clean. The greeting
     * (response 0) is not a turn and goes out directly.
     */
    synchronized boolean emit(Turn turn, RetellResponse frame) {
        if (turn != current || turn.isCancelled()) {
            return false;
        }
        speak(frame);
        return true;
    }

    /** Whom an outbound call was placed to, as the one who placed it named them (metadata or dynamic variables). */
    private static String calleeName(RetellCall call) {
        for (String key : List.of("patient_first_name", "patient_name", "first_name", "name")) {
            Object fromMetadata = call.metadata() == null ? null : call.metadata().get(key);
            String value = fromMetadata != null ? fromMetadata.toString()
                    : call.dynamicVariables() == null ? null : call.dynamicVariables().get(key);
            if (value != null && !value.isBlank() && value.length() <= 60) {
                return value.strip();
            }
        }
        return null;
    }

    /** Sends a response and notes its words for the call log. */
    private void speak(RetellResponse frame) {
        if (frame instanceof RetellResponse.Response response) {
            state.spoke(response.responseId(), response.content());
        }
        sink.send(frame);
    }

    private void beginOpening() {
        if (openingStarted.compareAndSet(false, true)) {
            long requested = System.nanoTime();
            serial.execute(() -> open(requested));
        }
    }

    /**
     * Resolves the clinic (from the cache for a known clinic) and greets at once. Only a call that began well before
     * this socket opened can be a reconnect to an instance that never saw it: only then is booking-api asked for its
     * record, so a new call's greeting never waits on a round trip.
     */
    private void open(long requestedNanos) {
        MDC.put("call_id", state.callId());
        long started = System.nanoTime();
        try {
            ClinicDirectory.Lookup lookup = with.clinics().resolve(state.clinicSlugHint(), state.agentId(),
                    state.clinicNumber());
            if (lookup instanceof ClinicDirectory.Lookup.Found found) {
                state.clinic(found.clinic());
                putClinic();
                state.mode(with.models().model().isPresent() ? CallState.Mode.AGENT : CallState.Mode.MESSAGE_TAKING);
                Optional<ConversationLog> earlier = mayBeReconnect() ? earlierRecord() : Optional.empty();
                if (earlier.isPresent()) {
                    sink.send(RetellResponse.Response.complete(0, ""));
                    with.rebuilder().apply(state, earlier.get());
                    LOG.infof("call %s: continuing a call served elsewhere", state.callId());
                } else {
                    speak(RetellResponse.Response.complete(0, Phrases.greeting(state)));
                    CallMetrics.greeting(System.nanoTime() - requestedNanos);
                }
            } else if (lookup instanceof ClinicDirectory.Lookup.Unknown) {
                state.mode(CallState.Mode.CLOSED);
                LOG.warnf("call %s: no clinic for this call; refusing politely", state.callId());
                speak(RetellResponse.Response.hangUp(0, Phrases.UNKNOWN_CLINIC));
            } else {
                state.mode(CallState.Mode.MESSAGE_TAKING);
                state.message(MessageDraft.start().next(MessageDraft.Stage.ASK_NAME));
                LOG.warnf("call %s: booking-api unavailable at greeting; taking a message", state.callId());
                speak(RetellResponse.Response.complete(0, Phrases.NO_CLINIC_GREETING));
            }
            LOG.infof("call %s: opened in %d ms (%s)", state.callId(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), state.mode());
        } catch (RuntimeException e) {
            LOG.errorf("call %s: opening failed (%s)", state.callId(), e.getClass().getSimpleName());
            CallMetrics.error("opening");
            state.mode(CallState.Mode.MESSAGE_TAKING);
            state.message(MessageDraft.start().next(MessageDraft.Stage.ASK_NAME));
            speak(RetellResponse.Response.complete(0, Phrases.NO_CLINIC_GREETING));
        } finally {
            with.recorder().record(state);
            MDC.remove("call_id");
            MDC.remove("clinic");
        }
    }

    /** The clinic's slug on every log line of the call, once known (a slug names a clinic, not a caller). */
    private void putClinic() {
        String slug = state.clinicSlug();
        if (slug != null) {
            MDC.put("clinic", slug);
        }
    }

    /**
     * Retell opens the socket as the call starts and retries a failed open after 7 s, so a call older than
     * {@code reconnect-age} may have been served elsewhere. A new call, or one without a start time, is not.
     */
    private boolean mayBeReconnect() {
        Long startMillis = retellStartMillis;
        return startMillis != null && System.currentTimeMillis() - startMillis
                > with.config().socket().reconnectAge().toMillis();
    }

    /** The record another instance left of this call, if any; bounded, and only for calls that may be reconnects. */
    private Optional<ConversationLog> earlierRecord() {
        Future<Optional<ConversationLog>> lookup = with.workers()
                .submit(() -> with.booking().findConversation(state.clinicSlug(), state.callId()));
        try {
            return lookup.get(with.config().bookingApi().reconnectCheckTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            lookup.cancel(true);
            return Optional.empty();
        }
    }

    /**
     * This instance stops and hands the call to another one: the running turn stops here (Retell asks for it again
     * on the new socket, and a repeated write is idempotent by call and tool call).
     */
    void handOff() {
        synchronized (this) {
            handedOff = true;
            if (current != null) {
                current.cancel();
            }
        }
    }

    /** The socket closed for good (1000, or no reconnect came): stamp the end and upload the record. */
    void end() {
        synchronized (this) {
            if (current != null) {
                current.cancel();
            }
        }
        state.ended(with.time().now());
        with.recorder().record(state);
    }
}
