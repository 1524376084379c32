package com.dentaldesk.voice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.dentaldesk.voice.support.BookingStubs;
import com.dentaldesk.voice.support.Clinics;
import com.dentaldesk.voice.support.WireMockServers;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The scenario suite ({@link ScenarioFilesTest}'s tests) again, with the gateway's own logging at DEBUG captured: no line may carry what a caller said
 * or who they are (names, phone numbers, birthdates from the scenarios and stubs), and every line a call's worker
 * threads write names the call ({@code call_id} in the MDC, across the hops between queues).
 */
@QuarkusTest
@QuarkusTestResource(WireMockServers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoPatientDataInLogsTest {

    private static final Queue<ExtLogRecord> RECORDS = new ConcurrentLinkedQueue<>();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext && !record.getLoggerName().startsWith("com.github.tomakehurst")
                    && !record.getLoggerName().startsWith("wiremock")) {
                ext.copyAll();
                RECORDS.add(ext);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void capture() {
        CAPTURE.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(CAPTURE);
        Logger.getLogger("com.dentaldesk").setLevel(Level.FINE);
    }

    @TestHTTPResource("/")
    URL root;

    @Test
    @Order(1)
    void shouldLogNoPatientDataAndNameTheCallOnEveryWorkerLineDuringTheScenarioSuite() throws Exception {
        ScenarioFilesTest suite = new ScenarioFilesTest();
        suite.root = root;
        int ran = 0;
        for (Method test : ScenarioFilesTest.class.getDeclaredMethods()) {
            List<Object[]> invocations = new ArrayList<>();
            if (test.isAnnotationPresent(Test.class)) {
                invocations.add(new Object[0]);
            }
            ValueSource files = test.getAnnotation(ValueSource.class);
            if (test.isAnnotationPresent(ParameterizedTest.class) && files != null) {
                for (String file : files.strings()) {
                    invocations.add(new Object[] {file});
                }
            }
            for (Object[] arguments : invocations) {
                suite.stubs();
                test.setAccessible(true);
                try {
                    test.invoke(suite, arguments);
                } catch (InvocationTargetException e) {
                    // Whether a scenario passes (its latency bounds too) is ScenarioFilesTest's verdict; here
                    // every call only has to happen, so that its log lines can be read.
                    System.out.println("NoPatientDataInLogsTest: scenario " + test.getName() + " did not pass: "
                            + e.getCause().getClass().getSimpleName());
                }
                ran++;
            }
        }
        assertTrue(ran >= 4, "scenario tests run: " + ran);
        scan();
    }

    /** Runs after the scenarios: their calls show up in the metrics. */
    @Test
    @Order(2)
    void shouldExposeTheCallMetricsAndEachDependencyInReadiness() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("voice_calls_active"), "active calls");
        assertTrue(metrics.contains("voice_call_log_waiting"), "call records waiting for booking-api");
        assertTrue(metrics.contains("voice_turns_total{mode=\"AGENT\"}"), "turns");
        assertTrue(metrics.contains("voice_turn_first_chunk_seconds_count"), "time to first chunk");
        assertTrue(metrics.contains("voice_llm_first_token_seconds_count"), "model first token");
        assertTrue(metrics.contains("voice_tool_seconds_count{outcome=\"ok\",tool=\"find_patient\"}"), "tools");
        assertTrue(metrics.contains("voice_errors_total"), "errors (the model-failure scenario)");
        given().get("/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'voice-gateway' }.data.booking-api", notNullValue())
                .body("checks.find { it.name == 'voice-gateway' }.data.openai", notNullValue())
                .body(not(containsString("test-openai-key")))
                .body(not(containsString("test-service-token")));
    }

    @AfterAll
    static void release() {
        Logger.getLogger("").removeHandler(CAPTURE);
    }

    private static void scan() throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> workerLinesWithoutCall = new ArrayList<>();
        for (ExtLogRecord record : RECORDS) {
            String line = record.getLevel() + " " + record.getLoggerName() + " " + record.getFormattedMessage()
                    + (record.getThrown() == null ? "" : " " + record.getThrown());
            lines.add(line);
            if (record.getThreadName() != null && record.getThreadName().startsWith("voice-worker")
                    && record.getLoggerName().startsWith("com.dentaldesk.voice")
                    && record.getMdc("call_id") == null) {
                workerLinesWithoutCall.add(line);
            }
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("DEBUG") || l.contains("FINE")),
                "the capture saw the DEBUG lines: " + lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.contains("tool find_patient")), "the capture saw the calls' lines");

        List<String> hits = new ArrayList<>();
        for (String secret : patientData()) {
            for (String line : lines) {
                if (line.toLowerCase().contains(secret.toLowerCase())) {
                    hits.add("'" + secret + "' in: " + line);
                }
            }
        }
        assertEquals(List.of(), hits, "patient data in the logs");
        assertEquals(List.of(), workerLinesWithoutCall, "call worker lines without call_id");
    }

    /** What callers say in the scenario files, their numbers, and the stubbed patient's identity. */
    private static Set<String> patientData() throws IOException {
        Set<String> data = new LinkedHashSet<>();
        Pattern said = Pattern.compile("^\\s*-?\\s*say:\\s*\"(.+)\"\\s*$");
        Pattern number = Pattern.compile("\\+1(\\d{10})");
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/scenarios"))) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    Matcher m = said.matcher(line);
                    if (m.matches() && m.group(1).length() > 12) {
                        data.add(m.group(1));
                    }
                    Matcher n = number.matcher(line);
                    while (n.find()) {
                        if (!n.group().equals(Clinics.TRANSFER)) {
                            data.add(n.group(1));
                        }
                    }
                }
            }
        }
        data.add(Clinics.CALLER.substring(2));
        data.add(BookingStubs.JANE.firstName() + " " + BookingStubs.JANE.lastName());
        data.add(BookingStubs.JANE.birthdate());
        return data;
    }
}
