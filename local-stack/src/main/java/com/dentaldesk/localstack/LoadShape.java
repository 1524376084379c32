package com.dentaldesk.localstack;

import java.util.ArrayList;
import java.util.List;

/**
 * What the benchmark's calls and stub model look like, from system properties: the default is the mixed
 * booking load (tool calls, barge-ins, whole first sentences); {@code benchmarks/realtime.sh} sets the real-time
 * profile (one word per token, no sentence end, five turns, no tools). {@code bench.peerUrl} / {@code bench.peerPid}
 * point the same load at another server (Retell's node demo) instead of starting the gateway, with the stub on
 * {@code bench.stubPort} so the peer can be configured against it beforehand.
 */
record LoadShape(String answerShape, Integer turns, Double toolTurnRate, Double bargeInRate, int stubPort,
        String peerUrl, long peerPid) {

    static LoadShape fromSystemProperties() {
        String peerUrl = System.getProperty("bench.peerUrl");
        long peerPid = Long.parseLong(System.getProperty("bench.peerPid", "0"));
        if (peerUrl != null && peerPid <= 0) {
            throw new IllegalArgumentException("bench.peerUrl needs bench.peerPid (the peer's process id, for RSS/CPU)");
        }
        return new LoadShape(System.getProperty("bench.shape", "sentence"),
                integer("bench.turns"), decimal("bench.toolRate"), decimal("bench.bargeIn"),
                Integer.parseInt(System.getProperty("bench.stubPort", "0")), peerUrl, peerPid);
    }

    /** Extra arguments for {@code call-simulator load}. */
    List<String> loadArguments() {
        List<String> args = new ArrayList<>();
        if (turns != null) {
            args.addAll(List.of("--turns", turns.toString()));
        }
        if (toolTurnRate != null) {
            args.addAll(List.of("--tool-turn-rate", toolTurnRate.toString()));
        }
        if (bargeInRate != null) {
            args.addAll(List.of("--barge-in-rate", bargeInRate.toString()));
        }
        return args;
    }

    private static Integer integer(String property) {
        String value = System.getProperty(property);
        return value == null ? null : Integer.valueOf(value.trim());
    }

    private static Double decimal(String property) {
        String value = System.getProperty(property);
        return value == null ? null : Double.valueOf(value.trim());
    }
}
