package com.dentaldesk.voice;

import static com.dentaldesk.voice.support.OpenAiStubs.sse;
import static com.dentaldesk.voice.support.OpenAiStubs.text;
import static com.dentaldesk.voice.support.OpenAiStubs.toolCall;
import static com.dentaldesk.voice.support.OpenAiStubs.whenCallerSays;
import static com.dentaldesk.voice.support.OpenAiStubs.whenToolReturns;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dentaldesk.simulator.SimulatorCommand;
import com.dentaldesk.voice.support.BookingStubs;
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
        new BookingStubs(WireMockServers.booking).defaults();
        openai = new OpenAiStubs(WireMockServers.openai).reset();
    }

    @Test
    void shouldPassTheBookingScenario() {
        openai.stub(whenCallerSays("cleaning next Tuesday"), sse(toolCall("s_p1", "find_patient", "{}")));
        openai.stub(whenToolReturns("s_p1"), sse(toolCall("s_s1", "find_slots", "{\"day\":\"next Tuesday\"}")));
        openai.stub(whenToolReturns("s_s1"), sse(text("I have 9:00 AM or 10:30 AM with Dr. Patel. Which works? ")));
        openai.stub(whenCallerSays("9 works"), sse(toolCall("s_b1", "book_appointment", "{\"option\":1}")));
        openai.stub(whenToolReturns("s_b1"), sse(text("Shall I book Tuesday at 9:00 AM with Dr. Patel? ")));
        openai.stub(whenCallerSays("Yes please"), sse(toolCall("s_b2", "book_appointment", "{\"option\":1}")));
        openai.stub(whenToolReturns("s_b2"), sse(text("You're booked for Tuesday at 9:00 AM. Anything else? ")));
        openai.stub(whenCallerSays("Bye"), sse(toolCall("s_e1", "end_call", "{}")));
        assertScenario("booking-happy-path.yaml", 0);
    }

    @Test
    void shouldPassTheUnknownClinicScenario() {
        assertScenario("unknown-clinic.json", 0);
    }

    @Test
    void shouldPassTheMessageTakingScenarioWhenTheModelFails() {
        WireMockServers.openai.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .willReturn(aResponse().withStatus(500)));
        assertScenario("message-when-model-fails.yaml", 0);
    }

    @Test
    void shouldPassTheBargeInScenario() {
        openai.stub(whenCallerSays("opening hours"), sse(text("We are open Monday to Friday from eight. "
                + "On Saturdays we open at nine. We are closed on Sundays. Parking is behind the building. "))
                .withChunkedDribbleDelay(30, 3000));
        openai.stub(whenCallerSays("insurance"), sse(text("Yes, we take most insurance plans. ")));
        assertScenario("barge-in.yaml", 0);
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
