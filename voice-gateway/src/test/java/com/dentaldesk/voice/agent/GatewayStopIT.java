package com.dentaldesk.voice.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dentaldesk.contracts.retell.RetellCall;
import com.dentaldesk.localstack.ServiceProcess;
import com.dentaldesk.simulator.RetellCallClient;
import com.dentaldesk.voice.support.RealBookingApi;
import com.dentaldesk.voice.support.TestCalls;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A clean stop (SIGTERM, as Fly sends on a deploy) in the middle of a call, with the packaged gateway and the real
 * booking-api: the live call goes on to its end while new sockets are refused (and a call whose socket drops meanwhile
 * has its record uploaded at once, for the instance Retell reconnects it to); a call still live when the wait is
 * over is handed back to Retell to reconnect elsewhere (closed with 1001, never 1000, which would mean the
 * receptionist hung up); and nothing of either call's record is lost. The transcript-only upload interval is set far
 * beyond the test, so a caller's words reach booking-api's call log only through the shutdown drain or the call's end.
 */
class GatewayStopIT {

    private static final Path GATEWAY_JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final RealBookingApi BOOKING = new RealBookingApi();

    @TempDir
    Path work;

    @BeforeAll
    static void startBookingApi() {
        assertTrue(Files.isRegularFile(GATEWAY_JAR), "gateway packaged");
        BOOKING.start();
    }

    @AfterAll
    static void stopBookingApi() {
        BOOKING.stop();
    }

    @Test
    void shouldLetALiveCallFinishAfterTheStopSignalAndRefuseNewOnes() throws Exception {
        try (ServiceProcess gateway = gateway("PT60S")) {
            URL root = URI.create(gateway.baseUrl()).toURL();
            RetellCall inbound = TestCalls.inbound(RealBookingApi.DEMO_AGENT_ID);
            RetellCallClient call = TestCalls.greeted(root, inbound);
            TestCalls.exchange(call, "Hi, I have a question about my bill");
            RetellCall dropping = TestCalls.inbound(RealBookingApi.DEMO_AGENT_ID);
            RetellCallClient droppingCall = TestCalls.greeted(root, dropping);
            TestCalls.exchange(droppingCall, "Is there parking near the clinic");
            // Dropped before the stop, waiting here for Retell's reconnect, which will now go elsewhere.
            RetellCall droppedEarlier = TestCalls.inbound(RealBookingApi.DEMO_AGENT_ID);
            RetellCallClient droppedEarlierCall = TestCalls.greeted(root, droppedEarlier);
            TestCalls.exchange(droppedEarlierCall, "Do you take my insurance");
            droppedEarlierCall.abort();
            Thread.sleep(500);
            assertFalse(callLog(droppedEarlier.callId()).contains("Do you take my insurance"), "not uploaded yet");
            ProcessHandle process = ProcessHandle.of(gateway.pid()).orElseThrow();
            assertTrue(process.destroy(), "SIGTERM sent");
            assertEquals(503, refusedOpen(gateway), "a new call is refused while stopping");
            awaitInCallLog(droppedEarlier.callId(), "Do you take my insurance");

            // A socket that drops meanwhile is reconnected by Retell elsewhere: its record goes at once, while this
            // instance still waits for the other call (not only with the drain at the very end).
            assertFalse(callLog(dropping.callId()).contains("Is there parking near the clinic"), "not uploaded yet");
            droppingCall.abort();
            awaitInCallLog(dropping.callId(), "Is there parking near the clinic");

            TestCalls.exchange(call, "Could someone call me back about the invoice");
            assertFalse(call.isClosed(), "the call goes on");
            call.close();
            process.onExit().get(20, TimeUnit.SECONDS);
            assertTrue(callLog(inbound.callId()).contains("Could someone call me back about the invoice"),
                    "the words said after the stop signal reached the call log");
        }
    }

    @Test
    void shouldHandACallStillLiveAtTheEndOfTheWaitBackToRetellAndDrainItsRecord() throws Exception {
        String words = "Do you whiten teeth on Saturdays";
        try (ServiceProcess gateway = gateway("PT1S")) {
            RetellCall inbound = TestCalls.inbound(RealBookingApi.DEMO_AGENT_ID);
            RetellCallClient call = TestCalls.greeted(URI.create(gateway.baseUrl()).toURL(), inbound);
            TestCalls.exchange(call, words);
            assertFalse(callLog(inbound.callId()).contains(words),
                    "a transcript-only turn waits for its interval (30 min here) before it is uploaded");

            ProcessHandle process = ProcessHandle.of(gateway.pid()).orElseThrow();
            process.destroy();
            assertTrue(call.awaitClose(10_000), "the socket closed");
            assertEquals(1001, call.closeCode(), "going away, so Retell reconnects the call elsewhere");
            assertTrue(callLog(inbound.callId()).contains(words),
                    "the record is uploaded before the hand-off: the instance that continues the call reads it");
            process.onExit().get(20, TimeUnit.SECONDS);
            String record = callLog(inbound.callId());
            assertTrue(new ObjectMapper().readTree(record).at("/data/endedAt").isNull(),
                    "not recorded as ended: the call goes on elsewhere");
        }
    }

    private ServiceProcess gateway(String stopWait) throws Exception {
        int port = ServiceProcess.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_PROFILE", "prod");
        env.put("LOG_JSON", "false");
        env.put("RETELL_WEBSOCKET_PORT", String.valueOf(port));
        env.put("RETELL_WEBSOCKET_SECRET", TestCalls.SECRET);
        env.put("BOOKING_API_SERVICE_TOKEN", RealBookingApi.SERVICE_TOKEN);
        env.put("BOOKING_API_URL", RealBookingApi.baseUrl);
        // No model: the receptionist takes a message, which is enough to have a transcript.
        env.put("OPENAI_API_KEY", "");
        env.put("GATEWAY_OUTBOX_DIR", Files.createDirectories(work.resolve("outbox-" + port)).toString());
        env.put("GATEWAY_CONVERSATION_LOG_TRANSCRIPT_INTERVAL", "PT30M");
        env.put("GATEWAY_SOCKET_STOP_WAIT", stopWait);
        return ServiceProcess.start("gateway", GATEWAY_JAR, port, env, "/health/ready", line -> { });
    }

    private static void awaitInCallLog(String callId, String words) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!callLog(callId).contains(words)) {
            assertTrue(System.nanoTime() < deadline, "the dropped call's record was uploaded within 10 s");
            Thread.sleep(100);
        }
    }

    /**
     * The status a stopping gateway answers a new socket with. The signal is handled asynchronously, so an open may
     * still get in just before: such a call is hung up at once and the open tried again.
     */
    private static int refusedOpen(ServiceProcess gateway) throws Exception {
        URI uri = URI.create("ws" + gateway.baseUrl().substring("http".length()) + "/llm-websocket/" + TestCalls.SECRET
                + "/it-late-" + System.nanoTime());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                // Aborted, not closed: the gateway may already have handed this late socket off (CI saw sendClose
                // fail with "Output closed").
                HttpClient.newHttpClient().newWebSocketBuilder()
                        .buildAsync(uri, new WebSocket.Listener() { }).get(5, TimeUnit.SECONDS).abort();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof WebSocketHandshakeException refused) {
                    return refused.getResponse().statusCode();
                }
                throw e;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("new sockets were still accepted 10 s after the stop signal");
    }

    /** The clinic's view of the call (empty before its first upload). */
    private static String callLog(String callId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RealBookingApi.baseUrl + "/api/conversations/" + callId))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + RealBookingApi.DEMO_KEY).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return "";
        }
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
