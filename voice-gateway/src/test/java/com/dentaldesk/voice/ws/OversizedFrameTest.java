package com.dentaldesk.voice.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dentaldesk.simulator.RetellCallClient;
import com.dentaldesk.voice.support.Clinics;
import com.dentaldesk.voice.support.TestCalls;
import com.dentaldesk.voice.support.WireMockServers;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A frame over the socket's size limit ends that call's socket cleanly with 1009 ("message too big"), and nothing
 * logged about it carries the socket secret, which is part of the socket's path.
 */
@QuarkusTest
@QuarkusTestResource(WireMockServers.class)
class OversizedFrameTest {

    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            lines.add(record.getLoggerName() + " " + message + " " + (record.getThrown() == null ? ""
                    : record.getThrown() + " " + record.getThrown().getCause()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void captureLogs() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void shouldCloseWith1009AndLogNoSecretWhenAFrameIsTooBig() throws Exception {
        new com.dentaldesk.voice.support.BookingStubs(WireMockServers.booking).defaults();
        try (RetellCallClient call = TestCalls.greeted(root, TestCalls.inbound(Clinics.AGENT_ID))) {
            call.sendRaw("{\"interaction_type\":\"update_only\",\"transcript\":[{\"role\":\"user\",\"content\":\""
                    + "a".repeat(300 * 1024) + "\"}]}");
            assertTrue(call.awaitClose(5000), "the socket closes");
            assertEquals(1009, call.closeCode());
        }
        Thread.sleep(200);
        List<String> leaking = lines.stream().filter(line -> line.contains(TestCalls.SECRET)).toList();
        assertEquals(List.of(), leaking);
    }
}
