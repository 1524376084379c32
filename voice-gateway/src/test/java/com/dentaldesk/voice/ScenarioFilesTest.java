package com.dentaldesk.voice;

import static com.dentaldesk.voice.support.OpenAiStubs.sse;
import static com.dentaldesk.voice.support.OpenAiStubs.text;
import static com.dentaldesk.voice.support.OpenAiStubs.whenCallerSays;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.dentaldesk.simulator.ScenarioLoader;
import com.dentaldesk.simulator.SimulatorCommand;
import com.dentaldesk.voice.support.BookingStubs;
import com.dentaldesk.voice.support.Clinics;
import com.dentaldesk.voice.support.OpenAiStubs;
import com.dentaldesk.voice.support.TestCalls;
import com.dentaldesk.voice.support.WireMockServers;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import picocli.CommandLine;

/** The simulator's {@code scenario} command, run as CI would, against the gateway with stubbed dependencies. */
@QuarkusTest
@QuarkusTestResource(WireMockServers.class)
class ScenarioFilesTest {

    private static final Path SCENARIOS = Path.of("src/test/resources/scenarios");

    @TestHTTPResource("/")
    URL root;

    OpenAiStubs openai;

    @BeforeEach
    void stubs() {
        BookingStubs booking = new BookingStubs(WireMockServers.booking).defaults();
        // The files name the demo clinic's agent as ./run-local knows it.
        booking.agent("agent_demo_dental", Clinics.demo());
        openai = new OpenAiStubs(WireMockServers.openai).reset();
    }

    /** Every shipped file, with the model its own rules script (as stub-llm --script serves them to ./run-local). */
    @ParameterizedTest
    @ValueSource(strings = {"booking-happy-path.yaml", "unknown-clinic.json", "message-when-model-fails.yaml",
            "barge-in.yaml"})
    void shouldPassTheShippedScenarioWithItsScriptedModel(String file) {
        openai.script(ScenarioLoader.load(SCENARIOS.resolve(file)).model());
        assertScenario(file, 0);
    }

    @Test
    void shouldExitNonZeroWhenAnExpectationFails() {
        // The model never books: the scenario's "booked" expectation must fail the run.
        openai.stub(whenCallerSays("cleaning next Tuesday"), sse(text("I have 9:00 AM. ")));
        String out = assertScenario("booking-happy-path.yaml", SimulatorCommand.EXIT_FAILED);
        assertTrue(out.contains("FAIL"), out);
    }

    private String assertScenario(String file, int expectedExit) {
        assertTrue(Files.exists(SCENARIOS.resolve(file)), file);
        StringWriter out = new StringWriter();
        CommandLine cli = SimulatorCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int exit = cli.execute("scenario", "--url", TestCalls.baseUrl(root), "--ping-interval-ms", "200",
                "--late-ping-ms", "500", SCENARIOS.resolve(file).toString());
        assertEquals(expectedExit, exit, out.toString());
        return out.toString();
    }
}
