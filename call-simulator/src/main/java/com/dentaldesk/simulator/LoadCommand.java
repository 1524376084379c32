package com.dentaldesk.simulator;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code load}: N concurrent simulated calls against a gateway wired to {@code stub-llm}; prints percentiles. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Hold N concurrent simulated Retell calls against a gateway on 127.0.0.1 (pointed at stub-llm) "
                + "for a set time, and print greeting latency, overhead over the stub's time to first token, full "
                + "turns with a booking-api tool call, and ping echoes. Exit 1 on errors or late pings.")
public final class LoadCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--calls", defaultValue = "50", description = "Concurrent calls (1..2000, default ${DEFAULT-VALUE}).")
    int calls;

    @Option(names = "--duration-s", defaultValue = "30", description = "Hold time after the ramp (default ${DEFAULT-VALUE} s, max 600).")
    long durationSeconds;

    @Option(names = "--turns", defaultValue = "1000", description = "At most this many turns per call (${DEFAULT-VALUE}).")
    int turns;

    @Option(names = "--ramp-per-second", defaultValue = "50", description = "New calls per second (${DEFAULT-VALUE}).")
    double rampPerSecond;

    @Option(names = "--think-min-ms", defaultValue = "4000",
            description = "Gap between an answer and the next caller turn: the agent's speech plus the caller's (min ${DEFAULT-VALUE} ms).")
    long thinkMinMs;

    @Option(names = "--think-max-ms", defaultValue = "8000", description = "(max ${DEFAULT-VALUE} ms).")
    long thinkMaxMs;

    @Option(names = "--barge-in-rate", defaultValue = "0.1", description = "Share of turns the caller talks over (${DEFAULT-VALUE}).")
    double bargeInRate;

    @Option(names = "--tool-turn-rate", defaultValue = "0.35",
            description = "Share of turns asking for a day or the dentists (stub-llm --tool-call auto answers them with a tool call; ${DEFAULT-VALUE}).")
    double toolTurnRate;

    @Option(names = "--stub-ttft-ms", defaultValue = "300", description = "stub-llm's --ttft-ms, subtracted for the overhead (${DEFAULT-VALUE}).")
    long stubTtftMs;

    @Option(names = "--turn-timeout-ms", defaultValue = "15000", description = "A turn slower than this is an error (${DEFAULT-VALUE}).")
    long turnTimeoutMs;

    @Option(names = "--clinic", description = "Clinic slug (?clinic=); default: resolved from the agent id as Retell's call_details give it.")
    String clinic;

    @Option(names = "--agent-id", defaultValue = "agent_demo_dental", description = "Retell agent id (${DEFAULT-VALUE}).")
    String agentId;

    @Option(names = "--from", defaultValue = "+12125550143", description = "Calling number (${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--to", defaultValue = "+12125550100", description = "Called number (${DEFAULT-VALUE}).")
    String to;

    @Option(names = "--json", description = "Also write the report as JSON to this file.")
    Path json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        LoadRunner.Config config = new LoadRunner.Config(connection.url, clinic, agentId, from, to, calls,
                Duration.ofSeconds(durationSeconds), turns, rampPerSecond, thinkMinMs, thinkMaxMs, bargeInRate,
                toolTurnRate, stubTtftMs, turnTimeoutMs, connection.options());
        out.printf("load: %d calls (%.0f/s ramp), hold %d s, pings every %d ms%n", calls, rampPerSecond,
                durationSeconds, connection.pingIntervalMs);
        out.flush();
        LoadRunner.Report report = new LoadRunner(config).run(out);
        report.print(out);
        if (json != null) {
            Files.writeString(json, Frames.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        }
        return report.errors() == 0 && report.latePings() == 0 ? 0 : SimulatorCommand.EXIT_FAILED;
    }
}
