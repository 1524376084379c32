package com.dentaldesk.simulator;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code java -jar call-simulator.jar (chat|scenario|load|stub-llm) ...}. */
@Command(name = "call-simulator", mixinStandardHelpOptions = true, version = "call-simulator 1.0",
        description = "Speaks Retell's side of the custom-LLM socket to a voice-gateway.",
        subcommands = {ChatCommand.class, ScenarioCommand.class, LoadCommand.class, StubLlmCommand.class, CommandLine.HelpCommand.class})
public final class SimulatorCommand implements Runnable {

    /** Exit code of a scenario whose expectations failed. */
    public static final int EXIT_FAILED = 1;
    /** Exit code when the call could not be held at all (connection, bad file). */
    public static final int EXIT_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A configured command line, reusable from tests (which capture its output). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SimulatorCommand());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("error: " + ex.getMessage());
            return EXIT_ERROR;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
