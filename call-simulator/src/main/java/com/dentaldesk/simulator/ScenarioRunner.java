package com.dentaldesk.simulator;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.dentaldesk.contracts.retell.RetellCall;

/** Plays a {@link Scenario} against a gateway and checks every expectation. */
public final class ScenarioRunner {

    private static final long DEFAULT_TIMEOUT_MS = 15_000;

    private final String baseUrl;
    private final RetellCallClient.Options options;
    private final PrintWriter out;

    public ScenarioRunner(String baseUrl, RetellCallClient.Options options, PrintWriter out) {
        this.baseUrl = baseUrl;
        this.options = options;
        this.out = out;
    }

    /** The outcome of a scenario: the failed expectations, empty when it passed. */
    public record Result(String name, List<String> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    public Result run(Scenario scenario) throws InterruptedException {
        String name = scenario.name() == null ? "scenario" : scenario.name();
        List<String> failures = new ArrayList<>();
        Scenario.CallSetup setup = scenario.call();
        RetellCall call = new RetellCall(
                setup.callId() == null ? "sim-" + UUID.randomUUID() : setup.callId(),
                setup.agentId(), setup.fromNumber(), setup.toNumber(), "inbound", null, null, System.currentTimeMillis());
        out.printf("scenario: %s (call %s)%n", name, call.callId());
        RetellCallClient client = RetellCallClient.connect(baseUrl, setup.clinic(), call, printer(), options);
        try {
            AgentTurn greeting = client.greeting();
            check("greeting", greeting, scenario.greeting(), DEFAULT_TIMEOUT_MS, failures);
            client.acceptSpoken(greeting);
            int index = 0;
            for (Scenario.Step step : scenario.steps()) {
                index++;
                String label = "step " + index + " (" + step.describe() + ")";
                long timeout = step.timeoutMs() == null ? DEFAULT_TIMEOUT_MS : step.timeoutMs();
                AgentTurn turn = null;
                if (step.say() != null) {
                    turn = client.say(step.say());
                } else if (Boolean.TRUE.equals(step.reminder())) {
                    turn = client.remind();
                } else if (step.raw() != null) {
                    client.sendRaw(step.raw());
                } else if (Boolean.TRUE.equals(step.reconnect())) {
                    client = client.reconnect(baseUrl, setup.clinic(), options);
                    turn = client.greeting();
                } else if (step.pauseMs() != null) {
                    Thread.sleep(step.pauseMs());
                }
                if (turn != null && !Boolean.FALSE.equals(step.await())) {
                    check(label, turn, step.expect(), timeout, failures);
                    client.acceptSpoken(turn);
                } else if (step.expect() != null && turn == null) {
                    failures.add(label + ": expectations need a step that gets an answer");
                }
            }
            if (client.latePings() > scenario.maxLatePings()) {
                failures.add("late ping echoes: " + client.latePings() + " (max " + scenario.maxLatePings()
                        + ", slowest " + client.maxPingMillis() + " ms)");
            }
            if (client.staleFrames() > scenario.maxStaleFrames()) {
                failures.add("stale response frames after barge-in: " + client.staleFrames());
            }
        } finally {
            client.close();
        }
        for (String failure : failures) {
            out.println("  FAIL " + failure);
        }
        out.printf("%s: %s (pings echoed %d, slowest %d ms)%n", failures.isEmpty() ? "PASS" : "FAIL", name,
                client.pingsEchoed(), client.maxPingMillis());
        out.flush();
        return new Result(name, List.copyOf(failures));
    }

    private void check(String label, AgentTurn turn, Scenario.Expect expect, long timeoutMs, List<String> failures)
            throws InterruptedException {
        if (!turn.await(timeoutMs)) {
            failures.add(label + ": no content_complete within " + timeoutMs + " ms (got \"" + turn.content() + "\")");
            return;
        }
        out.printf("  %s -> \"%s\"%s (first chunk %d ms)%n", label, turn.content(),
                turn.toolsInvoked().isEmpty() ? "" : " tools " + turn.toolsInvoked(), turn.firstChunkMillis());
        if (expect == null) {
            return;
        }
        String text = turn.content().toLowerCase(Locale.ROOT);
        if (expect.contains() != null) {
            for (String s : expect.contains()) {
                if (!text.contains(s.toLowerCase(Locale.ROOT))) {
                    failures.add(label + ": expected \"" + s + "\" in \"" + turn.content() + "\"");
                }
            }
        }
        if (expect.notContains() != null) {
            for (String s : expect.notContains()) {
                if (text.contains(s.toLowerCase(Locale.ROOT))) {
                    failures.add(label + ": did not expect \"" + s + "\" in \"" + turn.content() + "\"");
                }
            }
        }
        if (expect.anyOf() != null && !expect.anyOf().isEmpty()
                && expect.anyOf().stream().noneMatch(s -> text.contains(s.toLowerCase(Locale.ROOT)))) {
            failures.add(label + ": expected one of " + expect.anyOf() + " in \"" + turn.content() + "\"");
        }
        if (expect.tools() != null && !turn.toolsInvoked().containsAll(expect.tools())) {
            failures.add(label + ": expected tools " + expect.tools() + ", got " + turn.toolsInvoked());
        }
        if (expect.noTools() != null) {
            for (String tool : expect.noTools()) {
                if (turn.toolsInvoked().contains(tool)) {
                    failures.add(label + ": tool " + tool + " must not run");
                }
            }
        }
        if (expect.endCall() != null && expect.endCall() != turn.endCall()) {
            failures.add(label + ": expected end_call " + expect.endCall());
        }
        if (expect.transfer() != null && expect.transfer() != (turn.transferNumber() != null)) {
            failures.add(label + ": expected transfer " + expect.transfer());
        }
        if (expect.transferNumber() != null && !expect.transferNumber().equals(turn.transferNumber())) {
            failures.add(label + ": expected transfer to " + expect.transferNumber());
        }
        if (expect.maxFirstChunkMs() != null && turn.firstChunkMillis() > expect.maxFirstChunkMs()) {
            failures.add(label + ": first chunk after " + turn.firstChunkMillis() + " ms (max "
                    + expect.maxFirstChunkMs() + ")");
        }
        if (expect.empty() != null && expect.empty() != turn.content().isBlank()) {
            failures.add(label + ": expected " + (expect.empty() ? "no content" : "content"));
        }
    }

    private CallListener printer() {
        return new CallListener() {
            @Override
            public void onLatePing(long delayMillis) {
                out.printf("  late ping echo: %d ms%n", delayMillis);
            }

            @Override
            public void onUndecodable(String text) {
                out.println("  undecodable frame from the gateway");
            }
        };
    }
}
