package com.dentaldesk.voice.metrics;

import java.util.concurrent.TimeUnit;

import com.dentaldesk.voice.agent.CallSessions;

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

    /** {@code voice_calls_active}: sockets with a live call on this instance. */
    void activeCalls(@Observes StartupEvent event, CallSessions calls) {
        Gauge.builder("voice.calls.active", calls, CallSessions::active)
                .description("Calls with an open socket on this instance").register(Metrics.globalRegistry);
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
}
