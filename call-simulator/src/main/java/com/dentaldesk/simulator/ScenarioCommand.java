package com.dentaldesk.simulator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Plays scenario files; the exit code is 0 only if every expectation of every file held. */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "Run scripted calls (YAML or JSON) and check the agent's answers. Exit 0 = all passed.")
final class ScenarioCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files.")
    List<Path> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ScenarioRunner runner = new ScenarioRunner(connection.url, connection.options(), out);
        int failed = 0;
        for (Path file : files) {
            Scenario scenario = ScenarioLoader.load(file);
            if (!runner.run(scenario).passed()) {
                failed++;
            }
        }
        out.printf("%d of %d scenarios passed%n", files.size() - failed, files.size());
        out.flush();
        return failed == 0 ? 0 : SimulatorCommand.EXIT_FAILED;
    }
}
