package com.dentaldesk.voice.ws;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dentaldesk.contracts.retell.RetellCall;
import com.dentaldesk.contracts.retell.RetellResponse;
import com.dentaldesk.simulator.AgentTurn;
import com.dentaldesk.simulator.CallListener;
import com.dentaldesk.simulator.RetellCallClient;
import com.dentaldesk.simulator.SimulatorException;
import com.dentaldesk.voice.support.BookingStubs;
import com.dentaldesk.voice.support.Clinics;
import com.dentaldesk.voice.support.OpenAiStubs;
import com.dentaldesk.voice.support.TestCalls;
import com.dentaldesk.voice.support.WireMockServers;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
@QuarkusTestResource(WireMockServers.class)
class SocketOpeningTest {

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void stubs() {
        new BookingStubs(WireMockServers.booking).defaults();
        new OpenAiStubs(WireMockServers.openai).reset();
    }

    @Test
    void shouldSendConfigThenGreetingWithoutAskingTheModel() throws Exception {
        List<RetellResponse> frames = new CopyOnWriteArrayList<>();
        CallListener recorder = new CallListener() {
            @Override
            public void onFrame(RetellResponse frame) {
                frames.add(frame);
            }
        };
        try (RetellCallClient call = RetellCallClient.connect(TestCalls.baseUrl(root), null,
                TestCalls.inbound(Clinics.AGENT_ID), recorder, TestCalls.options())) {
            AgentTurn greeting = call.greeting();
            assertTrue(greeting.await(3000), "greeting within 3 s");
            assertEquals(Clinics.GREETING, greeting.content());
            RetellResponse.Config config = (RetellResponse.Config) frames.get(0);
            assertTrue(config.config().autoReconnect() && config.config().callDetails()
                    && config.config().transcriptWithToolCalls());
            assertFalse(greeting.endCall());
        }
        WireMockServers.openai.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void shouldGreetFromClinicSlugInUrlBeforeCallDetails() throws Exception {
        RetellCall call = TestCalls.inbound(null);
        try (RetellCallClient client = RetellCallClient.connect(TestCalls.baseUrl(root), Clinics.SLUG, call,
                CallListener.QUIET, TestCalls.options())) {
            assertTrue(client.greeting().await(3000));
            assertEquals(Clinics.GREETING, client.greeting().content());
        }
    }

    @Test
    void shouldRefuseUnknownClinicPolitelyAndEndTheCall() throws Exception {
        try (RetellCallClient call = TestCalls.open(root, TestCalls.inbound("agent_nobody_knows"))) {
            AgentTurn greeting = call.greeting();
            assertTrue(greeting.await(3000));
            assertTrue(greeting.content().contains("isn't set up"), greeting.content());
            assertTrue(greeting.endCall(), "end_call on the refusal");
            AgentTurn again = call.say("Hello? I want to book");
            assertTrue(again.await(3000));
            assertTrue(again.endCall(), "every later turn says goodbye again");
        }
        WireMockServers.openai.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void shouldRejectSocketWithWrongSecretBeforeAnyWork() {
        String wrong = TestCalls.baseUrl(root).replace(TestCalls.SECRET, "wrong-secret-0123456789abcd");
        SimulatorException refused = assertThrows(SimulatorException.class, () -> RetellCallClient.connect(wrong,
                null, TestCalls.inbound(Clinics.AGENT_ID), CallListener.QUIET, TestCalls.options()));
        assertTrue(refused.getMessage().contains("401") || refused.getMessage().contains("handshake")
                || refused.getMessage().contains("Unexpected"), refused.getMessage());
        WireMockServers.booking.verify(0, getRequestedFor(urlPathEqualTo("/api/organizations/resolve")));
    }

    @Test
    void shouldRejectQuerySecretWhenSecretMustBeInPath() {
        String querySecret = "ws://" + root.getHost() + ":" + root.getPort() + "/llm-websocket/{call_id}?secret="
                + TestCalls.SECRET;
        assertThrows(SimulatorException.class, () -> RetellCallClient.connect(querySecret, null,
                TestCalls.inbound(Clinics.AGENT_ID), CallListener.QUIET, TestCalls.options()));
        WireMockServers.booking.verify(0, getRequestedFor(urlPathEqualTo("/api/organizations/resolve")));
    }

    @Test
    void shouldGreetWithMessageOfferWhenBookingApiIsDownAtOpen() throws Exception {
        BookingStubs booking = new BookingStubs(WireMockServers.booking);
        booking.down();
        try (RetellCallClient call = TestCalls.open(root, TestCalls.inbound(Clinics.AGENT_ID))) {
            AgentTurn greeting = call.greeting();
            assertTrue(greeting.await(4000));
            assertTrue(greeting.content().contains("take a message"), greeting.content());
            assertFalse(greeting.endCall(), "a dead booking-api never drops the call");
        }
    }

    @Test
    void shouldServeHealthOnSlashHealth() {
        RestAssured.given().baseUri("http://" + root.getHost() + ":" + root.getPort()).get("/health/ready")
                .then().statusCode(200);
        RestAssured.given().baseUri("http://" + root.getHost() + ":" + root.getPort()).get("/health/live")
                .then().statusCode(200);
    }
}
