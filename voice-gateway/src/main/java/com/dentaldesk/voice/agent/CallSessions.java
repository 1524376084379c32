package com.dentaldesk.voice.agent;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import com.dentaldesk.contracts.retell.RetellRequest;
import com.dentaldesk.voice.client.BookingApiClient;
import com.dentaldesk.voice.client.ClinicDirectory;
import com.dentaldesk.voice.config.GatewayConfig;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The calls this instance serves, by Retell call id (the call id is the session: never a new one per turn).
 * A socket that drops abnormally keeps its call for a while so Retell's reconnect continues it.
 */
@ApplicationScoped
public class CallSessions {

    private static final Logger LOG = Logger.getLogger(CallSessions.class);
    private static final long RECONNECT_GRACE_SECONDS = 120;
    private static final Duration HAND_OFF_WAIT = Duration.ofSeconds(2);

    private final Map<String, CallSession> calls = new ConcurrentHashMap<>();
    private final CallSession.Collaborators with;
    private volatile boolean stopping;
    /** Calls whose socket this instance closed to stop, until Retell has answered the close. */
    private final Set<String> handingOff = ConcurrentHashMap.newKeySet();

    public CallSessions(ClinicDirectory clinics, BookingApiClient booking, AgentLoop agent, MessageTaker messages,
            ConversationRecorder recorder, CallStateRebuilder rebuilder, ChatModels models, Workers workers,
            TimeSource time, GatewayConfig config) {
        this.with = new CallSession.Collaborators(clinics, booking, agent, messages, recorder, rebuilder, models,
                workers, time, config);
    }

    /** On the event loop: registers the socket and starts (or continues) the call. */
    public void open(String callId, String clinicSlug, ResponseSink sink) {
        if (stopping) {
            // Let in just before the stop: Retell opens it again elsewhere.
            sink.goAway();
            return;
        }
        CallSession existing = calls.get(callId);
        if (existing != null) {
            existing.reattach(sink);
            return;
        }
        CallState state = new CallState(callId, with.time().now());
        state.clinicSlugHint(clinicSlug);
        CallSession session = new CallSession(state, sink, with);
        calls.put(callId, session);
        LOG.infof("call %s: socket open", callId);
        session.start();
    }

    /** On the event loop: routes a decoded frame; frames from a replaced socket are ignored. */
    public void receive(String callId, String connectionId, RetellRequest request) {
        CallSession session = calls.get(callId);
        if (session == null || !session.sink().connectionId().equals(connectionId)) {
            return;
        }
        try {
            session.receive(request);
        } catch (RuntimeException e) {
            LOG.errorf("call %s: frame handling failed (%s)", callId, e.getClass().getSimpleName());
        }
    }

    public void closed(String callId, String connectionId, int code) {
        CallSession session = calls.get(callId);
        if (session == null || !session.sink().connectionId().equals(connectionId)) {
            return;
        }
        if (handingOff.remove(callId)) {
            // Closed by the hand-off, whatever code Retell answers with: the call goes on elsewhere.
            return;
        }
        if (code == 1000) {
            LOG.infof("call %s: ended", callId);
            calls.remove(callId, session);
            session.end();
            return;
        }
        if (stopping) {
            // Retell reconnects it elsewhere: the record goes now, for the instance that continues the call.
            handOff(session);
            return;
        }
        LOG.infof("call %s: socket dropped (%d); keeping the call for a reconnect", callId, code);
        with.workers().timer().schedule(() -> {
            if (session.sink().connectionId().equals(connectionId) && calls.remove(callId, session)) {
                session.end();
            }
        }, RECONNECT_GRACE_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * SIGTERM/SIGINT, e.g. a deploy. New sockets are refused from now on (Retell retries a failed open; readiness is
     * down, so a proxy sends the retry elsewhere); live calls go on to their natural end for up to
     * {@code gateway.socket.stop-wait}. For those still live then, the running turn stops, the record is uploaded and
     * the socket is closed with 1001 (going away), so Retell reconnects the call to another instance, which continues
     * it from the transcript and that record.
     * Left to the server's own close, every socket would end at once with 1000, which tells Retell that the
     * receptionist hung up on the caller. Observes the start of the shutdown delay
     * ({@code quarkus.shutdown.delay-enabled}): by {@code ShutdownEvent} the server has already closed the sockets.
     */
    void stopTakingCalls(@Observes ShutdownDelayInitiatedEvent event) throws InterruptedException {
        stopping = true;
        // Calls whose socket dropped before the stop: their reconnect goes elsewhere now (503 here), so their record
        // goes now, and their reconnect timer here must not record them as ended.
        calls.values().stream().filter(session -> !session.sink().isOpen()).forEach(this::handOff);
        long live = liveCalls();
        if (live > 0) {
            LOG.infof("stopping: waiting up to %s for %d live calls to end", with.config().socket().stopWait(), live);
            Waits.until(() -> liveCalls() == 0, with.config().socket().stopWait());
        }
        List<CallSession> leaving = calls.values().stream().filter(session -> session.sink().isOpen()).toList();
        if (leaving.isEmpty()) {
            return;
        }
        // The record first: the instance that continues a call reads it.
        leaving.forEach(CallSession::handOff);
        with.recorder().uploadBeforeHandOff(leaving.stream().map(CallSession::state).toList(), HAND_OFF_WAIT);
        for (CallSession session : leaving) {
            handingOff.add(session.state().callId());
            session.sink().goAway();
        }
        LOG.infof("stopping: %d live calls handed back to Retell to reconnect elsewhere", leaving.size());
        // The close handshakes finish while the application still runs, so their close events are handled here.
        Waits.until(handingOff::isEmpty, HAND_OFF_WAIT);
    }

    /** A call that continues on another instance: its turn stops here, its record goes now and is the last from here. */
    private void handOff(CallSession session) {
        session.handOff();
        with.recorder().handOff(session.state());
    }

    /** Whether this instance has stopped taking new sockets (it is shutting down). */
    public boolean stopping() {
        return stopping;
    }

    private long liveCalls() {
        return calls.values().stream().filter(session -> session.sink().isOpen()).count();
    }

    /** What became of staff text. */
    public enum StaffDelivery {
        DELIVERED,
        /** This instance does not serve that call for that clinic (another instance may; or it is another clinic's). */
        NOT_HERE,
        /** A transfer was asked and the clinic has no transfer number. */
        NO_TRANSFER_NUMBER
    }

    /** Hands staff text to the call when this instance serves it for that clinic. */
    public StaffDelivery staffText(String callId, String clinicSlug, String text, CallSession.StaffMode mode) {
        CallSession session = calls.get(callId);
        // A socket that dropped (Retell may reconnect it here or elsewhere) would swallow the text: not here.
        if (session == null || !session.sink().isOpen() || session.state().clinic() == null
                || !session.state().clinic().slug().equals(clinicSlug)) {
            return StaffDelivery.NOT_HERE;
        }
        if (!session.staffText(text, mode)) {
            return StaffDelivery.NO_TRANSFER_NUMBER;
        }
        LOG.infof("call %s: staff text delivered (%s)", callId, mode);
        return StaffDelivery.DELIVERED;
    }

    /** Forgets a call as if it had been served by another instance (tests of the cross-instance reconnect). */
    public void forget(String callId) {
        calls.remove(callId);
    }

    public int active() {
        return calls.size();
    }
}
