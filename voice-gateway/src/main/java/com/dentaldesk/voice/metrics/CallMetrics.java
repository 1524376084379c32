package com.dentaldesk.voice.metrics;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import com.dentaldesk.voice.agent.CallSessions;
import com.dentaldesk.voice.agent.ConversationRecorder;
import com.dentaldesk.voice.outbox.Outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The gateway's Prometheus series (at {@code /q/metrics}): the latency of a turn split into its parts, tools by
 * outcome, and errors. Static so the plain per-call objects can record without carrying a registry; tags are closed
 * sets (modes, tool names, outcomes, kinds), never call ids, clinics or anything a caller said.
 */
@ApplicationScoped
public class CallMetrics {

    /** Bucket bounds of the gateway's own-latency timers, in microseconds (250 µs to 1 s). */
    private static final Duration[] OWN_LATENCY_BUCKETS = LongStream.of(250, 500, 1_000, 1_500, 2_000, 3_000, 5_000,
            7_500, 10_000, 15_000, 20_000, 30_000, 50_000, 100_000, 250_000, 500_000, 1_000_000)
            .mapToObj(micros -> Duration.of(micros, ChronoUnit.MICROS)).toArray(Duration[]::new);

    /**
     * {@code voice_calls_active}: sockets with a live call on this instance; {@code voice_call_log_waiting}: calls
     * whose record waits for an upload to booking-api (grows while booking-api is slow or down);
     * {@code voice_outbox_letters} / {@code voice_outbox_dead_letters}: leads and call records on disk waiting for
     * booking-api, and those it refused (an operator looks in the outbox's {@code dead/}).
     */
    void gauges(@Observes StartupEvent event, CallSessions calls, ConversationRecorder recorder, Outbox outbox) {
        Gauge.builder("voice.calls.active", calls, CallSessions::active)
                .description("Calls with an open socket on this instance").register(Metrics.globalRegistry);
        Gauge.builder("voice.call.log.waiting", recorder, ConversationRecorder::waiting)
                .description("Calls whose record waits for an upload to booking-api").register(Metrics.globalRegistry);
        Gauge.builder("voice.outbox.letters", outbox, Outbox::waiting)
                .description("Leads and call records on disk waiting for booking-api").register(Metrics.globalRegistry);
        Gauge.builder("voice.outbox.dead.letters", outbox, Outbox::dead)
                .description("Letters booking-api refused, kept for an operator").register(Metrics.globalRegistry);
    }

    /** {@code voice_turns_total{mode}} and {@code voice_turn_first_chunk_seconds}: a turn and when it first spoke. */
    public static void turn(String mode, long firstChunkNanos) {
        Metrics.counter("voice.turns", "mode", mode).increment();
        if (firstChunkNanos >= 0) {
            timer("voice.turn.first.chunk", "Turn start to the first words sent to Retell").record(firstChunkNanos,
                    TimeUnit.NANOSECONDS);
        }
    }

    /** {@code voice_llm_first_token_seconds}: request to the model's first streamed token. */
    public static void modelFirstToken(long nanos) {
        timer("voice.llm.first.token", "Model request to first streamed token").record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * {@code voice_turn_before_model_seconds}: the caller's words arriving to the model request leaving, the
     * gateway's own share of a turn's first words (the first sentence goes out as soon as the model completes it).
     * Fine fixed buckets, so a benchmark can read percentiles per run from two scrapes.
     */
    public static void beforeModel(long nanos) {
        ownLatency("voice.turn.before.model", "Turn start to the model request").record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * {@code voice_greeting_seconds}: the call known (Retell's {@code call_details}, or the socket open when the URL
     * names the clinic) to the greeting handed to the socket: clinic lookup and reconnect check included.
     */
    public static void greeting(long nanos) {
        ownLatency("voice.greeting", "Call details to the greeting sent").record(nanos, TimeUnit.NANOSECONDS);
    }

    /** {@code voice_tool_seconds{tool,outcome}}: outcome is ok, refused or unavailable. */
    public static void tool(String tool, String outcome, long nanos) {
        Timer.builder("voice.tool").description("Tool call latency").tags("tool", tool, "outcome", outcome)
                .publishPercentileHistogram(false).register(Metrics.globalRegistry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** {@code voice_errors_total{kind}}: turn, opening or model failures (each handled by taking a message). */
    public static void error(String kind) {
        Metrics.counter("voice.errors", "kind", kind).increment();
    }

    private static Timer timer(String name, String description) {
        return Timer.builder(name).description(description).register(Metrics.globalRegistry);
    }

    /** A timer of the gateway's own latency, with the fine fixed buckets the benchmark reads. */
    private static Timer ownLatency(String name, String description) {
        return Timer.builder(name).description(description).serviceLevelObjectives(OWN_LATENCY_BUCKETS)
                .register(Metrics.globalRegistry);
    }
}
