package com.dentaldesk.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dentaldesk.localstack.LocalData;
import com.dentaldesk.localstack.LocalStack;
import com.dentaldesk.localstack.ServiceProcess;
import com.dentaldesk.simulator.SimulatorCommand;

import picocli.CommandLine;

/**
 * The shipped scenario files, run by the simulator's {@code scenario} command against the stack ./run-local starts
 * ({@code --scripted-model}: the demo clinics on a fresh data folder, the real booking-api and PostgreSQL, the
 * packaged gateway, the files' own model rules as its model). They stay green for whoever tries them by hand.
 */
class ShippedScenariosIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path data;

    @Test
    void shouldPassEveryShippedScenarioAgainstTheLocalStack() throws Exception {
        try (LocalStack.Running stack = LocalStack.start(ROOT, new LocalData(data), true, true,
                ServiceProcess.freePort(), ServiceProcess.freePort(), line -> { })) {
            List<String> command = new ArrayList<>(List.of("scenario", "--url", "ws://127.0.0.1:"
                    + stack.gateway().port() + "/llm-websocket/" + stack.socketSecret()));
            try (Stream<Path> files = Files.list(ROOT.resolve(LocalStack.SCENARIOS))) {
                files.sorted().map(Path::toString).forEach(command::add);
            }
            StringWriter out = new StringWriter();
            CommandLine cli = SimulatorCommand.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(out));
            assertEquals(0, cli.execute(command.toArray(String[]::new)), out.toString());
        }
    }
}
